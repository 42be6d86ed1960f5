// The TikLiveAPI client against the simulator over HTTP: faults, retries, 429 pauses, pacing, concurrency,
// cancellation, cache, offline and budget, with a canary key that must reach the server and nothing else.
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/core/api/client';
import type { AnswerCache, CachedAnswer, ClientOptions, TikLiveApi } from '../../src/core/api/types';
import { TagfitError } from '../../src/core/errors';
import { Secret } from '../../src/core/secrets/secret';
import { type SimulatorHandle, startSimulator } from '../../src/core/simulator';

const CANARY = 'canary-key-7f3a9c21-DO-NOT-LEAK';

let sim: SimulatorHandle;
/** Everything the client handed back to us this test: errors, warnings, events. None may hold the key. */
let observed: unknown[];
let warnings: string[];
let events: Parameters<NonNullable<ClientOptions['onRequest']>>[0][];

beforeAll(async () => {
  sim = await startSimulator({ key: CANARY });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setOptions({ key: CANARY, latencyMs: 0, requestsPerMinute: null, retryAfter: 'seconds' });
  sim.clearFaults();
  sim.resetStats();
  observed = [];
  warnings = [];
  events = [];
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const x of [...observed, ...warnings, ...events]) expectNoKey(x);
  // The key did reach the server whenever a request was made, so the absence above is not an accident.
  if (sim.stats().requests > 0) expect(sim.stats().apiKeysSeen).toContain(CANARY);
});

function expectNoKey(x: unknown): void {
  const texts = [inspect(x, { depth: 20 }), JSON.stringify(x) ?? '', String(x)];
  if (x instanceof Error) texts.push(x.message, x.stack ?? '');
  for (const t of texts) expect(t).not.toContain(CANARY);
}

/** A client with fast test defaults: no pacing, tiny backoff, short time-out. */
function client(over: Partial<ClientOptions> = {}): TikLiveApi {
  return createClient({
    baseUrl: sim.url,
    key: new Secret(CANARY),
    requestsPerMinute: Number.POSITIVE_INFINITY,
    backoffMs: { min: 5, max: 20 },
    timeoutMs: 2_000,
    retries: 4,
    onWarning: (m) => warnings.push(m),
    onRequest: (e) => events.push(e),
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<TagfitError> {
  try {
    await p;
  } catch (e) {
    observed.push(e);
    expect(e).toBeInstanceOf(TagfitError);
    return e as TagfitError;
  }
  throw new Error('expected the call to fail');
}

function memoryCache(): AnswerCache & { map: Map<string, CachedAnswer> } {
  const map = new Map<string, CachedAnswer>();
  return {
    map,
    get: async (k) => map.get(k),
    set: async (k, a) => {
      map.set(k, a);
    },
  };
}

/** Counts fetch calls in flight and when each started, around the real fetch. */
function spyFetch(): { starts: number[]; maxInFlight: () => number } {
  const real = globalThis.fetch;
  const starts: number[] = [];
  let inFlight = 0;
  let max = 0;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args: Parameters<typeof fetch>) => {
    starts.push(performance.now());
    max = Math.max(max, ++inFlight);
    try {
      return await real(...args);
    } finally {
      inFlight--;
    }
  });
  return { starts, maxInFlight: () => max };
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Records the delay of every timer the client sets from now on (its own code and its queue, p-queue; they still
 * run as asked): the waits it schedules are checked by what it asked for, not by a stopwatch that a busy machine
 * stretches. The simulator's and the HTTP stack's timers in this process are left out by where they were set.
 */
function recordTimers(): number[] {
  const delays: number[] = [];
  const real = globalThis.setTimeout;
  // Every timer set in this process passes through, with all its arguments (undici hands its own one).
  const pass = real as (fn: unknown, ms?: number, ...rest: unknown[]) => ReturnType<typeof setTimeout>;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: unknown, ms?: number, ...rest: unknown[]) => {
    const where = new Error().stack ?? '';
    if (/[/\\]src[/\\]core[/\\]api[/\\]|[/\\]p-queue[/\\]/.test(where)) delays.push(ms ?? 0);
    return pass(fn, ms, ...rest);
  }) as typeof setTimeout);
  return delays;
}
/** Waits the client scheduled of at least 50 ms, its request time-out (`timeoutMs`) aside. */
const waitsOf = (delays: number[], timeoutMs: number): number[] =>
  delays.filter((d) => d >= 50 && d !== timeoutMs);

