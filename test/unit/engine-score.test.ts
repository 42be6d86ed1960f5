// Scoring and ranking of one region, with the reference's numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/core/engine/presets';
import { scoreRegion, type RegionEntry } from '../../src/core/engine/score';
import type { Challenge, Post } from '../../src/shared/model';

const NOW = 1_700_000_000;
const DAY = 86_400;
const RECENT = NOW - DAY; // inside the 14-day window
const OLD = NOW - 20 * DAY; // outside it

let nextId = 0;
function post(likes: number, createTime: number, authorId: string, id = `p${++nextId}`): Post {
  return { id, createTime, likes, comments: 0, shares: 0, plays: 0, authorId, caption: '' };
}
function challenge(name: string, extra: Partial<Challenge> = {}): Challenge {
  return {
    id: `id-${name}`,
    name,
    desc: '',
    userCount: 1_000,
    viewCount: 50_000,
    isCommerce: false,
    ...extra,
  };
}
const targets = new Set(['acme', 'studio']);

/** Three tags whose raw metrics are easy to follow. */
function threeTags(): RegionEntry[] {
  return [
    {
      candidate: 'alpha',
      challenge: challenge('alpha'),
      // density (100+300+200+400)/4 = 250; velocity 2/4 = 0.5; authors {acme,bob,carol} → overlap 1/3
      posts: [
        post(100, RECENT, 'acme'),
        post(300, RECENT, 'bob'),
        post(200, OLD, 'acme'),
        post(400, OLD, 'carol'),
      ],
    },
    {
      candidate: 'beta',
      challenge: challenge('beta'),
      // density 50; velocity 3/3 = 1; authors {studio,dave} → overlap 1/2
      posts: [post(50, RECENT, 'studio'), post(50, RECENT, 'studio'), post(50, RECENT, 'dave')],
    },
    {
      candidate: 'gamma',
      challenge: challenge('gamma'),
      // density (1000+0)/2 = 500; velocity 0; authors {erin} ('' discarded) → overlap 0
      posts: [post(1000, OLD, 'erin'), post(0, OLD, '')],
    },
  ];
}

