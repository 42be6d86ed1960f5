// The TikLiveAPI client's public surface: what the engine, the CLI and main import.
export { backoffDelay, cacheKey, createClient, parseRetryAfter } from './client';
export type { AnswerCache, CachedAnswer, CallOptions, ClientOptions, TikLiveApi } from './types';