describe('answers', () => {
  it('fetches every endpoint and counts the credits the simulator charged', async () => {
    const api = client();
    const tag = await api.challengeInfo('#gymtok');
    expect(tag).toMatchObject({ name: 'gymtok', isCommerce: false });
    const page = await api.challengePosts({
      challengeId: tag.id,
      count: 30,
      cursor: '0',
      region: 'US',
      hashtag: 'gymtok',
    });
    expect(page.posts.length).toBeGreaterThan(0);
    expect(page.posts[0]!.authorId).not.toBe('');
    const regions = await api.regionList();
    expect(regions.US).toBeTypeOf('string');
    const user = await api.userInfo('@acme_designs');
    expect(user.uniqueId).toBe('acme_designs');
    const posts = await api.userPosts({ userId: user.id, count: 10, cursor: '0' });
    expect(posts.posts.length).toBeGreaterThan(0);
    expect((await api.searchUser({ keyword: 'design', count: 10, cursor: '0' })).length).toBeGreaterThan(0);
    expect((await api.searchChallenge({ keyword: 'gym', count: 10, cursor: '0' }))[0]?.name).toBe('gymtok');

    const credits = api.credits();
    const stats = sim.stats();
    expect(credits).toMatchObject({ used: 7, calls: 7, retries: 0, rateLimited: 0, fromCache: 0 });
    expect(credits.saved).toEqual({ byCache: 0, byInfoOnce: 0 });
    expect(credits.used).toBe(stats.credits);
    expect(credits.byEndpoint).toEqual(stats.creditsByEndpoint);
    // A null caption is documented API behaviour, not a defect: no warning for it.
    expect(warnings).toEqual([]);
    expect(events.every((e) => e.status === 200 && e.attempt === 1)).toBe(true);
  });

  it('survives broken fields with one warning per field, naming endpoint and hashtag', async () => {
    const api = client();
    const tag = await api.challengeInfo('brokenfields');
    const page = await api.challengePosts({
      challengeId: tag.id,
      count: 30,
      cursor: '0',
      hashtag: 'brokenfields',
    });
    expect(page.posts).toHaveLength(30);
    expect(page.posts.every((p) => p.likes >= 0 && p.createTime < 1e11)).toBe(true);
    const fields = warnings.map((w) => /field (\S+)/.exec(w)?.[1]);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toEqual(expect.arrayContaining(['digg_count', 'author', 'create_time', 'play_count']));
    for (const w of warnings) expect(w).toContain('the posts of #brokenfields');
  });
});

describe('the key stays out of errors', () => {
  // These two stand in for an API or an HTTP stack that echoes the key: the simulator never does.
  it('an API message that echoes the key is redacted', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ status: 'error', message: `key ${CANARY} is suspended` }), {
        status: 200,
      }),
    );
    const e = await failure(client().challengeInfo('gymtok'));
    expect(e.code).toBe('invalid-response');
    expect(e.message).toContain('key [redacted] is suspended');
  });

  it('a network error that carries the request headers is converted and redacted', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(
      new TypeError('fetch failed', {
        cause: { code: 'ECONNRESET', message: `reset; X-Api-Key: ${CANARY}` },
      }),
    );
    const e = await failure(client({ retries: 1 }).challengeInfo('gymtok'));
    expect(e.code).toBe('network');
    expect(e.message).toContain('the hashtag info of #gymtok: the connection failed');
    expect(e.message).toContain('ECONNRESET');
    expect(e.cause).toBeUndefined();
  });
});

