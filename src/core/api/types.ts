// The TikLiveAPI client's public shape: what the pipeline, the CLI and the app depend on.
import type { Challenge, Credits, PostsPage, RegionCode, UserInfo, UserSearchHit } from '../../shared/model';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface TikLiveApi {
  /** GET /challenge-info-name/?name=… ; throws TagfitError('not-found') for a missing hashtag. */
  challengeInfo(name: string, opts?: CallOptions): Promise<Challenge>;
  /** GET /challenge-posts/ ; `hashtag` is only for error messages. */
  challengePosts(
    p: { challengeId: string; count: number; cursor: string; region?: RegionCode; hashtag?: string },
    opts?: CallOptions,
  ): Promise<ObservedPostsPage>;
  /** GET /region-list/ : uppercase code → country name. */
  regionList(opts?: CallOptions): Promise<Record<RegionCode, string>>;
  /** GET /userinfo-by-username/ */
  userInfo(username: string, opts?: CallOptions): Promise<UserInfo>;
  /** GET /user-posts/ (userId is the numeric user.id; `username` is only for error messages) */
  userPosts(
    p: { userId: string; count: number; cursor: string; username?: string },
    opts?: CallOptions,
  ): Promise<PostsPage>;
  /** GET /search-user/ */
  searchUser(
    p: { keyword: string; count: number; cursor: string },
    opts?: CallOptions,
  ): Promise<UserSearchHit[]>;
  /** GET /search-challenge/ */
  searchChallenge(
    p: { keyword: string; count: number; cursor: string },
    opts?: CallOptions,
  ): Promise<Challenge[]>;
  /** A snapshot of the calls and credits so far. */
  credits(): Credits;
}

/** A page of posts, and when it was observed if that was before this call: a cached answer's time. */
export interface ObservedPostsPage extends PostsPage {
  /** A cached answer's `fetchedAt` (the run clock of the run that fetched it); absent when this call fetched it. */
  fetchedAt?: number;
}

/** A stored API answer: the raw JSON body that passed validation, and when it was fetched. */
export interface CachedAnswer {
  /** The run clock's time when it was fetched (epoch ms; `--now` can fix that clock). */
  fetchedAt: number;
  /** The wall clock's time when it was fetched (epoch ms); absent in entries of older Tagfits. */
  fetchedAtReal?: number;
  body: unknown;
}

/**
 * The answer cache the client consults before the network. Keys are built from the endpoint and its
 * parameters only (never the key). Implemented by the workspace (src/core/workspace/cache.ts).
 */
export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
}

export interface ClientOptions {
  /** e.g. https://api.tikliveapi.com or the simulator's URL. */
  baseUrl: string;
  /** The API key wrapped in a Secret; absent only for the simulator in demo mode. */
  key: import('../secrets/secret').Secret;
  /** Parallel requests (default 8). */
  concurrency?: number;
  /** The plan's rate limit; calls are paced under it (default 200). */
  requestsPerMinute?: number;
  /** Per-request time-out in ms (default 15000). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429/5xx/network errors (default 4). */
  retries?: number;
  /** Base and cap of the exponential backoff in ms (defaults 500 and 8000). */
  backoffMs?: { min: number; max: number };
  /** Cap on a Retry-After wait in ms (default 60000). */
  maxRetryAfterMs?: number;
  /** Cancels every call of the run. */
  signal?: AbortSignal;
  /** Answer cache, with the lifetime of an entry and the clock used to judge it. */
  cache?: AnswerCache;
  maxAgeMs?: number;
  /** A lifetime of its own for some endpoints (challenge info changes slowly: a week by default). */
  maxAgeByEndpoint?: Record<string, number>;
  /** Use only the cache; a miss throws TagfitError('offline'). */
  offline?: boolean;
  /** Refuse requests beyond this many (every request sent counts; throws TagfitError('budget')). */
  maxCredits?: number;
  /** Largest answer body read, in bytes (default 8 MB); a larger one fails the call, unretried. */
  maxAnswerBytes?: number;
  /** The run clock in ms (default Date.now): stamped on cached answers, and their age on a fixed clock. */
  clock?: () => number;
  /**
   * The run clock is fixed (`--now`, a test): cache ages are judged on it, else on the wall clock (see
   * freshness.ts). Default: fixed when `clock` is given.
   */
  clockIsFixed?: boolean;
  /** Called for each request sent (for logs and progress). Never receives the key. */
  onRequest?: (e: {
    endpoint: string;
    status: number | 'network-error' | 'timeout';
    attempt: number;
    ms: number;
  }) => void;
  /** A field was missing or mistyped and got a default: endpoint, hashtag and field are named. */
  onWarning?: (message: string) => void;
}
