// Adaptive sampling's decision on hand-made samples: a dead tag stops after page 1, a tag on the top-10 boundary
// gets every page, a tag settled by page 2 gets no page 3, the tie band names the tags still on the boundary after
// their last page, a tag's estimate on the fixed scale depends on its own posts only, and seed never samples
// adaptively.
import { describe, expect, it } from 'vitest';
import {
  decideSampling,
  estimateRegion,
  firstPageScale,
  fullSampleShare,
  tieBand,
} from '../../src/core/engine/adaptive';
import { distinctAt, partStats } from '../../src/core/engine/adaptive-estimate';
import type { PartPriors } from '../../src/core/engine/adaptive-pooling';
import { resolveSettings } from '../../src/core/engine/presets';
import type { RegionEntry } from '../../src/core/engine/score';
import type { Challenge, Post } from '../../src/shared/model';

const NOW = 1_795_000_000;
const DAY = 86_400;
const organic = resolveSettings('organic', { sampling: 'adaptive' });
const NONE = new Set<string>();

const challenge = (name: string): Challenge => ({
  id: name,
  name,
  desc: '',
  userCount: 1000,
  viewCount: 100_000,
  isCommerce: false,
});

/** n posts; `fresh` of them inside the window; likes around `likes` (with some spread), by `authors` authors. */
function posts(name: string, n: number, fresh: number, likes: number, authors = 10, from = 0): Post[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return {
      id: `${name}-${i}`,
      createTime: j < fresh ? NOW - 3 * DAY : NOW - 60 * DAY,
      likes: Math.round(likes * (0.5 + ((i * 37) % 10) / 10)),
      comments: 0,
      shares: 0,
      plays: 0,
      authorId: `${name}_a${i % authors}`,
      caption: '',
    };
  });
}

/** 30 tags with well-spread first pages; #0 best. */
function region(): RegionEntry[] {
  return Array.from({ length: 30 }, (_, i) => {
    const name = `tag${i}`;
    return {
      candidate: name,
      challenge: challenge(name),
      posts: posts(name, 30, Math.max(0, 30 - i), 5000 / (i + 1)),
    };
  });
}

const all = (entries: readonly RegionEntry[]): Set<string> => new Set(entries.map((e) => e.candidate));