describe('refusals that are never retried', () => {
  it.each([401, 403])('HTTP %i is an auth error after one request', async (status) => {
    sim.inject({ kind: 'status', status });
    const e = await failure(client().challengeInfo('gymtok'));
    expect(e.code).toBe('auth');
    expect(e.message).toBe('TikLiveAPI refused the API key (invalid key or empty balance)');
    expect(sim.stats().requests).toBe(1);
  });

  it('the HTTP-200 "Api-Key is not available" body is an auth error after one request', async () => {
    sim.inject({ kind: 'auth-200' });
    const e = await failure(client().challengePosts({ challengeId: '1', count: 30, cursor: '0' }));
    expect(e.code).toBe('auth');
    expect(sim.stats().requests).toBe(1);
  });

  it('a wrong key is refused, and neither key leaks', async () => {
    const wrong = 'wrong-key-0000';
    const e = await failure(client({ key: new Secret(wrong) }).challengeInfo('gymtok'));
    expect(e.code).toBe('auth');
    expect(inspect(e) + JSON.stringify(e)).not.toContain(wrong);
    expect(sim.stats().apiKeysSeen).toEqual([wrong]);
    // The canary never went out in this test: make the afterEach check hold by sending it once.
    await client().regionList();
  });

  it('a missing hashtag is not-found, whatever the status', async () => {
    const api = client();
    const e = await failure(api.challengeInfo('#nosuchtag_zz'));
    expect(e.code).toBe('not-found');
    expect(e.message).toBe('No TikTok hashtag #nosuchtag_zz');

    sim.inject({ kind: 'status', status: 404 });
    expect((await failure(api.challengeInfo('gymtok'))).code).toBe('not-found');
    sim.inject({ kind: 'error-200', endpoint: '/challenge-posts/' });
    const posts = await failure(
      api.challengePosts({ challengeId: '229207', count: 30, cursor: '0', hashtag: 'fyp' }),
    );
    expect(posts.code).toBe('not-found');
    expect(posts.message).toContain('#fyp');
    expect(sim.stats().requests).toBe(3);
    expect(api.credits()).toMatchObject({ used: 0, calls: 3, retries: 0 });
  });
});

describe('rate limits', () => {
  it('429 with Retry-After in seconds: the retry waits and the whole queue pauses', async () => {
    sim.inject({ kind: 'status', status: 429, retryAfter: '1', match: { name: 'gymtok' } });
    let sawLimit!: () => void;
    const limited = new Promise<void>((r) => (sawLimit = r));
    const api = client({
      concurrency: 4,
      onRequest: (e) => (events.push(e), e.status === 429 && sawLimit()),
    });
    const t0 = performance.now();
    const first = api.challengeInfo('gymtok');
    await limited;
    const tLimit = performance.now();
    const others = [api.challengeInfo('ootd'), api.challengeInfo('fyp')].map((p) =>
      p.then(() => performance.now()),
    );
    await first;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
    for (const done of await Promise.all(others)) expect(done - tLimit).toBeGreaterThanOrEqual(900);
    expect(api.credits()).toMatchObject({ used: 3, calls: 4, retries: 1, rateLimited: 1 });
  });

  it('429 with Retry-After as an HTTP date waits until that date (1-2 s, the header has whole seconds)', async () => {
    sim.inject({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 1500).toUTCString() });
    const timers = recordTimers();
    const api = client({ timeoutMs: 10_000 });
    const t0 = performance.now();
    await api.challengeInfo('gymtok');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    // The date less the answer's own Date header: whole seconds, so 1 or 2 s, and nothing longer was waited.
    const waits = waitsOf(timers, 10_000);
    expect(waits.length).toBeGreaterThan(0);
    for (const w of waits) expect([1000, 2000]).toContain(w);
    expect(events.map((e) => e.status)).toEqual([429, 200]);
  });

  it('429 without Retry-After backs off and retries', async () => {
    sim.inject({ kind: 'status', status: 429, retryAfter: '' });
    const api = client();
    await api.challengeInfo('gymtok');
    expect(api.credits()).toMatchObject({ used: 1, calls: 2, retries: 1, rateLimited: 1 });
  });

  it('a Retry-After is capped by maxRetryAfterMs', async () => {
    sim.inject({ kind: 'status', status: 429, retryAfter: '3600' });
    const timers = recordTimers();
    await client({ maxRetryAfterMs: 100, timeoutMs: 10_000 }).challengeInfo('gymtok');
    // The hour asked for became 100 ms: no wait longer than the cap was scheduled.
    expect(waitsOf(timers, 10_000)).toContain(100);
    expect(waitsOf(timers, 10_000).filter((w) => w > 100)).toEqual([]);
    expect(events.map((e) => e.status)).toEqual([429, 200]);
  });

  it('a 429 storm longer than the retry budget ends as rate-limited, naming endpoint and hashtag', async () => {
    // The simulator's own limiter: one request a minute, Retry-After ~60 s, capped here to keep the test fast.
    sim.setOptions({ requestsPerMinute: 1 });
    const api = client({ retries: 2, maxRetryAfterMs: 30 });
    await api.challengeInfo('gymtok');
    const e = await failure(api.challengeInfo('ootd'));
    expect(e.code).toBe('rate-limited');
    expect(e.message).toContain('the hashtag info of #ootd');
    expect(e.message).toContain('3 attempts');
    expect(sim.stats().requests).toBe(4);
    expect(api.credits()).toMatchObject({ used: 1, calls: 4, retries: 2, rateLimited: 3 });
  });
});

