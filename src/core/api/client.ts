// The TikLiveAPI client: one paced queue per client, time-outs, retries with backoff, a 429 that pauses
// everything, cancellation, a credit budget and an answer cache. The key touches only the fetch call (request.ts).
import { setMaxListeners } from 'node:events';
import type { Credits } from '../../shared/model';
import { RUN_SETTINGS } from '../../shared/scoring-registry';
import { TagfitError } from '../errors';
import { MAX_ANSWER_BYTES } from './answer-body';
import { cacheKey } from './cache-key';
import { budgetError, cancelledError } from './call-errors';
import { type DecodeContext, describeCall } from './decode-context';
import { trimForCache } from './dto';
import { errorFromBody } from './error-bodies';
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
import { createPacedQueue } from './paced-queue';
import { createSender } from './request';
import { fetchWithRetries } from './retry';
import type { CachedAnswer, CallOptions, ClientOptions, TikLiveApi } from './types';

const DEFAULTS = {
  concurrency: RUN_SETTINGS.concurrency.default,
  requestsPerMinute: RUN_SETTINGS.requestsPerMinute.default,
  timeoutMs: RUN_SETTINGS.timeoutSeconds.default * 1000,
  retries: 4,
  backoffMs: { min: 500, max: 8_000 },
  maxRetryAfterMs: 60_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};

function combineSignals(signals: (AbortSignal | undefined)[]): AbortSignal {
  const defined = signals.filter((s): s is AbortSignal => s !== undefined);
  if (defined.length === 1) return defined[0]!;
  return defined.length === 0 ? new AbortController().signal : AbortSignal.any(defined);
}

export function createClient(opts: ClientOptions): TikLiveApi {
  const key = opts.key;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const backoff = opts.backoffMs ?? DEFAULTS.backoffMs;
  const maxAgeMs = opts.maxAgeMs ?? DEFAULTS.maxAgeMs;
  const clock = opts.clock ?? Date.now;
  // A clock handed in is the run's own (a test's, a `--now`) unless the caller says it follows the wall clock.
  const clockIsFixed = opts.clockIsFixed ?? opts.clock !== undefined;
  const ageClock = (): AgeClock => ({ runNow: clock(), realNow: clockIsFixed ? undefined : Date.now() });
  /** What a fresh answer is stored with: both clocks' times (see freshness.ts). */
  const stamp = (body: unknown): CachedAnswer => ({ fetchedAt: clock(), fetchedAtReal: Date.now(), body });

  const { queue, pauseFor } = createPacedQueue({
    concurrency: opts.concurrency ?? DEFAULTS.concurrency,
    requestsPerMinute: opts.requestsPerMinute ?? DEFAULTS.requestsPerMinute,
    signal: opts.signal,
  });

  const counters = { used: 0, calls: 0, retries: 0, rateLimited: 0, fromCache: 0 };
  /**
   * "Not found" bodies the API answered with HTTP 2xx: the API's answer about a hashtag or user, not a failure,
   * so it is cached like any other (the next run, and an offline one, then know it without a call).
   */
  const answeredNotFound = new WeakMap<TagfitError, unknown>();
  const byEndpoint: Record<string, number> = {};
  /** Calls past the cache and not yet settled: each may still cost a credit. */
  let inFlight = 0;

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

  const send = createSender({
    key,
    timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
    maxAnswerBytes: opts.maxAnswerBytes ?? MAX_ANSWER_BYTES,
    maxCredits: opts.maxCredits,
    backoff,
    maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    counters,
    pauseQueueFor: pauseFor,
    emit,
    answeredNotFound,
  });
  const retryDeps = { queue, send, retries: opts.retries ?? DEFAULTS.retries, backoff, safe };

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
    return (await observe(ep, p, callOpts)).value;
  }

  /** A call's answer, with the run clock it was fetched at when it came from the cache. */
  async function observe<P, R>(
    ep: Endpoint<P, R>,
    p: P,
    callOpts?: CallOptions,
  ): Promise<{ value: R; fetchedAt?: number }> {
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
            return { value, fetchedAt: hit.fetchedAt };
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
        throw budgetError(ctx, opts.maxCredits);

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
        body = await fetchWithRetries(
          retryDeps,
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
      return { value: await keep(body) };
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
    challengePosts: async (p, o) => {
      const { value, fetchedAt } = await observe(challengePostsEndpoint, p, o);
      return fetchedAt === undefined ? value : { ...value, fetchedAt };
    },
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
