// A tag's later posts' recency from its posts' ages by place (engine/adaptive-ages.ts): served newest first, page 1
// of a steady tag says where its full sample's window ends; served at random, the line is not used, as the posts'
// own halves show it predicts worse than the posts in hand.
import { describe, expect, it } from 'vitest';
import { linePredictsBetter, velocityByAges, velocityFromAges } from '../../src/core/engine/adaptive-ages';
import { resolveSettings } from '../../src/core/engine/presets';
import type { HeldPost } from '../../src/core/pipeline/lean-posts';
import { mulberry32 } from '../../src/core/prng';

const NOW = 1_795_000_000;
const HOUR = 3_600;
const organic = resolveSettings('organic', { sampling: 'adaptive' });

/** 90 posts of a tag posting every `everyHours` hours (a little jitter), newest first. */
function steady(name: string, everyHours: number, seed = 1): HeldPost[] {
  const rng = mulberry32(seed);
  return Array.from({ length: 90 }, (_, i) => ({
    id: `${name}-${i}`,
    createTime: Math.round(NOW - (i + 0.5) * everyHours * HOUR + (rng() - 0.5) * everyHours * HOUR),
    likes: 100,
    plays: 0,
    authorId: `${name}-a${i % 40}`,
    hashtags: [],
  }));
}

const shuffled = (posts: readonly HeldPost[], seed: number): HeldPost[] => {
  const rng = mulberry32(seed);
  const out = [...posts];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const velocity = (posts: readonly HeldPost[]): number =>
  posts.filter((p) => NOW - p.createTime <= organic.windowDays * 24 * HOUR).length / posts.length;

describe("a tag's later posts from its posts' ages", () => {
  it("served newest first, a steady tag's page 1 says where its full sample's window ends", () => {
    // A post every 6 hours: page 1 spans 7.5 days (all inside the 14-day window), the full sample 22.5 days.
    const full = steady('steady', 6);
    const page1 = full.slice(0, 30);
    expect(velocity(page1)).toBe(1);
    const truth = velocity(full);
    expect(truth).toBeGreaterThan(0.55);
    expect(truth).toBeLessThan(0.7);
    const byAge = velocityFromAges(page1, 90, organic, NOW)!;
    expect(Math.abs(byAge.value - truth)).toBeLessThan(0.05);
    expect(Math.sqrt(byAge.variance)).toBeLessThan(0.05);
  });

  it('the line is used where it predicts the second half of page 1 better: in time order, not at random', () => {
    const tags = Array.from({ length: 20 }, (_, i) => steady(`t${i}`, 2 + i * 1.5, i + 1));
    expect(linePredictsBetter(tags, 30, organic, NOW)).toBe(true);
    const atRandom = tags.map((t, i) => shuffled(t, 100 + i));
    expect(linePredictsBetter(atRandom, 30, organic, NOW)).toBe(false);
    // Too few samples to judge: not used.
    expect(linePredictsBetter(tags.slice(0, 4), 30, organic, NOW)).toBe(false);
  });

  it("in time order every open tag's velocity comes from its line, near its full sample's; at random none does", () => {
    const tags = Array.from({ length: 20 }, (_, i) => steady(`t${i}`, 2 + i * 1.5, i + 1));
    const inOrder = velocityByAges(new Map(tags.map((t, i) => [`t${i}`, t.slice(0, 30)])), 90, organic, NOW);
    expect(inOrder.size).toBe(20);
    for (const [i, t] of tags.entries())
      expect(Math.abs(inOrder.get(`t${i}`)!.value - velocity(t))).toBeLessThan(0.1);
    const atRandom = velocityByAges(
      new Map(tags.map((t, i) => [`t${i}`, shuffled(t, 100 + i).slice(0, 30)])),
      90,
      organic,
      NOW,
    );
    expect(atRandom.size).toBe(0);
  });

  it('a full sample in hand, or too few posts, gives no line', () => {
    const full = steady('steady', 6);
    expect(velocityFromAges(full, 90, organic, NOW)).toBeUndefined();
    expect(velocityFromAges(full.slice(0, 5), 90, organic, NOW)).toBeUndefined();
  });
});