describe('transient faults', () => {
  it('500/502/503 bursts, then success', async () => {
    for (const status of [500, 502, 503])
      sim.inject({ kind: 'status', status, endpoint: '/challenge-posts/' });
    const api = client();
    const page = await api.challengePosts({ challengeId: '229207', count: 30, cursor: '0', hashtag: 'fyp' });
    expect(page.posts.length).toBeGreaterThan(0);
    expect(events.map((e) => e.status)).toEqual([500, 502, 503, 200]);
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(api.credits()).toMatchObject({ used: 1, calls: 4, retries: 3 });
  });

  it('5xx beyond the retry budget names endpoint, hashtag and status', async () => {
    sim.inject({ kind: 'status', status: 503, times: Number.POSITIVE_INFINITY });
    const e = await failure(client({ retries: 2 }).challengeInfo('gymtok'));
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/the hashtag info of #gymtok: TikLiveAPI answered HTTP 503.*3 attempts/);
    expect(sim.stats().requests).toBe(3);
  });

  it('an HTML error page is retried like the 5xx it is', async () => {
    sim.inject({ kind: 'html', status: 502 });
    await client().challengeInfo('gymtok');
    expect(events.map((e) => e.status)).toEqual([502, 200]);
  });

  it('an HTML page with HTTP 200 is retried a bounded number of times, then invalid-response', async () => {
    sim.inject({ kind: 'html', status: 200, times: Number.POSITIVE_INFINITY });
    const e = await failure(client({ retries: 10 }).challengeInfo('gymtok'));
    expect(e.code).toBe('invalid-response');
    expect(e.message).toContain('an HTML page instead of JSON');
    expect(sim.stats().requests).toBe(3);
  });

  it('a time-out is retried, and one that lasts ends as timeout', async () => {
    sim.inject({ kind: 'timeout' });
    const api = client({ timeoutMs: 150 });
    await api.challengeInfo('gymtok');
    expect(events.map((e) => e.status)).toEqual(['timeout', 200]);

    sim.inject({ kind: 'timeout', times: Number.POSITIVE_INFINITY });
    const e = await failure(client({ timeoutMs: 100, retries: 1 }).challengeInfo('ootd'));
    expect(e.code).toBe('timeout');
    expect(e.message).toContain('the hashtag info of #ootd');
  });

  it.each(['drop', 'truncated', 'malformed'] as const)(
    'a %s body is retried, then succeeds',
    async (kind) => {
      sim.inject({ kind, endpoint: '/challenge-posts/' });
      const api = client();
      const page = await api.challengePosts({
        challengeId: '229207',
        count: 30,
        cursor: '0',
        hashtag: 'fyp',
      });
      expect(page.posts.length).toBe(30);
      expect(api.credits()).toMatchObject({ used: 1, calls: 2, retries: 1 });
    },
  );

  it('malformed JSON that keeps coming ends as invalid-response after a bounded number of tries', async () => {
    sim.inject({ kind: 'malformed', times: Number.POSITIVE_INFINITY });
    const e = await failure(client({ retries: 10 }).challengeInfo('gymtok'));
    expect(e.code).toBe('invalid-response');
    expect(e.message).toMatch(/the hashtag info of #gymtok: .*malformed or truncated JSON/);
    expect(sim.stats().requests).toBe(3);
  });

  it('a dropped connection that keeps dropping ends as a network error', async () => {
    sim.inject({ kind: 'drop', times: Number.POSITIVE_INFINITY });
    const e = await failure(client({ retries: 1 }).regionList());
    expect(e.code).toBe('network');
    expect(e.message).toContain('the region list');
  });
});

describe('pacing and concurrency', () => {
  it('N calls at R per minute take about N/R minutes, evenly spaced, and draw no 429', async () => {
    const rpm = 600;
    sim.setOptions({ requestsPerMinute: rpm });
    const spy = spyFetch();
    const api = client({ requestsPerMinute: rpm, concurrency: 8 });
    const n = 16;
    const timers = recordTimers();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, () => api.regionList()));
    const took = performance.now() - t0;
    const slot = 60_000 / rpm;
    expect(took).toBeGreaterThanOrEqual((n - 1) * slot);
    const gaps = spy.starts.slice(1).map((t, i) => t - spy.starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(slot * 0.95);
    expect(sim.stats().rateLimited).toBe(0);
    // Not slower than the plan: the queue never waits longer than one slot (5 % under the plan) between starts.
    // How close the wall time comes to the bound is the bench's measure (npm run bench).
    const waits = waitsOf(timers, 2_000);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(Math.ceil(slot * 1.05));
  });

  it('never runs more requests at once than the concurrency', async () => {
    sim.setOptions({ latencyMs: 60 });
    const spy = spyFetch();
    const api = client({ concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => api.regionList()));
    expect(spy.maxInFlight()).toBe(3);
    expect(sim.stats().requests).toBe(12);
  });
});

