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
