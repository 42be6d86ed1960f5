// The simulator's public face: the dataset, the generator of answers and the HTTP server.
export { hourOf, lifetimeCount } from './clock';
export { buildDemoDataset, DATASET_EPOCH, demoInputCsvs, lookupKey } from './dataset';
export type {
  Dataset,
  DatasetAuthor,
  DatasetTag,
  EdgeBehaviour,
  RecentShareCurve,
  TagShape,
} from './dataset-types';
export { createGenerator } from './posts';
export type { Generator } from './posts';
export { startSimulator } from './server';
export type { Fault, FaultKind, SimulatorHandle, SimulatorOptions, SimulatorStats } from './simulator-types';
export type { WireChallenge, WirePostsPage, WireUserInfo, WireVideo } from './wire-shapes';