describe('cancellation', () => {
  it('aborting the run stops in-flight and queued calls at once, and nothing new starts', async () => {
    const run = new AbortController();
    const api = client({ concurrency: 2, signal: run.signal });
    const done = await Promise.all([api.regionList(), api.regionList()]);
    expect(done).toHaveLength(2);
    // The simulator holds its answers: the calls in flight can only end by the abort, never by an answer.
    const release = sim.hold();
    try {
      const calls = Array.from({ length: 8 }, () =>
        api.regionList().then(
          () => 'ok',
          (e: unknown) => (observed.push(e), e instanceof TagfitError ? e.code : 'other'),
        ),
      );
      await expect.poll(() => sim.stats().requests, { timeout: 30_000 }).toBe(4);
      run.abort();
      expect(await Promise.all(calls)).toEqual(Array.from({ length: 8 }, () => 'cancelled'));
      expect((await failure(api.challengeInfo('gymtok'))).code).toBe('cancelled');
    } finally {
      release();
    }
    await delay(300);
    expect(sim.stats().requests).toBe(4);
  });

  it('aborting during a Retry-After wait ends the call at once', async () => {
    // An hour's wait: a call that did not end at the abort would outlast the test's own limit.
    sim.inject({ kind: 'status', status: 429, retryAfter: '3600' });
    const run = new AbortController();
    const api = client({
      signal: run.signal,
      maxRetryAfterMs: 3_600_000,
      onRequest: (e) => (events.push(e), e.status === 429 && run.abort()),
    });
    expect((await failure(api.challengeInfo('gymtok'))).code).toBe('cancelled');
    expect(sim.stats().requests).toBe(1);
  });

  it('a per-call signal cancels only that call', async () => {
    sim.setOptions({ latencyMs: 100 });
    const api = client();
    const one = new AbortController();
    const a = api.challengeInfo('gymtok', { signal: one.signal });
    const b = api.challengeInfo('ootd');
    one.abort();
    expect((await failure(a)).code).toBe('cancelled');
    expect((await b).name).toBe('ootd');
  });
});

