// The watch's velocity alert: did a tag's velocity cross the threshold since the last run, and is that more than
// sampling noise? Velocity is a share of posts, so each run's reading is a binomial proportion over its sample.
import { velocityChangeZ, velocityCrossing } from '../engine/momentum';

/** The change must be a significant difference of proportions: |z| at least this (the pooled level against now). */
export const VELOCITY_ALERT_Z = 1.9;
/**
 * The level before must lie on its side of the threshold by at least this many of its standard errors (one-sided
 * 95 %): an alert says the velocity was below (or above) the threshold, so a level that sits on it crossed nothing.
 */
export const VELOCITY_LEVEL_Z = 1.645;
/** The level before pools the posts of up to this many comparable runs (the last one included). */
export const VELOCITY_BASELINE_RUNS = 4;

export interface VelocityReading {
  velocity: number;
  sample: number;
}

export interface VelocityAlert {
  crossed: 'rose above' | 'fell below';
  /** The level before: the readings' posts together. */
  level: VelocityReading;
  /** How many runs the level pools. */
  runs: number;
  z: number;
}

/** The readings' posts together: the share over all their posts. */
export function pooledLevel(readings: readonly VelocityReading[]): VelocityReading {
  const sample = readings.reduce((s, r) => s + r.sample, 0);
  const recent = readings.reduce((s, r) => s + r.velocity * r.sample, 0);
  return { velocity: sample > 0 ? recent / sample : 0, sample };
}

/**
 * The alert for `now` against the readings before it (the last run's first, then earlier comparable runs), or
 * null. Three things must hold: the velocity crossed the threshold since the last run (the last reading and the
 * pooled level on one side, now on the other, so a move is alerted once, not again while the level catches up);
 * the pooled level is on its side beyond noise (VELOCITY_LEVEL_Z); and the change from the pooled level is a
 * significant difference of proportions (VELOCITY_ALERT_Z). Pooling up to four runs steadies the level, which
 * raises the power to see a real move at 30 posts while each test keeps its false-alarm rate.
 */
export function velocityAlert(
  before: readonly VelocityReading[],
  now: VelocityReading,
  threshold: number,
): VelocityAlert | null {
  const last = before[0];
  if (!last) return null;
  const used = before.slice(0, VELOCITY_BASELINE_RUNS);
  const level = pooledLevel(used);
  const crossed = velocityCrossing(level.velocity, now.velocity, threshold);
  if (!crossed || velocityCrossing(last.velocity, now.velocity, threshold) !== crossed) return null;
  const levelSe = Math.sqrt((threshold * (1 - threshold)) / Math.max(1, level.sample));
  if (Math.abs(level.velocity - threshold) < VELOCITY_LEVEL_Z * levelSe) return null;
  const z = velocityChangeZ(level, now);
  if (z === null || Math.abs(z) < VELOCITY_ALERT_Z) return null;
  return { crossed, level, runs: used.length, z };
}
