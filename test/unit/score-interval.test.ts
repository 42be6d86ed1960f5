// A tag's score interval counted per value (the weights-only re-score's path) against the same interval from its
// sorted resampled scores: equal for scores near the point, for scores spread past the counts' window, and for a
// point that is not a whole number of hundredths; the counts are left all zeros for the next tag.
import { describe, expect, it } from 'vitest';
import { bcInterval, scoreInterval } from '../../src/core/engine/confidence';
import { mulberry32 } from '../../src/core/prng';

const B = 1_000;
const Z = 1.645;

function resampled(seed: number, centre: number, spread: number): Int32Array {
  const rng = mulberry32(seed);
  return Int32Array.from({ length: B }, () => Math.round(centre + (rng() + rng() + rng() - 1.5) * spread));
}

function sortedInterval(k: Int32Array, point: number): [number, number] {
  return bcInterval(Float64Array.from(k, (v) => v / 100).sort(), point, Z);
}

describe('a score interval counted per value', () => {
  const cases: [string, number, number, number][] = [
    ['scores within a few points of the point', 4_712, 600, 47.12],
    ['scores spread over 80 points, past the counts’ window', 5_000, 8_000, 50],
    ['a point that is not a whole number of hundredths', 3_000, 400, 30.005],
    ['a point at the edge of its scores', 2_000, 300, 17.5],
  ];
  for (const [what, centre, spread, point] of cases) {
    it(`${what}: the sorted scores' interval, and the counts left empty`, () => {
      const counts = new Int32Array(8 * B);
      const k = resampled(centre + spread, centre, spread);
      const got = scoreInterval(k, 0, B, point, Z, counts, new Float64Array(B));
      expect(got).toEqual(sortedInterval(k, point));
      expect(counts.every((c) => c === 0)).toBe(true);
      // The interval is not the point itself: the resamples spread it.
      expect(got[1] - got[0]).toBeGreaterThan(0);
    });
  }
});
