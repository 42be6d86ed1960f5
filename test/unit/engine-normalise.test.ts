// Min-max normalisation across a region's tags, and the robust density scale of organic and paid.
import { describe, expect, it } from 'vitest';
import type { RawMetrics } from '../../src/core/engine/metrics';
import { minMax, normaliseMetrics } from '../../src/core/engine/normalise';
import { PRESETS } from '../../src/core/engine/presets';

const raw = (density: number, velocity = 0.5, overlap = 0): RawMetrics => ({
  velocity,
  density,
  overlap,
  sample: 10,
  served: 10,
  distinctAuthors: 1,
  targetAuthors: 0,
  medianLikes: density,
  meanLikes: density,
  newestPostAt: 0,
});

describe('minMax', () => {
  it('maps min to 0 and max to 1', () => {
    // [250, 50, 500]: range 450 → (250 - 50) / 450 = 0.4444, 0, 1
    expect(minMax([250, 50, 500])).toEqual([200 / 450, 0, 1]);
  });

  it('gives 0.5 to every value when max = min, including a single tag', () => {
    expect(minMax([0.3, 0.3, 0.3])).toEqual([0.5, 0.5, 0.5]);
    expect(minMax([7])).toEqual([0.5]);
    expect(minMax([])).toEqual([]);
  });
});

describe('normaliseMetrics', () => {
  it('seed: a mega tag flattens every other tag on density', () => {
    // mean likes 100,000 / 1,000 / 100: (1000 - 100) / (100000 - 100) = 900 / 99900 = 0.0090
    const n = normaliseMetrics([raw(100_000), raw(1_000), raw(100)], PRESETS.seed);
    expect(n.map((x) => x.density)).toEqual([1, 900 / 99_900, 0]);
    expect(n[1]!.density).toBeLessThan(0.01);
  });

  it('organic with a mean density: compares likes on a log scale so the field stays spread', () => {
    // log1p: 11.5129, 6.9088, 4.6151 → (6.9088 - 4.6151) / (11.5129 - 4.6151) = 2.2937 / 6.8978 = 0.3325
    const n = normaliseMetrics([raw(100_000), raw(1_000), raw(100)], { ...PRESETS.organic, density: 'mean' });
    expect(n[1]!.density).toBeCloseTo(0.3325, 4);
  });

  it('organic: the (geometric-mean) densities are compared on a log scale', () => {
    // log1p of e^11.5 − 1, e^6.9 − 1, e^4.6 − 1 is 11.5, 6.9, 4.6: (6.9 − 4.6) / (11.5 − 4.6) = 2.3 / 6.9 = 0.3333
    const n = normaliseMetrics(
      [raw(Math.expm1(11.5)), raw(Math.expm1(6.9)), raw(Math.expm1(4.6))],
      PRESETS.organic,
    );
    expect(n[1]!.density).toBeCloseTo(2.3 / 6.9, 12);
  });

  it('normalises velocity and overlap linearly and independently', () => {
    const n = normaliseMetrics([raw(1, 0.5, 1 / 3), raw(1, 1, 0.5), raw(1, 0, 0)], PRESETS.seed);
    expect(n.map((x) => x.velocity)).toEqual([0.5, 1, 0]);
    expect(n.map((x) => x.overlap)).toEqual([1 / 3 / 0.5, 1, 0]);
    expect(n.map((x) => x.density)).toEqual([0.5, 0.5, 0.5]);
  });
});
