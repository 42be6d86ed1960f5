// The one definition of what a weight may be: the CLI, tagfit.json and the app's contract all validate by it.
import { z } from 'zod';

/** A weight above this is a typo, not a preference (the presets' weights are all under 1). */
export const WEIGHT_MAX = 10;

export const weightSchema = z
  .number()
  .finite('must be a finite number')
  .min(0, 'must be 0 or more')
  .max(WEIGHT_MAX, `must be ${WEIGHT_MAX} or less`);

export const weightsSchema = z.strictObject({
  velocity: weightSchema,
  density: weightSchema,
  overlap: weightSchema,
  adPenalty: weightSchema,
});
