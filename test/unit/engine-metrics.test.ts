// Raw metrics per hashtag: hand-worked numbers for seed (the reference) and organic.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/core/engine/metrics';
import { PRESETS } from '../../src/core/engine/presets';
import type { Post } from '../../src/shared/model';

const NOW = 1_700_000_000;
const DAY = 86_400;
// The 14-day window's cutoff: NOW - 14 × 86400 = 1_698_790_400.
const CUTOFF = NOW - 14 * DAY;

let nextId = 0;
function post(likes: number, createTime: number, authorId: string, id = `p${++nextId}`): Post {
  return { id, createTime, likes, comments: 0, shares: 0, plays: 0, authorId, caption: '' };
}

const targets = new Set(['acme', 'studio']);

describe('computeMetrics under seed (the reference)', () => {
  it('computes mean likes, share of recent posts and author overlap', () => {
    const posts = [
      post(100, NOW - DAY, 'acme'),
      post(300, NOW - DAY, 'bob'),
      post(200, NOW - 20 * DAY, 'acme'),
      post(400, NOW - 20 * DAY, 'carol'),
    ];
    const m = computeMetrics(posts, targets, NOW, PRESETS.seed);
    // density = (100 + 300 + 200 + 400) / 4 = 250
    expect(m.density).toBe(250);
    // velocity = 2 recent of 4 = 0.5
    expect(m.velocity).toBe(0.5);
    // authors {acme, bob, carol}, targets among them {acme}: 1/3
    expect(m.overlap).toBe(1 / 3);
    expect(m).toMatchObject({
      sample: 4,
      served: 4,
      distinctAuthors: 3,
      targetAuthors: 1,
      meanLikes: 250,
      medianLikes: 250, // (200 + 300) / 2
      newestPostAt: NOW - DAY,
    });
  });

  it('counts a post exactly at the cutoff as recent, one second older as not', () => {
    const m = computeMetrics([post(1, CUTOFF, 'a'), post(1, CUTOFF - 1, 'b')], targets, NOW, PRESETS.seed);
    expect(m.velocity).toBe(0.5);
  });

  it('returns zeros for an empty sample', () => {
    expect(computeMetrics([], targets, NOW, PRESETS.seed)).toEqual({
      velocity: 0,
      density: 0,
      overlap: 0,
      sample: 0,
      served: 0,
      distinctAuthors: 0,
      targetAuthors: 0,
      medianLikes: 0,
      meanLikes: 0,
      newestPostAt: 0,
    });
  });

  it('ignores empty author ids for overlap, and gives 0 when no author is known', () => {
    // authors {studio}; the '' author is discarded → 1/1
    expect(
      computeMetrics([post(5, NOW, 'studio'), post(5, NOW, '')], targets, NOW, PRESETS.seed).overlap,
    ).toBe(1);
    const none = computeMetrics([post(5, NOW, ''), post(7, NOW, '')], targets, NOW, PRESETS.seed);
    expect(none.overlap).toBe(0);
    expect(none.density).toBe(6); // the posts still count for density: (5 + 7) / 2
  });

  it('compares target ids exactly, as the reference does; the robust presets fold case and Unicode form', () => {
    const posts = [post(1, NOW, 'ACME'), post(1, NOW, 'Studio'), post(1, NOW, 'cafe\u0301')];
    const listed = new Set(['Acme', 'Studio', 'caf\u00e9']);
    const seed = computeMetrics(posts, listed, NOW, PRESETS.seed);
    expect(seed.targetAuthors).toBe(1);
    expect(seed.overlap).toBeCloseTo(1 / 3, 12);
    const organic = computeMetrics(posts, listed, NOW, PRESETS.organic);
    expect(organic.targetAuthors).toBe(3);
    expect(organic.overlap).toBe(1);
  });

  it('counts a post served twice twice (the reference does not de-duplicate)', () => {
    const dup = post(100, NOW - DAY, 'acme', 'same');
    const posts = [dup, { ...dup }, post(10, NOW - 20 * DAY, 'bob', 'other')];
    const m = computeMetrics(posts, targets, NOW, PRESETS.seed);
    // density = (100 + 100 + 10) / 3 = 70; velocity = 2 / 3
    expect(m.density).toBe(70);
    expect(m.velocity).toBe(2 / 3);
    expect(m.sample).toBe(3);
  });
});

describe('computeMetrics under organic', () => {
  it('drops a post served twice and uses the geometric mean of (1 + likes), minus 1', () => {
    const dup = post(100, NOW - DAY, 'acme', 'same');
    const posts = [dup, { ...dup }, post(10, NOW - 20 * DAY, 'bob', 'other')];
    const m = computeMetrics(posts, targets, NOW, PRESETS.organic);
    expect(m.sample).toBe(2);
    expect(m.served).toBe(3);
    // velocity = 1 recent of 2 = 0.5
    expect(m.velocity).toBe(0.5);
    // density = exp((ln 101 + ln 11) / 2) − 1 = √(101 × 11) − 1 = √1111 − 1 = 33.3317 − 1 = 32.3317
    expect(m.density).toBeCloseTo(Math.sqrt(1111) - 1, 9);
    expect(m.density).toBeCloseTo(32.3317, 4);
    expect(m.meanLikes).toBe(55);
  });

  it('is not dominated by one viral post the way the mean is', () => {
    const viral = [post(1_000_000, NOW, 'x'), ...Array.from({ length: 9 }, () => post(100, NOW, 'y'))];
    // seed: (1,000,000 + 9 × 100) / 10 = 100,090
    expect(computeMetrics(viral, targets, NOW, PRESETS.seed).density).toBe(100_090);
    // organic: exp((ln 1,000,001 + 9 × ln 101) / 10) − 1 = exp(5.53516) − 1 = 253.448 − 1 = 252.448 likes
    expect(computeMetrics(viral, targets, NOW, PRESETS.organic).density).toBeCloseTo(252.448, 2);
    // median likes stay 100 whatever the viral post did
    expect(computeMetrics(viral, targets, NOW, { ...PRESETS.organic, density: 'median' }).density).toBe(100);
  });

  it('keeps posts without an id (they cannot be matched as duplicates)', () => {
    const m = computeMetrics([post(1, NOW, 'a', ''), post(1, NOW, 'a', '')], targets, NOW, PRESETS.organic);
    expect(m.sample).toBe(2);
  });
});