describe('cache, offline and budget', () => {
  it('a fresh cached answer makes no request; a stale one does', async () => {
    const cache = memoryCache();
    let now = 1_000_000;
    const opts = { cache, clock: () => now, maxAgeMs: 60_000 };
    const first = await client(opts).challengeInfo('gymtok');
    expect(sim.stats().requests).toBe(1);
    expect([...cache.map.keys()]).toEqual(['/challenge-info-name/?name=gymtok']);
    expect(cache.map.get('/challenge-info-name/?name=gymtok')!.fetchedAt).toBe(now);
    expect(JSON.stringify([...cache.map])).not.toContain(CANARY);

    const api = client(opts);
    expect(await api.challengeInfo('#gymtok')).toEqual(first);
    expect(sim.stats().requests).toBe(1);
    expect(api.credits()).toMatchObject({ used: 0, calls: 0, fromCache: 1 });

    now += 61_000;
    await api.challengeInfo('gymtok');
    expect(sim.stats().requests).toBe(2);
  });

  it('a cached answer that no longer validates is fetched again', async () => {
    const cache = memoryCache();
    cache.map.set('/challenge-info-name/?name=gymtok', {
      fetchedAt: Date.now(),
      body: { cha_name: 'gymtok' },
    });
    await client({ cache }).challengeInfo('gymtok');
    expect(sim.stats().requests).toBe(1);
    expect(warnings).toEqual([expect.stringContaining('cached answer is no longer valid')]);
  });

  it('cache errors do not fail the call', async () => {
    const cache: AnswerCache = {
      get: async () => {
        throw new Error('disk on fire');
      },
      set: async () => {
        throw new Error('disk full');
      },
    };
    expect((await client({ cache }).challengeInfo('gymtok')).name).toBe('gymtok');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('disk on fire');
    expect(warnings[1]).toContain('disk full');
  });

  it('offline never touches the network: a miss is an offline error, an old answer is used and said so', async () => {
    const cache = memoryCache();
    const api = client({ cache, offline: true, maxAgeMs: 1000 });
    const e = await failure(api.challengeInfo('gymtok'));
    expect(e.code).toBe('offline');
    expect(e.message).toBe('Offline: no cached answer for the hashtag info of #gymtok');

    cache.map.set('/region-list/', { fetchedAt: Date.now() - 7_200_000, body: { US: 'United States' } });
    expect(await api.regionList()).toEqual({ US: 'United States' });
    expect(warnings).toEqual([expect.stringContaining('offline, used a cached answer 2 h old')]);
    expect(sim.stats().requests).toBe(0);
  });

  it('the credit budget refuses calls beyond it, counting calls in flight', async () => {
    sim.setOptions({ latencyMs: 50 });
    const api = client({ maxCredits: 2 });
    const outcomes = await Promise.allSettled([api.regionList(), api.regionList(), api.regionList()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const e = (outcomes[2] as PromiseRejectedResult).reason as TagfitError;
    observed.push(e);
    expect(e.code).toBe('budget');
    expect(e.message).toContain('the region list');
    expect((await failure(api.challengeInfo('gymtok'))).code).toBe('budget');
    expect(sim.stats().requests).toBe(2);
  });

  it('a request answered with an error body counts against the budget (the API may bill it)', async () => {
    const api = client({ maxCredits: 1 });
    await failure(api.challengeInfo('nosuchtag_zz'));
    expect((await failure(api.challengeInfo('gymtok'))).code).toBe('budget');
    expect(api.credits()).toMatchObject({ used: 0, calls: 1 });
    expect(sim.stats().requests).toBe(1);
  });
});
