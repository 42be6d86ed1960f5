// The workspace store's public surface: folder layout and settings, the lock, the answer cache, run history.
export * from './layout';
export * from './settings';
export * from './lock';
export * from './cache';
export * from './history';