describe('adaptive sampling: the decision', () => {
  it('a dead tag stops after page 1, and says why', () => {
    const entries = region();
    entries[29]!.posts = posts('tag29', 30, 0, 1);
    const d = decideSampling(entries, all(entries), NONE, organic, NOW);
    expect(d.fetch.has('tag29')).toBe(false);
    expect(d.outside.has('tag29')).toBe(true);
    expect(d.stop.get('tag29')).toMatch(
      /^the ranking was decided: clearly outside the top 10 \(\d+\.\d standard errors from it, 1\.28 needed\)$/,
    );
    // Every open tag is fetched or stopped, and not every tag is fetched.
    expect(d.fetch.size + d.stop.size).toBe(30);
    expect(d.fetch.size).toBeLessThan(30);
    // The distance a reason gives (the tag's and the boundary's uncertainty counted) is the one the rule used.
    for (const why of d.stop.values())
      expect(Number(/(\d+\.\d) standard errors/.exec(why)![1])).toBeGreaterThanOrEqual(1.28);
  });

  it('a tag on the boundary gets every page: page 2, then page 3', () => {
    const entries = region();
    const scale = firstPageScale(entries, NONE, organic, NOW);
    const first = decideSampling(entries, all(entries), NONE, organic, NOW, { scale });
    // Ranks 10 and 11 (tag9 and tag10) sit on the boundary.
    expect(first.fetch.has('tag9')).toBe(true);
    expect(first.fetch.has('tag10')).toBe(true);
    // Page 2 like page 1: still on the boundary, so page 3 too.
    for (const e of entries.filter((x) => first.fetch.has(x.candidate))) {
      const i = Number(e.candidate.slice(3));
      e.posts = [...e.posts, ...posts(e.candidate, 30, Math.max(0, 30 - i), 5000 / (i + 1), 10, 30)];
    }
    const second = decideSampling(entries, first.fetch, NONE, organic, NOW, { scale });
    expect(second.fetch.has('tag9')).toBe(true);
    expect(second.fetch.has('tag10')).toBe(true);
  });

  it('a tag settled by page 2 gets no page 3', () => {
    const entries = region();
    const scale = firstPageScale(entries, NONE, organic, NOW);
    const first = decideSampling(entries, all(entries), NONE, organic, NOW, { scale });
    expect(first.fetch.has('tag10')).toBe(true);
    // Its second page is old and unliked: with two pages it is clearly outside the top 10.
    const tag10 = entries[10]!;
    tag10.posts = [...tag10.posts, ...posts('tag10', 30, 0, 1, 10, 30)];
    const second = decideSampling(entries, new Set(['tag10']), NONE, organic, NOW, { scale });
    expect(second.fetch.has('tag10')).toBe(false);
    expect(second.stop.get('tag10')).toMatch(/clearly outside the top 10/);
  });

  it("a tag's other regions that agree with its page 1 settle it sooner, but the boundary's own tags still get their pages", () => {
    // Pages at random (old and fresh posts mixed in each half of page 1): no drift to learn, noise alone.
    const entries = region().map((e) => ({
      ...e,
      posts: [...e.posts.filter((_, i) => i % 2 === 0), ...e.posts.filter((_, i) => i % 2 === 1)],
    }));
    const scale = firstPageScale(entries, NONE, organic, NOW);
    const alone = decideSampling(entries, all(entries), NONE, organic, NOW, { scale });
    // Every tag's other regions say what its page 1 says, and say it surely (26 regions alike).
    const priors: PartPriors = new Map(
      entries.map((e) => {
        const s = partStats(e.posts, NONE, organic, NOW, organic.pages * organic.pageSize);
        const at = (x: number) => ({ mean: x, variance: 1e-6 });
        return [
          e.candidate,
          { velocity: at(s.value.velocity), density: at(s.value.density), overlap: at(s.value.overlap) },
        ];
      }),
    );
    const pooled = decideSampling(entries, all(entries), NONE, organic, NOW, { scale, priors });
    expect(pooled.fetch.size).toBeLessThan(alone.fetch.size);
    for (const c of pooled.fetch) expect(alone.fetch.has(c)).toBe(true);
    expect(pooled.fetch.has('tag9')).toBe(true);
    expect(pooled.fetch.has('tag10')).toBe(true);
    // Its estimate narrows to about the unseen posts' own noise: a third of the page's variance is left.
    const open = new Set(['tag12']);
    const se = (p?: PartPriors) =>
      estimateRegion(entries, open, NONE, organic, NOW, scale, p).get('tag12')!.se;
    expect(se(priors)).toBeLessThan(se() * 0.75);
    expect(se(priors)).toBeGreaterThan(se() * Math.sqrt(1 / 3) * 0.99);
  });

  it('a short list has no top-10 boundary: only the contenders for #1 are sampled on', () => {
    const entries = region().slice(0, 8);
    const d = decideSampling(entries, all(entries), NONE, organic, NOW);
    expect(d.fetch.has('tag7')).toBe(false);
    expect(d.stop.get('tag7')).toMatch(/clearly behind #1/);
    expect(d.outside.size).toBe(0);
  });
});

describe('adaptive sampling: estimates and the tie band', () => {
  it("on the fixed scale a settled tag's estimate depends on its own posts only", () => {
    const entries = region();
    const scale = firstPageScale(entries, NONE, organic, NOW);
    const before = estimateRegion(entries, NONE, NONE, organic, NOW, scale).get('tag5')!;
    // Another tag's later pages change the preset's min-max, not this estimate.
    entries[0]!.posts = [...entries[0]!.posts, ...posts('tag0', 60, 0, 100_000, 10, 30)];
    const after = estimateRegion(entries, NONE, NONE, organic, NOW, scale).get('tag5')!;
    expect(after).toEqual(before);
  });

  it("an open tag's standard error is about its full sample: the posts in hand are part of it, so only the rest is unknown", () => {
    const entries = region();
    const scale = firstPageScale(entries, NONE, organic, NOW);
    const settled = estimateRegion(entries, NONE, NONE, organic, NOW, scale).get('tag5')!;
    // One open tag: too few for a drift to be learnt, so the finite-population correction is all that differs.
    const open = estimateRegion(entries, new Set(['tag5']), NONE, organic, NOW, scale).get('tag5')!;
    expect(open.se).toBeCloseTo(settled.se * Math.sqrt(1 - 30 / 90), 10);
    expect(fullSampleShare(30, organic)).toBeCloseTo(0.816, 3);
    expect(fullSampleShare(60, organic)).toBeCloseTo(0.577, 3);
    expect(fullSampleShare(90, organic)).toBe(0);
  });

  it('a target creator who posts often: the share of target authors is extrapolated down to the full sample', () => {
    // 30 posts: one target author with 10 of them, 20 others seen once each.
    const counts = Array.from({ length: 20 }, () => 1);
    expect(distinctAt(counts, 20, 20)).toBe(20);
    expect(distinctAt(counts, 20, 60)).toBeGreaterThan(40);
    expect(distinctAt([10], 10, 30)).toBe(1);
  });

  it('the tie band names the tags still straddling the top-10 boundary after their last page, not the clear ones', () => {
    const entries = region();
    const band = tieBand(entries, NONE, organic, NOW);
    expect(band.has('tag9') || band.has('tag10')).toBe(true);
    expect(band.has('tag0')).toBe(false);
    expect(band.has('tag29')).toBe(false);
    for (const why of band.values())
      expect(why).toMatch(
        /^in the tie band at the top-10 boundary: \d\.\d standard errors from it \(0\.67 needed\) after 1 of 3 pages, so rank 10 or 11 is not decided$/,
      );
    // A list of ten or fewer has no such boundary.
    expect(tieBand(entries.slice(0, 10), NONE, organic, NOW).size).toBe(0);
  });

  it('seed samples in full, always; organic and paid sample adaptively when asked', () => {
    expect(resolveSettings('seed').sampling).toBe('full');
    expect(resolveSettings('organic', { sampling: 'adaptive' }).sampling).toBe('adaptive');
    expect(resolveSettings('paid', { sampling: 'adaptive' }).sampling).toBe('adaptive');
    expect(() => resolveSettings('seed', { sampling: 'adaptive' })).toThrow(
      'Invalid setting sampling: the seed preset always samples in full, so it stays identical to the reference method.',
    );
  });
});
