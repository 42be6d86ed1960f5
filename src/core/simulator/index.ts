// The simulator's public face: the dataset, the generator of answers and the HTTP server.
export { buildDemoDataset, DATASET_EPOCH, demoInputCsvs, lookupKey } from './dataset';
export type { DatasetTag, TagShape } from './dataset-types';
export { createGenerator } from './posts';
export { startSimulator } from './server';
export { DEMO_VARIANT_PLAN, type VariantPlan, withPlantedVariants } from './variants';
export type {
  HourEffect,
  PageOrder,
  SimulatorHandle,
  SimulatorOptions,
  SimulatorStats,
} from './simulator-types';
