// Kept for the modules that import the scoring limits by this path: the definitions live in scoring-registry.ts.
export {
  PRESET_NAMES,
  presetSchema,
  WEIGHT_MAX,
  weightSchema,
  weightsSchema,
  windowDaysSchema,
  pagesSchema,
  pageSizeSchema,
  samplingSchema,
} from './scoring-registry';