describe('scoreRegion under seed', () => {
  it('reproduces the reference: raw, normalised, score, rank', () => {
    const r = scoreRegion(threeTags(), targets, PRESETS.seed, NOW, 'US');
    expect(r.region).toBe('US');
    expect(r.excluded).toEqual([]);
    // velocity' = [0.5, 1, 0]; density' over [250, 50, 500] = [200/450, 0, 1]; overlap' over [1/3, 1/2, 0] = [2/3, 1, 0]
    // alpha: 100 × (0.35×0.5 + 0.30×0.4444 + 0.30×0.6667) = 100 × 0.508333 = 50.8333 → 50.83
    // beta:  100 × (0.35×1 + 0 + 0.30×1) = 64.99999999999999 in doubles → 65.0
    // gamma: 100 × (0 + 0.30×1 + 0) = 30.000000000000004 → 30.0
    expect(r.ranked.map((t) => [t.rank, t.tag, t.score])).toEqual([
      [1, 'beta', 65],
      [2, 'alpha', 50.83],
      [3, 'gamma', 30],
    ]);
    const alpha = r.ranked[1]!;
    expect(alpha).toMatchObject({ velocity: 0.5, density: 250, overlap: 1 / 3, sample: 4, served: 4 });
    expect(alpha.normalised).toEqual({ velocity: 0.5, density: 200 / 450, overlap: 2 / 3 });
    expect(alpha).toMatchObject({ distinctAuthors: 3, targetAuthors: 1, medianLikes: 250, meanLikes: 250 });
    // Every row carries its sample and raw metrics, and flags (samples under 60 are small).
    for (const t of r.ranked) {
      expect(t.flags.map((f) => f.kind)).toContain('small-sample');
      expect(t.candidate).toBe(t.tag);
    }
  });

  it('keeps the input order for equal scores', () => {
    const same = (): Post[] => [post(10, RECENT, 'x')];
    const entries: RegionEntry[] = ['one', 'two', 'three'].map((n) => ({
      candidate: n,
      challenge: challenge(n),
      posts: same(),
    }));
    const r = scoreRegion(entries, targets, PRESETS.seed, NOW, 'BR');
    expect(r.ranked.map((t) => t.tag)).toEqual(['one', 'two', 'three']);
    expect(r.ranked.map((t) => t.rank)).toEqual([1, 2, 3]);
  });

  it('gives 0.5 to every tag when a metric does not vary: 100 × (0.35 + 0.30 + 0.30) × 0.5 = 47.5', () => {
    const entries: RegionEntry[] = ['a', 'b'].map((n) => ({
      candidate: n,
      challenge: challenge(n),
      posts: [post(10, RECENT, 'x')],
    }));
    const r = scoreRegion(entries, targets, PRESETS.seed, NOW, 'US');
    expect(r.ranked.map((t) => t.score)).toEqual([47.5, 47.5]);
    expect(r.ranked[0]!.normalised).toEqual({ velocity: 0.5, density: 0.5, overlap: 0.5 });
  });

  it('scores an empty sample with zeros (it still takes part in the normalisation)', () => {
    const entries: RegionEntry[] = [
      { candidate: 'empty', challenge: challenge('empty'), posts: [] },
      { candidate: 'full', challenge: challenge('full'), posts: [post(10, RECENT, 'acme')] },
    ];
    const r = scoreRegion(entries, targets, PRESETS.seed, NOW, 'US');
    // full: all three metrics are the max → 100 × (0.35 + 0.30 + 0.30) = 95.0; empty: all min → 0.0
    expect(r.ranked.map((t) => [t.tag, t.score])).toEqual([
      ['full', 95],
      ['empty', 0],
    ]);
    expect(r.ranked[1]).toMatchObject({ velocity: 0, density: 0, overlap: 0, sample: 0 });
  });

  it('excludes a hashtag that was not found and a commercial one, with reasons', () => {
    const entries: RegionEntry[] = [
      ...threeTags(),
      { candidate: 'ghost', challenge: null, posts: [] },
      {
        candidate: 'brand',
        challenge: challenge('BrandChallenge', { isCommerce: true }),
        posts: [post(1, NOW, 'a')],
      },
    ];
    const r = scoreRegion(entries, targets, PRESETS.seed, NOW, 'US');
    expect(r.ranked.map((t) => t.tag)).toEqual(['beta', 'alpha', 'gamma']);
    expect(r.excluded).toEqual([
      { tag: 'ghost', kind: 'not-found', reason: expect.stringContaining('not found') },
      { tag: 'BrandChallenge', kind: 'commercial', reason: expect.stringContaining('advertiser') },
    ]);
    // The excluded tags change nothing: the scores are those of the three tags alone.
    expect(r.ranked.map((t) => t.score)).toEqual([65, 50.83, 30]);
  });

  it('scores a candidate listed twice once', () => {
    const entries = [...threeTags(), threeTags()[0]!];
    expect(scoreRegion(entries, targets, PRESETS.seed, NOW, 'US').ranked).toHaveLength(3);
  });

  it('counts duplicated posts twice, so density and velocity shift', () => {
    const dup = post(1000, RECENT, 'acme', 'dup');
    const entries: RegionEntry[] = [
      // seed: (1000 + 1000 + 10) / 3 = 670; velocity 2/3.  organic: one copy: velocity 1/2
      {
        candidate: 'dupes',
        challenge: challenge('dupes'),
        posts: [dup, { ...dup }, post(10, OLD, 'x', 'o1')],
      },
      // 100 likes each; velocity 1/2
      {
        candidate: 'plain',
        challenge: challenge('plain'),
        posts: [post(100, RECENT, 'y'), post(100, OLD, 'z')],
      },
    ];
    const seed = scoreRegion(entries, targets, PRESETS.seed, NOW, 'US');
    const dupes = seed.ranked.find((t) => t.tag === 'dupes')!;
    expect(dupes).toMatchObject({ sample: 3, served: 3, density: 670, velocity: 2 / 3 });
    const organic = scoreRegion(entries, targets, PRESETS.organic, NOW, 'US');
    const dupesOrganic = organic.ranked.find((t) => t.tag === 'dupes')!;
    expect(dupesOrganic).toMatchObject({ sample: 2, served: 3, velocity: 0.5 });
    // Both tags now have velocity 1/2: max = min → 0.5 each.
    expect(dupesOrganic.normalised.velocity).toBe(0.5);
  });
});

