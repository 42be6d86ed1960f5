// How weights that add up to more than 1 are scaled: one rule for the engine and the app.
/**
 * The weights a score uses: when velocity, density and overlap add up to more than 1, all four are divided by that
 * sum (three weights of 1 would score up to 300). One rule for the engine, which says so when it scales, and the
 * app, which compares the side bar's weights with a result's to know whether a re-score is still to come.
 */
export function scaledWeights<
  W extends { velocity: number; density: number; overlap: number; adPenalty: number },
>(w: W): W {
  const sum = w.velocity + w.density + w.overlap;
  if (sum <= 1 + 1e-9) return w;
  return {
    ...w,
    velocity: w.velocity / sum,
    density: w.density / sum,
    overlap: w.overlap / sum,
    adPenalty: w.adPenalty / sum,
  };
}

interface WeightSet {
  velocity: number;
  density: number;
  overlap: number;
  adPenalty: number;
}
const WEIGHT_KEYS = ['velocity', 'density', 'overlap', 'adPenalty'] as const;

/**
 * The same weights within rounding, whatever their key order: the side bar's (scaled as the engine scales them)
 * against a result's, so a re-score that has landed is never taken for one still to come.
 */
export function sameWeights(a: WeightSet, b: WeightSet): boolean {
  return WEIGHT_KEYS.every((k) => Math.abs(a[k] - b[k]) < 1e-9);
}

/** A weight as people read it: two decimals, no trailing zeros (0.23, not 0.2258064516129032; 0.1, not 0.10). */
export const shownWeight = (x: number): string => String(Number(x.toFixed(2)));

/**
 * How the scoring of a set of results reads: the preset's name while its weights are the preset's own, else
 * "custom"; the weights scored with, rounded; and, when the weights asked for added up to more than 1, that they
 * were scaled and what they added up to. `requested` are the weights as the user set them (the side bar's);
 * `presetWeights` each preset's own weights.
 */
export function describeScoring(s: {
  preset: string;
  requested: WeightSet;
  presetWeights?: Readonly<Record<string, WeightSet>>;
  windowDays: number;
}): string {
  const own = s.presetWeights?.[s.preset];
  const name = own === undefined || sameWeights(own, s.requested) ? s.preset : 'custom';
  const used = scaledWeights(s.requested);
  const weights = `velocity ${shownWeight(used.velocity)}, density ${shownWeight(used.density)}, overlap ${shownWeight(used.overlap)}, ad ${shownWeight(used.adPenalty)}`;
  const sum = s.requested.velocity + s.requested.density + s.requested.overlap;
  const scaled =
    used === s.requested
      ? ''
      : ` · weights scaled to add up to 1 (they added up to ${Number(sum.toFixed(2))})`;
  return `${name} · ${weights}${scaled} · window ${s.windowDays} d`;
}
