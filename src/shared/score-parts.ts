// A score split into the parts the preset weighs (velocity, density, overlap, minus the ad penalty), in points.
import type { ScoredTag, ScoringSettings } from './model';

export interface ScoreParts {
  velocity: number;
  density: number;
  overlap: number;
  penalty: number;
}

export function scoreParts(t: ScoredTag, s: ScoringSettings): ScoreParts {
  const w = s.weights;
  return {
    velocity: 100 * w.velocity * t.normalised.velocity,
    density: 100 * w.density * t.normalised.density,
    overlap: 100 * w.overlap * t.normalised.overlap,
    penalty: t.isCommerce ? 100 * w.adPenalty * 0.5 : 0,
  };
}
