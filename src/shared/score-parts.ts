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

export type ScorePart = keyof ScoreParts;

/**
 * The one palette of the score's parts, for the workbench's bars (per theme) and the reports' charts (light):
 * blue, orange, green, and red for the penalty, the reports' hues. Each has 3:1 or more against its theme's bar
 * track and page (#e8e8e8 and white in light, #2a2d2e and #1f1f1f in dark; WCAG 1.4.11), which
 * test/unit/score-parts.test.ts checks.
 */
export const SCORE_PART_COLOURS: Record<'light' | 'dark', Record<ScorePart, string>> = {
  light: { velocity: '#2e6ab0', density: '#b85c00', overlap: '#2f7d32', penalty: '#c0392b' },
  dark: { velocity: '#5ea2e6', density: '#e08a2e', overlap: '#57a85b', penalty: '#e06a5f' },
};