describe('scoreRegion under paid', () => {
  it('keeps a commercial tag and takes the ad penalty off its score', () => {
    const entries: RegionEntry[] = [
      {
        candidate: 'brand',
        challenge: challenge('brand', { isCommerce: true }),
        posts: [post(10, RECENT, 'acme')],
      },
      { candidate: 'plain', challenge: challenge('plain'), posts: [post(10, RECENT, 'acme')] },
    ];
    const r = scoreRegion(entries, targets, PRESETS.paid, NOW, 'US');
    // Identical samples → every normalised value is 0.5.
    // plain: 100 × (0.2×0.5 + 0.3×0.5 + 0.5×0.5) = 50.0
    // brand: 100 × (0.2×0.5 + 0.3×0.5 + 0.5×0.5 − 0.05×0.5) = 100 × 0.475 = 47.5
    expect(r.ranked.map((t) => [t.tag, t.score, t.isCommerce])).toEqual([
      ['plain', 50, false],
      ['brand', 47.5, true],
    ]);
    expect(r.excluded).toEqual([]);
    expect(r.ranked[1]!.flags.map((f) => f.kind)).toContain('commercial');
  });

  it('can give a commercial tag a negative score', () => {
    const entries: RegionEntry[] = [
      { candidate: 'brand', challenge: challenge('brand', { isCommerce: true }), posts: [post(0, 0, '')] },
      { candidate: 'plain', challenge: challenge('plain'), posts: [post(10, RECENT, 'acme')] },
    ];
    // brand has every metric at the minimum: 100 × (0 − 0.05 × 0.5) = −2.5
    const r = scoreRegion(entries, targets, PRESETS.paid, NOW, 'US');
    expect(r.ranked.map((t) => t.score)).toEqual([100, -2.5]);
  });
});

describe('a tag with no posts in a region', () => {
  const entries: RegionEntry[] = [
    { candidate: 'regional', challenge: challenge('regional', { userCount: 500_000 }), posts: [] },
    { candidate: 'plain', challenge: challenge('plain'), posts: [post(10, RECENT, 'acme')] },
  ];
  it("is left out of the robust presets' ranking, said as no posts in this region", () => {
    const r = scoreRegion(entries, targets, PRESETS.organic, NOW, 'US');
    expect(r.ranked.map((t) => t.tag)).toEqual(['plain']);
    expect(r.excluded).toEqual([
      {
        tag: 'regional',
        kind: 'no-posts',
        reason:
          'No posts in this region: TikLiveAPI served none for #regional here. Nothing to score, so it is not ranked.',
      },
    ]);
  });
  it('is still ranked by seed, as the reference ranks it, flagged no-posts rather than shadow-limited', () => {
    const r = scoreRegion(entries, targets, PRESETS.seed, NOW, 'US');
    expect(r.ranked.map((t) => [t.tag, t.score])).toEqual([
      ['plain', 95],
      ['regional', 0],
    ]);
    expect(r.ranked[1]!.flags.map((f) => f.kind)).toEqual(['no-posts']);
  });
});

describe('scoreRegion under organic', () => {
  it('one viral post flattens seed density but not organic density', () => {
    const entries: RegionEntry[] = [
      {
        candidate: 'viral',
        challenge: challenge('viral1'),
        posts: [post(1_000_000, RECENT, 'a'), ...Array.from({ length: 9 }, () => post(100, RECENT, 'a'))],
      },
      {
        candidate: 'steady',
        challenge: challenge('steady'),
        posts: Array.from({ length: 10 }, () => post(500, RECENT, 'b')),
      },
      {
        candidate: 'quiet',
        challenge: challenge('quiet'),
        posts: Array.from({ length: 10 }, () => post(200, RECENT, 'c')),
      },
    ];
    const d = (r: ReturnType<typeof scoreRegion>, tag: string): number =>
      r.ranked.find((t) => t.tag === tag)!.normalised.density;
    // seed means: 100,090 / 500 / 200 → steady = (500 − 200) / (100,090 − 200) = 300 / 99,890 = 0.0030
    const seed = scoreRegion(entries, targets, PRESETS.seed, NOW, 'US');
    expect(d(seed, 'viral1')).toBe(1);
    expect(d(seed, 'steady')).toBeCloseTo(0.003, 4);
    expect(d(seed, 'steady') - d(seed, 'quiet')).toBeLessThan(0.01);
    // organic log-means: 5.5352 / 6.2166 / 5.3033 → steady 1, quiet 0, viral (5.5352 − 5.3033) / 0.9133 = 0.2539
    const organic = scoreRegion(entries, targets, PRESETS.organic, NOW, 'US');
    expect(d(organic, 'steady')).toBe(1);
    expect(d(organic, 'quiet')).toBe(0);
    expect(d(organic, 'viral1')).toBeCloseTo(0.2539, 3);
  });
});
