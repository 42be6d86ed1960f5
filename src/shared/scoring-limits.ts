// The one definition of what scoring settings may be: the CLI, tagfit.json and the app's contract validate by it.
import { z } from 'zod';

export const PRESET_NAMES = ['seed', 'organic', 'paid'] as const;
export const presetSchema = z.enum(PRESET_NAMES);

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

export const windowDaysSchema = z.number().int('must be a whole number of days').min(1).max(365);
/** Pages of posts per hashtag and region (each costs a credit). */
export const pagesSchema = z.number().int('must be a whole number').min(1).max(10);
export const pageSizeSchema = z
  .number()
  .int('must be a whole number')
  .min(1)
  .max(35, 'must be 35 or less (the API maximum)');

export const samplingSchema = z.enum(['full', 'adaptive']);
