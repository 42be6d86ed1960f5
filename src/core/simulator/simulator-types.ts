// What a test or the demo asks of the simulator, and what it hands back: options, counters, faults, the handle.
import type { Dataset } from './dataset-types';

export interface SimulatorOptions {
  port?: number;
  /** The accepted X-Api-Key; when undefined any non-empty key is accepted (demo mode). */
  key?: string;
  /** The simulator's clock in epoch ms (default Date.now); data are generated for it. */
  now?: number | (() => number);
  /** Delay before each answer (default 0). */
  latencyMs?: number;
  /** Sliding 60-second window per server; over it the answer is HTTP 429 (default null: no limit). */
  requestsPerMinute?: number | null;
  /** How a 429 states Retry-After (default 'seconds'; the value is the seconds until a slot frees, at least 1). */
  retryAfter?: 'seconds' | 'date' | 'none';
  dataset?: Dataset;
  /** The order a tag's posts are served in (default 'newest': roughly newest first, popular older posts mixed in);
   * the API documents none, so adaptive sampling is benched under all three. The posts are the same in each. */
  pageOrder?: PageOrder;
  /** Posts made in these local hours of the region (its main time zone) get `factor` times the likes: a known
   * best time to post, for testing `tagfit plan` (default none: no region has an hour effect). */
  hourEffect?: HourEffect;
  /** Closes itself after this long without a request (default 10 minutes). */
  idleTimeoutMs?: number;
}

export type PageOrder = 'newest' | 'popular' | 'random';

export interface HourEffect {
  region: string;
  /** Local hours [fromHour, toHour), 0–24. */
  fromHour: number;
  toHour: number;
  factor: number;
}

export interface SimulatorStats {
  /** Every request received, whatever its answer. */
  requests: number;
  byEndpoint: Record<string, number>;
  /** Successful data answers: each costs one credit. */
  credits: number;
  creditsByEndpoint: Record<string, number>;
  /** Answers with HTTP 429 (rate limit or injected). */
  rateLimited: number;
  faultsServed: number;
  /** Every distinct X-Api-Key value received, in order of first sight. */
  apiKeysSeen: string[];
}

export interface SimulatorHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  stats(): SimulatorStats;
  setOptions(
    p: Partial<Pick<SimulatorOptions, 'latencyMs' | 'requestsPerMinute' | 'retryAfter' | 'key' | 'now'>>,
  ): void;
  /** Holds every answer not yet given (those in flight and those to come) until the returned release is called,
   * or the server closes: a test can stop a run between two calls, however fast the machine. */
  hold(): () => void;
  /** One-shot faults, consumed in order by the requests they match. */
  inject(f: Fault): void;
  clearFaults(): void;
  resetStats(): void;
  /** Closes the server and every open socket. */
  close(): Promise<void>;
}

export type FaultKind =
  'status' | 'timeout' | 'malformed' | 'truncated' | 'drop' | 'html' | 'error-200' | 'auth-200';

export interface Fault {
  kind: FaultKind;
  /** For 'status': 500, 502, 503, 401, 403, 404, 429…; for 'html' the status of the HTML page (default 502). */
  status?: number;
  /** For status 429: the literal Retry-After header ('' = none; default '1'). */
  retryAfter?: string;
  /** Only requests to this path, e.g. '/challenge-posts/'. */
  endpoint?: string;
  /** Only when these query parameters match. */
  match?: Record<string, string>;
  /** How many matching requests it hits (default 1; Infinity allowed). */
  times?: number;
  /** For 'timeout': hold the answer this long, then answer normally (default: never, until the client gives up). */
  delayMs?: number;
}
