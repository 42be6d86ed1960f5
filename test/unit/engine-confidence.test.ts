// A confidence for every score: a bootstrap over the sampled posts, on simulator data. Fewer posts give a wider
// interval, too few none; identical posts give a zero-width one; the scores themselves never change; a weights-only re-score that reuses
// the draws gives exactly what a fresh bootstrap gives.
import { describe, expect, it } from 'vitest';
import { bootstrapRegion, withConfidence } from '../../src/core/engine/confidence';
import { resolveSettings } from '../../src/core/engine/presets';
import { type RegionEntry, scoreRegion } from '../../src/core/engine/score';
import { toPostsPage } from '../../src/core/api/to-model';
import { buildDemoDataset, createGenerator } from '../../src/core/simulator';
import type { Post } from '../../src/shared/model';

const NOW_MS = Date.parse('2026-11-20T00:00:00Z');
const NOW = NOW_MS / 1000;
const dataset = buildDemoDataset();
const targets = new Set(dataset.creators.map((c) => c.toLowerCase()));
const generator = createGenerator(dataset);

/** The simulator's first `n` posts of a tag in a region, as the client parses them. */
function sample(name: string, region: string, n = 90): Post[] {
  const tag = dataset.tags.find((t) => t.name === name)!;
  const page = generator.postsPage(tag, region, NOW_MS, '0', n);
  return toPostsPage(page, { endpoint: '/challenge-posts/', subject: name }).posts;
}

const ordinary = dataset.tags.filter((t) => t.shape === 'steady' || t.shape === 'surging').slice(0, 12);

function region(override?: { name: string; n: number }): RegionEntry[] {
  return ordinary.map((t) => ({
    candidate: t.name,
    challenge: { id: t.id, name: t.name, desc: '', userCount: 1000, viewCount: 1e6, isCommerce: false },
    posts: sample(t.name, 'US', override?.name === t.name ? override.n : 90),
  }));
}

const width = (c: { low: number | null; high: number | null }): number => (c.high ?? NaN) - (c.low ?? NaN);

describe('confidence', () => {
  const settings = resolveSettings('organic');
  it('a tag with 20 sampled posts has a wider interval than with 90 and is a small sample; with 7, no interval', () => {
    const name = ordinary[3]!.name;
    const full = region();
    const boot = (entries: RegionEntry[]) =>
      bootstrapRegion(entries, scoreRegion(entries, targets, settings, NOW, 'US'), targets, settings, NOW);
    const a = boot(full).get(name)!;
    const b = boot(region({ name, n: 20 })).get(name)!;
    expect(width(b)).toBeGreaterThan(width(a));
    expect(b.smallSample).toBe(true);
    expect(a.smallSample).toBeUndefined();
    const c = boot(region({ name, n: 7 })).get(name)!;
    expect(c).toMatchObject({ low: null, high: null, label: 'too few posts' });
    expect(c.reason).toBe('Too few posts for an interval: 7 sampled (an interval needs at least 10).');
  });

  it('identical posts give a zero-width interval and a single rank', () => {
    const one = sample(ordinary[0]!.name, 'US', 1)[0]!;
    const entries: RegionEntry[] = ordinary.slice(0, 5).map((t, i) => ({
      candidate: t.name,
      challenge: { id: t.id, name: t.name, desc: '', userCount: 1000, viewCount: 1e6, isCommerce: false },
      // Every tag's posts are copies of one post (distinct ids), with a different like count per tag.
      posts: Array.from({ length: 60 }, (_, k) => ({ ...one, id: `${t.id}-${k}`, likes: 100 * (i + 1) })),
    }));
    const scored = withConfidence(
      entries,
      scoreRegion(entries, targets, settings, NOW, 'US'),
      targets,
      settings,
      NOW,
    );
    for (const t of scored.ranked) {
      expect(t.confidence).toMatchObject({ low: t.score, high: t.score, rankLow: t.rank, rankHigh: t.rank });
      expect(t.confidence!.label).toBe('confident');
    }
  });

  it("adds to the seed preset's scores without changing them, and repeats exactly", () => {
    const seed = resolveSettings('seed');
    const entries = region();
    const plain = scoreRegion(entries, targets, seed, NOW, 'US');
    const once = withConfidence(entries, plain, targets, seed, NOW);
    expect(once.ranked.map((t) => [t.candidate, t.score, t.rank])).toEqual(
      plain.ranked.map((t) => [t.candidate, t.score, t.rank]),
    );
    const again = withConfidence(region(), plain, targets, seed, NOW);
    expect(again.ranked.map((t) => t.confidence)).toEqual(once.ranked.map((t) => t.confidence));
    // Every interval holds its own score, and the ranks are ranks of this region.
    for (const t of once.ranked) {
      if (t.confidence!.low !== null) {
        expect(t.confidence!.low).toBeLessThanOrEqual(t.score);
        expect(t.score).toBeLessThanOrEqual(t.confidence!.high!);
      }
      expect(t.confidence!.rankLow).toBeGreaterThanOrEqual(1);
      expect(t.confidence!.rankHigh).toBeLessThanOrEqual(once.ranked.length);
    }
  });

  it('a weights-only re-score that reuses the draws equals a fresh bootstrap; new posts are drawn anew', () => {
    const entries = region();
    const first = bootstrapRegion(
      entries,
      scoreRegion(entries, targets, settings, NOW, 'US'),
      targets,
      settings,
      NOW,
    );
    const paid = resolveSettings('organic', {
      weights: { velocity: 0.1, density: 0.2, overlap: 0.7, adPenalty: 0 },
    });
    const reused = bootstrapRegion(
      entries,
      scoreRegion(entries, targets, paid, NOW, 'US'),
      targets,
      paid,
      NOW,
    );
    const copies = entries.map((e) => ({ ...e, posts: [...e.posts] }));
    const fresh = bootstrapRegion(copies, scoreRegion(copies, targets, paid, NOW, 'US'), targets, paid, NOW);
    expect(reused).toEqual(fresh);
    expect(reused).not.toEqual(first);
    // A page appended in place is a new sample: the remembered draws are not used for it.
    const grown = entries.map((e) => ({ ...e, posts: e.posts.slice(0, 30) }));
    const before = bootstrapRegion(
      grown,
      scoreRegion(grown, targets, settings, NOW, 'US'),
      targets,
      settings,
      NOW,
    );
    grown.forEach((e, i) => e.posts.push(...entries[i]!.posts.slice(30)));
    const after = bootstrapRegion(
      grown,
      scoreRegion(grown, targets, settings, NOW, 'US'),
      targets,
      settings,
      NOW,
    );
    expect(after).toEqual(first);
    expect(after).not.toEqual(before);
  });
});
