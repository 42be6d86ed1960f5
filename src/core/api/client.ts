// The TikLiveAPI client: one paced queue per client, time-outs, retries with backoff, a 429 that pauses
// everything, cancellation, a credit budget and an answer cache. The key touches only the fetch call.
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import pRetry, { AbortError } from 'p-retry';
import type { Credits } from '../../shared/model';
import { TagfitError } from '../errors';
import {
  type DecodeContext,
  authError,
  describeCall,
  errorFromBody,
  notFoundError,
  trimForCache,
} from './dto';
import {
  type Endpoint,
  challengeInfoEndpoint,
  challengePostsEndpoint,
  regionListEndpoint,
  searchChallengeEndpoint,
  searchUserEndpoint,
  userInfoEndpoint,
  userPostsEndpoint,
} from './endpoints';
import { type AgeClock, answerAge } from './freshness';
import type { CachedAnswer, CallOptions, ClientOptions, TikLiveApi } from './types';

const DEFAULTS = {
  concurrency: 8,
  requestsPerMinute: 200,
  timeoutMs: 15_000,
  retries: 4,
  backoffMs: { min: 500, max: 8_000 },
  maxRetryAfterMs: 60_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};
/** Pace a few percent under the plan so clock drift and the server's window edges never add up to a 429. */
const PACING_MARGIN = 0.05;
/** A truncated or malformed body is usually a hiccup, but one that repeats is the answer: stop after this many. */
const MAX_MALFORMED_RETRIES = 2;
/** TikLiveAPI's answers are tens to hundreds of KB; anything past this is not an answer worth holding in memory. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The body was larger than the cap: reading stopped there. */
class AnswerTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${limit} bytes`);
  }
}

/** Reads a body as UTF-8 text, refusing it (and cancelling the rest) once it passes `limit` bytes. */
async function readBounded(res: Response, limit: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => {});
    throw new AnswerTooLarge(limit);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => {});
      throw new AnswerTooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Every string in an answer with the key replaced: an API that echoes it (in a name) must not carry it into data. */
function redactDeep(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)]));
  }
  return value;
}

/**
 * The cache key of a call: the endpoint path and its parameters sorted by name, e.g.
 * `/challenge-posts/?challenge_id=42&count=30&cursor=0`. Never the key, never the base URL.
 */
export function cacheKey(endpoint: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ).toString();
  return query ? `${endpoint}?${query}` : endpoint;
}

/**
 * A Retry-After header in ms: delta-seconds or an HTTP date. A date is measured against the answer's own
 * `Date` header when there is one, so a skewed local clock does not stretch or skip the wait.
 */
export function parseRetryAfter(
  value: string | null,
  responseDate: string | null,
  nowMs: number,
): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  const served = responseDate === null ? Number.NaN : Date.parse(responseDate);
  return Math.max(0, at - (Number.isNaN(served) ? nowMs : served));
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, min·2^(retry-1))). */
export function backoffDelay(
  retry: number,
  backoff: { min: number; max: number },
  random = Math.random,
): number {
  return Math.floor(random() * Math.min(backoff.max, backoff.min * 2 ** Math.max(0, retry - 1)));
}

type FailureKind = 'rate-limited' | 'server' | 'network' | 'timeout' | 'malformed';

/** A failed attempt worth another try; unwrapped into its TagfitError when the tries run out. */
class TransientFailure extends Error {
  constructor(
    readonly error: TagfitError,
    readonly kind: FailureKind,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
    this.name = 'TransientFailure';
  }
}

/** The cause of a fetch failure in a few words (undici hides the useful part in `cause`). */
function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  return [err.message, code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ');
}

function describeBadBody(text: string, contentType: string | null): string {
  if (text.trim() === '') return 'an empty body instead of JSON';
  if (/html/i.test(contentType ?? '') || text.trimStart().startsWith('<'))
    return 'an HTML page instead of JSON';
  return `malformed or truncated JSON (${text.length} characters)`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function combineSignals(signals: (AbortSignal | undefined)[]): AbortSignal {
  const defined = signals.filter((s): s is AbortSignal => s !== undefined);
  if (defined.length === 1) return defined[0]!;
  return defined.length === 0 ? new AbortController().signal : AbortSignal.any(defined);
}

const budgetError = (
  ctx: DecodeContext,
  maxCredits: number,
  c: { used: number; calls: number },
): TagfitError =>
  new TagfitError(
    'budget',
    `Credit budget of ${maxCredits} reached: ${describeCall(ctx)} not sent (${c.used} answered with data, ${c.calls} requests sent; every request sent counts, as TikLiveAPI may bill it)`,
    { endpoint: ctx.endpoint, subject: ctx.subject, maxCredits },
  );

const cancelledError = (ctx: DecodeContext): TagfitError =>
  new TagfitError('cancelled', `Cancelled: ${describeCall(ctx)}`, {
    endpoint: ctx.endpoint,
    subject: ctx.subject,
  });

/** Waits `ms`, or rejects as soon as the run is cancelled. */
function sleep(ms: number, signal: AbortSignal, ctx: DecodeContext): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelledError(ctx));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(ctx));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createClient(opts: ClientOptions): TikLiveApi {
  const key = opts.key;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const retries = opts.retries ?? DEFAULTS.retries;
  const backoff = opts.backoffMs ?? DEFAULTS.backoffMs;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const maxAgeMs = opts.maxAgeMs ?? DEFAULTS.maxAgeMs;
  const clock = opts.clock ?? Date.now;
  const rpm = opts.requestsPerMinute ?? DEFAULTS.requestsPerMinute;
  const maxAnswerBytes = opts.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  // A clock handed in is the run's own (a test's, a `--now`) unless the caller says it follows the wall clock.
  const clockIsFixed = opts.clockIsFixed ?? opts.clock !== undefined;
  const ageClock = (): AgeClock => ({ runNow: clock(), realNow: clockIsFixed ? undefined : Date.now() });
  /** What a fresh answer is stored with: both clocks' times (see freshness.ts). */
  const stamp = (body: unknown): CachedAnswer => ({ fetchedAt: clock(), fetchedAtReal: Date.now(), body });

  // One start per slot, strictly spaced: a sliding 60 s window on the server never sees a burst.
  const pacing =
    Number.isFinite(rpm) && rpm > 0
      ? { intervalCap: 1, interval: Math.ceil((60_000 / rpm) * (1 + PACING_MARGIN)), strict: true }
      : {};
  const queue = new PQueue({ concurrency: Math.max(1, opts.concurrency ?? DEFAULTS.concurrency), ...pacing });

  const counters = { used: 0, calls: 0, retries: 0, rateLimited: 0, fromCache: 0 };
  /**
   * "Not found" bodies the API answered with HTTP 2xx: the API's answer about a hashtag or user, not a failure,
   * so it is cached like any other (the next run, and an offline one, then know it without a call).
   */
  const answeredNotFound = new WeakMap<TagfitError, unknown>();
  const byEndpoint: Record<string, number> = {};
  /** Calls past the cache and not yet settled: each may still cost a credit. */
  let inFlight = 0;

  // A 429 is about the client, not the request: the whole queue waits until the latest Retry-After ends.
  let resumeAt = 0;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  const pauseQueueFor = (ms: number): void => {
    const until = performance.now() + ms;
    if (until <= resumeAt) return;
    resumeAt = until;
    queue.pause();
    clearTimeout(resumeTimer);
    resumeTimer = setTimeout(() => {
      resumeAt = 0;
      queue.start();
    }, ms);
    // Hold the process open only while calls wait on the pause; a cancelled or finished run exits at once.
    if (queue.size === 0) resumeTimer.unref?.();
  };
  queue.on('add', () => {
    if (resumeAt > 0) resumeTimer?.ref?.();
  });
  // Every queued call listens to the run's signal: hundreds of listeners are expected, not a leak.
  if (opts.signal) setMaxListeners(0, opts.signal);
  opts.signal?.addEventListener(
    'abort',
    () => {
      clearTimeout(resumeTimer);
      queue.start();
    },
    { once: true },
  );

  const safe = (text: string): string => key.redact(text);
  const warn = (message: string): void => {
    try {
      opts.onWarning?.(safe(message));
    } catch {
      // A listener's failure is not the call's failure.
    }
  };
  const emit = (e: Parameters<NonNullable<ClientOptions['onRequest']>>[0]): void => {
    try {
      opts.onRequest?.(e);
    } catch {
      // As above.
    }
  };

  /** The same error with the key taken out of its message and details, should an API echo it. */
  const redacted = (e: TagfitError): TagfitError => {
    const details = JSON.stringify(e.details);
    if (safe(e.message) === e.message && safe(details) === details) return e;
    return new TagfitError(e.code, safe(e.message), JSON.parse(safe(details)) as Record<string, unknown>);
  };

  /** One request: resolves with the parsed body of a usable answer; throws TransientFailure or AbortError. */
  async function send(
    url: string,
    ctx: DecodeContext,
    signal: AbortSignal,
    attempt: number,
  ): Promise<unknown> {
    if (signal.aborted) throw new AbortError(cancelledError(ctx));
    const where = describeCall(ctx);
    // The budget counts every request sent: an error body or a time-out may still be billed by the API.
    if (opts.maxCredits !== undefined && counters.calls >= opts.maxCredits)
      throw new AbortError(budgetError(ctx, opts.maxCredits, counters));
    counters.calls++;
    if (attempt > 1) counters.retries++;
    const timeout = AbortSignal.timeout(timeoutMs);
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    let res: Response | undefined;
    let text: string;
    // A stop (Ctrl-C, the budget) cancels a request until its answer starts coming. An answer under way is paid
    // for: it is read to the end (within the time-out) so the caller can keep it for the next run.
    const beforeAnswer = new AbortController();
    const cancel = (): void => beforeAnswer.abort();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      res = await fetch(url, {
        headers: { 'X-Api-Key': key.reveal(), Accept: 'application/json' },
        signal: AbortSignal.any([beforeAnswer.signal, timeout]),
        // A redirect would carry X-Api-Key to wherever it points: refuse it instead of following.
        redirect: 'manual',
      });
      signal.removeEventListener('abort', cancel);
      text = await readBounded(res, maxAnswerBytes);
    } catch (err) {
      signal.removeEventListener('abort', cancel);
      const details = { endpoint: ctx.endpoint, subject: ctx.subject };
      if (err instanceof AnswerTooLarge) {
        // Not a hiccup: the same request would bring the same flood. Not read further, not retried.
        emit({ endpoint: ctx.endpoint, status: res?.status ?? 'network-error', attempt, ms: ms() });
        const mb = Math.round(err.limit / 1_048_576);
        throw new AbortError(
          new TagfitError(
            'invalid-response',
            `${where}: TikLiveAPI's answer is larger than ${mb} MB (answers are normally well under 1 MB); it was not read or retried`,
            { ...details, limitBytes: err.limit },
          ),
        );
      }
      if (signal.aborted) throw new AbortError(cancelledError(ctx));
      if (timeout.aborted) {
        emit({ endpoint: ctx.endpoint, status: 'timeout', attempt, ms: ms() });
        const what = res ? 'the answer stopped coming' : 'no answer';
        throw new TransientFailure(
          new TagfitError('timeout', `${where}: ${what} within ${timeoutMs} ms`, details),
          'timeout',
        );
      }
      emit({ endpoint: ctx.endpoint, status: 'network-error', attempt, ms: ms() });
      const what = res ? 'the connection broke while the answer was coming' : 'the connection failed';
      throw new TransientFailure(
        new TagfitError('network', `${where}: ${what} (${safe(describeFetchError(err))})`, details),
        'network',
      );
    }
    const status = res.status;
    let rateLimitWait: number | undefined;
    if (status === 429) {
      // Pause before anything else runs, so no call queued meanwhile slips out into the same wall.
      const said = parseRetryAfter(res.headers.get('retry-after'), res.headers.get('date'), Date.now());
      rateLimitWait = said === undefined ? backoffDelay(attempt, backoff) : Math.min(said, maxRetryAfterMs);
      pauseQueueFor(rateLimitWait);
    }
    emit({ endpoint: ctx.endpoint, status, attempt, ms: ms() });
    const parsed = parseJson(text);
    // An answer that names the key (a cha_name, a caption) would carry it into reports, cache and history.
    const json =
      parsed.ok && text.includes(key.reveal())
        ? { ok: true as const, value: redactDeep(parsed.value, safe) }
        : parsed;
    const bodyError = json.ok ? errorFromBody(json.value, ctx) : undefined;
    const details = { endpoint: ctx.endpoint, subject: ctx.subject, status };

    if (bodyError?.code === 'auth') throw new AbortError(bodyError);
    if (status === 401 || status === 403) throw new AbortError(authError(ctx, status));
    if (rateLimitWait !== undefined) {
      counters.rateLimited++;
      throw new TransientFailure(
        new TagfitError('rate-limited', `${where}: TikLiveAPI answered HTTP 429 (rate limited)`, details),
        'rate-limited',
        rateLimitWait,
      );
    }
    if (status >= 500) {
      const said = bodyError
        ? ` (${bodyError.message})`
        : json.ok
          ? ''
          : ` with ${describeBadBody(text, res.headers.get('content-type'))}`;
      throw new TransientFailure(
        new TagfitError('network', `${where}: TikLiveAPI answered HTTP ${status}${said}`, details),
        'server',
      );
    }
    if (bodyError) {
      if (bodyError.code === 'not-found' && status >= 200 && status < 300)
        answeredNotFound.set(bodyError, json.ok ? json.value : undefined);
      throw new AbortError(bodyError);
    }
    if (status === 404) throw new AbortError(notFoundError(ctx));
    if (status < 200 || status >= 300) {
      const said =
        status >= 300 && status < 400 ? 'a redirect (not followed, to keep the key here)' : `HTTP ${status}`;
      throw new AbortError(
        new TagfitError('invalid-response', `${where}: TikLiveAPI answered ${said}`, details),
      );
    }
    if (!json.ok) {
      const what = describeBadBody(text, res.headers.get('content-type'));
      throw new TransientFailure(
        new TagfitError('invalid-response', `${where}: TikLiveAPI answered ${what}`, details),
        'malformed',
      );
    }
    return json.value;
  }

  /** The error a call ends with, once retries are over or the run is cancelled. */
  function finalError(e: unknown, ctx: DecodeContext, signal: AbortSignal, attempts: number): TagfitError {
    if (signal.aborted) return cancelledError(ctx);
    if (e instanceof TransientFailure) {
      const after = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
      if (e.kind === 'rate-limited') {
        return new TagfitError(
          'rate-limited',
          `${describeCall(ctx)}: still rate limited (HTTP 429)${after}`,
          e.error.details,
        );
      }
      return new TagfitError(e.error.code, `${e.error.message}${after}`, e.error.details);
    }
    if (e instanceof TagfitError) return e;
    const message = e instanceof Error ? e.message : String(e);
    return new TagfitError('network', `${describeCall(ctx)}: ${safe(message)}`, {
      endpoint: ctx.endpoint,
      subject: ctx.subject,
    });
  }

  /** `onAttempt` sees each attempt's own promise, which goes on after a stop rejects the queued call. */
  async function fetchBody(
    url: string,
    ctx: DecodeContext,
    signal: AbortSignal,
    onAttempt: (sending: Promise<unknown>) => void,
  ): Promise<unknown> {
    let attempts = 0;
    let malformed = 0;
    try {
      return await pRetry(
        (attempt) => {
          attempts = attempt;
          // Retries jump ahead of fresh calls: they were first in line already.
          const attemptOnce = (): Promise<unknown> => {
            const sending = send(url, ctx, signal, attempt);
            onAttempt(sending);
            return sending;
          };
          return queue.add(attemptOnce, { signal, priority: attempt > 1 ? 1 : 0 });
        },
        {
          retries,
          // The waits are ours (full jitter, Retry-After): p-retry only counts.
          minTimeout: 0,
          maxTimeout: 0,
          signal,
          onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
            if (signal.aborted) throw cancelledError(ctx);
            if (!(error instanceof TransientFailure)) throw error;
            if (error.kind === 'malformed' && ++malformed > MAX_MALFORMED_RETRIES) throw error;
            if (retriesLeft <= 0) return;
            // After a 429 the queue is already paused for the wait (see send); this call waits the same.
            const wait =
              error.kind === 'rate-limited'
                ? (error.retryAfterMs ?? 0)
                : backoffDelay(attemptNumber, backoff);
            await sleep(wait, signal, ctx);
          },
        },
      );
    } catch (e) {
      throw finalError(e, ctx, signal, attempts);
    }
  }

  async function readCache(k: string, ctx: DecodeContext): Promise<CachedAnswer | undefined> {
    try {
      return await opts.cache?.get(k);
    } catch (e) {
      warn(
        `${describeCall(ctx)}: the cache could not be read (${e instanceof Error ? e.message : String(e)}); asking the API`,
      );
      return undefined;
    }
  }

  async function writeCache(k: string, answer: CachedAnswer, ctx: DecodeContext): Promise<void> {
    try {
      await opts.cache?.set(k, answer);
    } catch (e) {
      warn(
        `${describeCall(ctx)}: the answer could not be cached (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }

  async function call<P, R>(ep: Endpoint<P, R>, p: P, callOpts?: CallOptions): Promise<R> {
    if (callOpts?.signal) setMaxListeners(0, callOpts.signal);
    const signal = combineSignals([opts.signal, callOpts?.signal]);
    const params = ep.params(p);
    const ctx: DecodeContext = { endpoint: ep.path, subject: ep.subject(p), onWarning: warn };
    const where = describeCall(ctx);
    try {
      if (signal.aborted) throw cancelledError(ctx);
      const k = cacheKey(ep.path, params);

      if (opts.cache) {
        const hit = await readCache(k, ctx);
        const age = hit ? answerAge(hit, ageClock()) : Number.POSITIVE_INFINITY;
        // Offline, an old answer beats none; it is said so.
        const lifetime = opts.maxAgeByEndpoint?.[ep.path] ?? maxAgeMs;
        if (hit && (age < lifetime || opts.offline)) {
          const notFound = errorFromBody(hit.body, ctx);
          if (notFound?.code === 'not-found') {
            counters.fromCache++;
            throw notFound;
          }
          try {
            const value = ep.decode(hit.body, ctx, p);
            counters.fromCache++;
            if (age >= lifetime)
              warn(`${where}: offline, used a cached answer ${Math.round(age / 3_600_000)} h old`);
            return value;
          } catch (e) {
            if (!(e instanceof TagfitError)) throw e;
            warn(`${where}: the cached answer is no longer valid (${e.message})`);
          }
        }
      }
      if (opts.offline) {
        throw new TagfitError('offline', `Offline: no cached answer for ${where}`, {
          endpoint: ep.path,
          subject: ctx.subject,
        });
      }
      if (
        opts.maxCredits !== undefined &&
        Math.max(counters.used + inFlight, counters.calls) >= opts.maxCredits
      )
        throw budgetError(ctx, opts.maxCredits, counters);

      /** A 2xx answer that is not an error body is what the API charges for, usable or not; a usable one is cached. */
      const keep = async (body: unknown): Promise<R> => {
        counters.used++;
        byEndpoint[ep.path] = (byEndpoint[ep.path] ?? 0) + 1;
        const value = ep.decode(body, ctx, p);
        if (opts.cache) await writeCache(k, stamp(trimForCache(body)), ctx);
        return value;
      };

      inFlight++;
      let body: unknown;
      let landing: Promise<unknown> | undefined;
      try {
        if (signal.aborted) throw cancelledError(ctx);
        const query = new URLSearchParams(
          Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
        ).toString();
        body = await fetchBody(
          `${baseUrl}${ep.path}${query ? `?${query}` : ''}`,
          ctx,
          signal,
          (sending) => (landing = sending),
        );
      } catch (e) {
        if (opts.cache && e instanceof TagfitError && answeredNotFound.has(e))
          await writeCache(k, stamp(answeredNotFound.get(e)), ctx);
        // Stopped while an answer was coming: it is paid for, so it is counted and kept for the next run.
        const late = signal.aborted
          ? await landing?.then(
              (b) => ({ b }),
              () => undefined,
            )
          : undefined;
        if (late) await keep(late.b).catch(() => undefined);
        throw e;
      } finally {
        inFlight--;
      }
      return await keep(body);
    } catch (e) {
      if (e instanceof TagfitError) throw redacted(e);
      throw redacted(
        new TagfitError('network', `${where}: ${e instanceof Error ? e.message : String(e)}`, {
          endpoint: ep.path,
        }),
      );
    }
  }

  return {
    challengeInfo: (name, o) => call(challengeInfoEndpoint, { name }, o),
    challengePosts: (p, o) => call(challengePostsEndpoint, p, o),
    regionList: (o) => call(regionListEndpoint, {}, o),
    userInfo: (username, o) => call(userInfoEndpoint, { username }, o),
    userPosts: (p, o) => call(userPostsEndpoint, p, o),
    searchUser: (p, o) => call(searchUserEndpoint, p, o),
    searchChallenge: (p, o) => call(searchChallengeEndpoint, p, o),
    credits: (): Credits => ({
      ...counters,
      byEndpoint: { ...byEndpoint },
      saved: { byCache: 0, byInfoOnce: 0 },
    }),
  };
}
