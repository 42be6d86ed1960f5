// The simulator's public face: the dataset, the generator of answers and the HTTP server.
export { buildDemoDataset, DATASET_EPOCH, demoInputCsvs, lookupKey } from './dataset';
export type {
  Dataset,
  DatasetAuthor,
  DatasetTag,
  EdgeBehaviour,
  RecentShareCurve,
  TagShape,
} from './dataset';
export { createGenerator, hourOf, lifetimeCount } from './posts';
export type { Generator, WireChallenge, WirePostsPage, WireUserInfo, WireVideo } from './posts';
export { AUTH_ERROR_BODY, ENDPOINTS, startSimulator } from './server';
export type { Fault, FaultKind, SimulatorHandle, SimulatorOptions, SimulatorStats } from './server';
