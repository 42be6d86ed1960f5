// Normalisation of raw metrics across the scored hashtags of one region: the reference's min-max for
// seed, and a variant for the other presets in which one mega-tag cannot flatten the field.
import type { ScoringSettings } from '../../shared/model';
import type { RawMetrics } from './metrics';

export interface NormalisedMetrics {
  velocity: number;
  density: number;
  overlap: number;
}

/** The reference's min-max: (x - min) / (max - min), and 0.5 for every value when max = min. */
export function minMax(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) return values.map(() => 0.5);
  return values.map((v) => (v - lo) / (hi - lo));
}

/**
 * Normalises velocity, density and overlap across a region's scored tags, in the same order.
 * seed: plain min-max on the raw values, as the reference does.
 * Other presets: density is compared on a log scale, because likes span orders of magnitude and a
 * linear min-max lets the one tag with 100x the likes push every other tag to ~0: every density (mean,
 * median or log-mean, all in likes per post) goes through log1p first. Velocity and overlap are shares in
 * [0, 1] and stay linear.
 */
export function normaliseMetrics(
  raw: readonly Pick<RawMetrics, 'velocity' | 'density' | 'overlap'>[],
  settings: ScoringSettings,
): NormalisedMetrics[] {
  const robust = settings.preset !== 'seed';
  const densityScale = (d: number): number => (robust ? Math.log1p(Math.max(0, d)) : d);
  const velocity = minMax(raw.map((m) => m.velocity));
  const density = minMax(raw.map((m) => densityScale(m.density)));
  const overlap = minMax(raw.map((m) => m.overlap));
  return raw.map((_, i) => ({ velocity: velocity[i]!, density: density[i]!, overlap: overlap[i]! }));
}
