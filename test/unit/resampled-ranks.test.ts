// The resamples' ranks as the intervals read them, against a plain count: each tag's resampled scores, its best and
// worst place in every resample (tied tags sharing their group's places) and how often it is ahead of or tied with
// the next tags by reported rank — for scores packed into one sort key, and for scores too far apart to pack.
import { describe, expect, it } from 'vitest';
import type { Resampled } from '../../src/core/engine/confidence-draws';
import { NEIGHBOURS, resampledRanks } from '../../src/core/engine/resampled-ranks';
import { mulberry32 } from '../../src/core/prng';
import type { ScoredTag, Weights } from '../../src/shared/model';

const T = 9;
const B = 300;

/** Draws whose normalised values take few levels, so resamples have ties. */
function draws(seed: number): Resampled {
  const rng = mulberry32(seed);
  const normalised = Float32Array.from({ length: B * T * 3 }, () => Math.floor(rng() * 5) / 4);
  const order = Array.from(
    { length: T },
    (_, t) => ({ candidate: `t${t}`, isCommerce: t === 2 }) as ScoredTag,
  );
  return { order, posts: [], lengths: [], normalised, B, units: [] };
}

function expected(d: Resampled, w: Weights, tagAt: number[]) {
  const k = new Int32Array(T * B);
  const places = new Int32Array(2 * T * (T + 2));
  const ahead = new Int32Array(T * NEIGHBOURS);
  const ties = new Int32Array(T * NEIGHBOURS);
  for (let b = 0; b < B; b++) {
    const s = tagAt.map((t) => {
      const at = (b * T + t) * 3;
      const n = d.normalised;
      const pen = d.order[t]!.isCommerce ? 0.5 : 0;
      return Math.round(
        100 *
          (w.velocity * n[at]! + w.density * n[at + 1]! + w.overlap * n[at + 2]! - w.adPenalty * pen) *
          100,
      );
    });
    s.forEach((v, r) => {
      k[r * B + b] = v;
      const best = 1 + s.filter((x) => x > v).length;
      const worst = s.filter((x) => x >= v).length;
      const add = (a: Int32Array, i: number): void => void (a[i] = a[i]! + 1);
      add(places, (r * (T + 2) + best) * 2);
      add(places, (r * (T + 2) + worst) * 2 + 1);
      for (let dd = 1; dd <= NEIGHBOURS && r + dd < T; dd++) {
        if (v > s[r + dd]!) add(ahead, r * NEIGHBOURS + dd - 1);
        if (v === s[r + dd]) add(ties, r * NEIGHBOURS + dd - 1);
      }
    });
  }
  return { k, places, ahead, ties };
}

describe('resampled ranks', () => {
  const tagAt = [4, 0, 7, 1, 8, 2, 6, 3, 5];
  const cases: [string, Weights][] = [
    [
      'weights up to 1 (one packed sort key)',
      { velocity: 0.4, density: 0.35, overlap: 0.25, adPenalty: 0.2 },
    ],
    [
      'weights so large the scores cannot be packed',
      { velocity: 3e4, density: 1, overlap: 2e4, adPenalty: 1 },
    ],
  ];
  for (const [what, w] of cases) {
    it(`${what}: the same counts as a plain count`, () => {
      const d = draws(3);
      const got = resampledRanks(d, w, Int32Array.from(tagAt));
      const want = expected(d, w, tagAt);
      expect([...got.k]).toEqual([...want.k]);
      expect([...got.places]).toEqual([...want.places]);
      expect([...got.ahead]).toEqual([...want.ahead]);
      expect([...got.ties]).toEqual([...want.ties]);
      // Ties do occur in these draws, so shared places are checked.
      expect(want.ties.some((x) => x > 0)).toBe(true);
    });
  }
});
