// The TikLiveAPI simulator over real HTTP: shapes, paging, determinism, auth, rate limit, faults and lifecycle.
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DATASET_EPOCH,
  startSimulator,
  type SimulatorHandle,
  type SimulatorOptions,
} from '../../src/core/simulator/index';

const NOW = DATASET_EPOCH + 3 * 86_400_000 + 7 * 3_600_000;
const KEY = 'test-key';
const started: SimulatorHandle[] = [];

async function sim(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const s = await startSimulator({ now: NOW, key: KEY, ...opts });
  started.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

function call(
  s: SimulatorHandle,
  path: string,
  params: Record<string, string | number> = {},
  init: { key?: string | null; signal?: AbortSignal } = {},
): Promise<Response> {
  const url = new URL(path, s.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  const key = init.key === undefined ? KEY : init.key;
  return fetch(url, { headers: key === null ? {} : { 'X-Api-Key': key }, signal: init.signal });
}

// Wire bodies are checked field by field in the tests, so they are typed loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Wire = any;

async function json(
  s: SimulatorHandle,
  path: string,
  params: Record<string, string | number> = {},
): Promise<Wire> {
  const res = await call(s, path, params);
  expect(res.status).toBe(200);
  return res.json();
}

async function challengeId(s: SimulatorHandle, name: string): Promise<string> {
  const info = await json(s, '/challenge-info-name/', { name });
  return info.id as string;
}

describe('simulator: endpoints', () => {
  it('listens on 127.0.0.1 only', async () => {
    const s = await sim();
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${s.port}/region-list/`)).rejects.toThrow();
    }
  });

  it('answers /challenge-info-name/ case-insensitively, NFC, with an error body when missing', async () => {
    const s = await sim();
    const info = await json(s, '/challenge-info-name/', { name: 'SmallBusinessCheck' });
    expect(info).toMatchObject({ cha_name: 'smallbusinesscheck', is_commerce: false, is_challenge: true });
    expect(typeof info.id).toBe('string');
    for (const k of ['desc', 'user_count', 'view_count', 'is_pgcshow', 'is_strong_music', 'type', 'cover'])
      expect(info).toHaveProperty(k);
    expect((await json(s, '/challenge-info-name/', { name: 'cafe\u0301' })).cha_name).toBe('café');
    expect((await json(s, '/challenge-info-name/', { name: 'casemismatch' })).cha_name).toBe('CaseMismatch');
    expect((await json(s, '/challenge-info-name/', { name: 'csvinject' })).cha_name).toBe('=cmd|calc');
    expect((await json(s, '/challenge-info-name/', { name: 'zestcolachallenge' })).is_commerce).toBe(true);
    expect(await json(s, '/challenge-info-name/', { name: 'notarealtag2026' })).toEqual({
      status: 'error',
      message: 'Not found challenge',
    });
    expect(s.stats().credits).toBe(5);
  });

  it('pages /challenge-posts/ with an offset cursor, 35 at most, empty where a tag has no posts', async () => {
    const s = await sim();
    const id = await challengeId(s, 'designtok');
    const seen: string[] = [];
    let cursor = '0';
    for (let page = 0; page < 3; page++) {
      const body = await json(s, '/challenge-posts/', { challenge_id: id, count: 30, cursor, region: 'US' });
      expect(body.videos).toHaveLength(30);
      expect(body.hasMore).toBe(true);
      expect(body.cursor).toBe(String((page + 1) * 30));
      cursor = body.cursor;
      seen.push(...body.videos.map((v: { video_id: string }) => v.video_id));
    }
    expect(new Set(seen).size).toBe(90);
    const v = (await json(s, '/challenge-posts/', { challenge_id: id, count: 1, cursor: '0', region: 'US' }))
      .videos[0];
    expect(v).toMatchObject({
      video_id: expect.any(String),
      digg_count: expect.any(Number),
      create_time: expect.any(Number),
    });
    for (const k of [
      'title',
      'comment_count',
      'share_count',
      'collect_count',
      'play_count',
      'music_info',
      'cover',
    ])
      expect(v).toHaveProperty(k);
    expect(v.author).toMatchObject({ unique_id: expect.any(String), nickname: expect.any(String) });
    expect(v.create_time).toBeLessThan(NOW / 1000 + 1);
    expect(v.create_time).toBeGreaterThan(1.7e9);

    expect(
      (await json(s, '/challenge-posts/', { challenge_id: id, count: 100, cursor: '0' })).videos,
    ).toHaveLength(35);
    // Following the cursor to the end: hasMore turns false exactly when the list is exhausted.
    let total = 90;
    for (;;) {
      const body = await json(s, '/challenge-posts/', { challenge_id: id, count: 35, cursor, region: 'US' });
      total += body.videos.length;
      expect(body.cursor).toBe(String(total));
      cursor = body.cursor;
      if (!body.hasMore) break;
      expect(body.videos).toHaveLength(35);
    }
    expect(total).toBeGreaterThanOrEqual(90);

    const regional = await challengeId(s, 'comida_caseira');
    expect(
      await json(s, '/challenge-posts/', { challenge_id: regional, count: 30, cursor: '0', region: 'US' }),
    ).toEqual({
      videos: [],
      cursor: '0',
      hasMore: false,
    });
    expect(
      (await json(s, '/challenge-posts/', { challenge_id: regional, count: 30, cursor: '0', region: 'br' }))
        .videos,
    ).toHaveLength(30);
    expect(await json(s, '/challenge-posts/', { challenge_id: '999', count: 30, cursor: '0' })).toMatchObject(
      {
        status: 'error',
      },
    );
  });

  it('serves the region list, users, user posts and both searches in their shapes', async () => {
    const s = await sim();
    const regions = await json(s, '/region-list/');
    expect(regions.US).toBe('United States');
    expect(Object.keys(regions).length).toBeGreaterThanOrEqual(24);

    const info = await json(s, '/userinfo-by-username/', { username: 'acme_designs' });
    expect(info.user).toMatchObject({
      uniqueId: 'acme_designs',
      id: expect.stringMatching(/^\d+$/),
      secUid: expect.any(String),
    });
    expect(info.stats).toMatchObject({
      followerCount: expect.any(Number),
      heartCount: expect.any(Number),
      videoCount: expect.any(Number),
    });
    expect(await json(s, '/userinfo-by-username/', { username: 'nobody_here_42' })).toMatchObject({
      status: 'error',
    });

    const posts = await json(s, '/user-posts/', { userid: info.user.id, count: 30, cursor: '0' });
    expect(posts.videos.length).toBeGreaterThan(10);
    expect(
      posts.videos.every((v: { author: { unique_id: string } }) => v.author.unique_id === 'acme_designs'),
    ).toBe(true);
    expect(
      posts.videos.filter((v: { title: string | null }) => /#\S+/.test(v.title ?? '')).length,
    ).toBeGreaterThan(5);

    const users = await json(s, '/search-user/', { keyword: 'studio', count: 10, cursor: '0' });
    expect(users.user_list.length).toBeGreaterThan(0);
    expect(users.user_list[0].user_info).toMatchObject({
      uniqueId: expect.any(String),
      nickname: expect.any(String),
      followerCount: expect.any(Number),
    });

    const tags = await json(s, '/search-challenge/', { keyword: 'business', count: 10, cursor: '0' });
    expect(tags.challenge_list.map((c: { cha_name: string }) => c.cha_name)).toContain('smallbusinesscheck');
    expect(tags.challenge_list[0]).toHaveProperty('id');
  });

  it('answers an unknown path with 404 JSON and charges no credit for errors', async () => {
    const s = await sim();
    const res = await call(s, '/nope/');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 'error' });
    await json(s, '/challenge-info-name/', { name: 'notarealtag2026' });
    expect(s.stats()).toMatchObject({
      requests: 2,
      credits: 0,
      byEndpoint: { '/nope/': 1, '/challenge-info-name/': 1 },
    });
  });

  it('gives identical answers for the same clock and growing counts a week later', async () => {
    const a = await sim();
    const b = await sim();
    const params = {
      challenge_id: await challengeId(a, 'founderlife'),
      count: 30,
      cursor: '30',
      region: 'DE',
    };
    const [ta, tb] = await Promise.all([
      call(a, '/challenge-posts/', params),
      call(b, '/challenge-posts/', params),
    ]);
    expect(await ta.text()).toBe(await tb.text());
    const before = await json(a, '/challenge-info-name/', { name: 'founderlife' });
    a.setOptions({ now: NOW + 7 * 86_400_000 });
    const after = await json(a, '/challenge-info-name/', { name: 'founderlife' });
    expect(after.user_count).toBeGreaterThan(before.user_count);
    expect(after.view_count).toBeGreaterThan(before.view_count);
  });
});

describe('simulator: auth', () => {
  it('answers a missing or wrong key with HTTP 200 "Api-Key is not available" and records every key', async () => {
    const s = await sim();
    for (const key of [null, 'canary-wrong-key']) {
      const res = await call(s, '/region-list/', {}, { key });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ message: 'Api-Key is not available' });
    }
    await json(s, '/region-list/');
    expect(s.stats().apiKeysSeen).toEqual(['canary-wrong-key', KEY]);
    expect(s.stats().credits).toBe(1);
  });

  it('accepts any non-empty key in demo mode', async () => {
    const s = await sim({ key: undefined });
    expect(((await (await call(s, '/region-list/', {}, { key: 'anything' })).json()) as Wire).US).toBe(
      'United States',
    );
    expect(await (await call(s, '/region-list/', {}, { key: null })).json()).toEqual({
      message: 'Api-Key is not available',
    });
    s.setOptions({ key: 'now-strict' });
    expect(await (await call(s, '/region-list/', {}, { key: 'anything' })).json()).toEqual({
      message: 'Api-Key is not available',
    });
  });
});

describe('simulator: rate limit', () => {
  it('answers 429 over the window, with Retry-After in seconds, as a date, or absent', async () => {
    const s = await sim({ requestsPerMinute: 2 });
    await json(s, '/region-list/');
    await json(s, '/region-list/');
    const limited = await call(s, '/region-list/');
    expect(limited.status).toBe(429);
    const seconds = Number(limited.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);

    s.setOptions({ retryAfter: 'date' });
    const dated = await call(s, '/region-list/');
    expect(dated.status).toBe(429);
    const when = Date.parse(dated.headers.get('retry-after') ?? '');
    expect(when).toBeGreaterThan(Date.now() - 1000);

    s.setOptions({ retryAfter: 'none' });
    const bare = await call(s, '/region-list/');
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    expect(s.stats()).toMatchObject({ rateLimited: 3, credits: 2, requests: 5 });

    s.setOptions({ requestsPerMinute: null });
    expect((await call(s, '/region-list/')).status).toBe(200);
  });

  it('delays answers by latencyMs', async () => {
    const s = await sim({ latencyMs: 120 });
    const t0 = performance.now();
    await json(s, '/region-list/');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('holds every answer, in flight or to come, until released; closing releases them too', async () => {
    const s = await sim({ latencyMs: 20 });
    const inFlight = call(s, '/region-list/');
    const release = s.hold();
    const later = call(s, '/region-list/');
    let answered = 0;
    void inFlight.then(() => (answered += 1));
    void later.then(() => (answered += 1));
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(0);
    expect(s.stats()).toMatchObject({ requests: 2, credits: 0 });
    release();
    expect((await inFlight).status).toBe(200);
    expect((await later).status).toBe(200);
    expect(s.stats().credits).toBe(2);

    const s2 = await sim();
    s2.hold();
    const pending = call(s2, '/region-list/').then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await s2.close();
    expect(await pending).toBe('closed');
  });
});

describe('simulator: faults', () => {
  it('serves status faults on matching requests only, for as many times as asked', async () => {
    const s = await sim();
    s.inject({
      kind: 'status',
      status: 503,
      endpoint: '/challenge-info-name',
      match: { name: 'fyp' },
      times: 2,
    });
    expect((await call(s, '/challenge-info-name/', { name: 'viral' })).status).toBe(200);
    expect((await call(s, '/challenge-info-name/', { name: 'fyp' })).status).toBe(503);
    expect((await call(s, '/challenge-info-name/', { name: 'fyp' })).status).toBe(503);
    expect((await call(s, '/challenge-info-name/', { name: 'fyp' })).status).toBe(200);
    s.inject({ kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    s.inject({ kind: 'status', status: 429, retryAfter: '' });
    const a = await call(s, '/region-list/');
    expect([a.status, a.headers.get('retry-after')]).toEqual([429, 'Wed, 21 Oct 2026 07:28:00 GMT']);
    const b = await call(s, '/region-list/');
    expect([b.status, b.headers.get('retry-after')]).toEqual([429, null]);
    s.inject({ kind: 'status', status: 500, times: Infinity });
    expect((await call(s, '/region-list/')).status).toBe(500);
    expect((await call(s, '/region-list/')).status).toBe(500);
    s.clearFaults();
    expect((await call(s, '/region-list/')).status).toBe(200);
    expect(s.stats()).toMatchObject({ faultsServed: 6, rateLimited: 2, credits: 3 });
  });

  it('holds a timeout until the client gives up, or answers after delayMs', async () => {
    const s = await sim();
    s.inject({ kind: 'timeout' });
    await expect(call(s, '/region-list/', {}, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    s.inject({ kind: 'timeout', delayMs: 150 });
    const t0 = performance.now();
    const res = await call(s, '/region-list/');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(((await res.json()) as Wire).US).toBe('United States');
  });

  it('breaks bodies: malformed, truncated, dropped and an HTML error page', async () => {
    const s = await sim();
    s.inject({ kind: 'malformed' });
    const malformed = await call(s, '/region-list/');
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();

    s.inject({ kind: 'truncated', endpoint: '/challenge-info-name/' });
    const truncated = await call(s, '/challenge-info-name/', { name: 'fyp' });
    expect(truncated.status).toBe(200);
    await expect(truncated.text()).rejects.toThrow();

    const id = await challengeId(s, 'fyp');
    s.inject({ kind: 'drop' });
    await expect(
      call(s, '/challenge-posts/', { challenge_id: id, count: 30, cursor: '0' }).then((r) => r.text()),
    ).rejects.toThrow();

    s.inject({ kind: 'html' });
    const html = await call(s, '/region-list/');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<html>');

    expect((await call(s, '/region-list/')).status).toBe(200);
  });

  it('answers error and auth bodies with HTTP 200 when asked', async () => {
    const s = await sim();
    s.inject({ kind: 'error-200' });
    s.inject({ kind: 'auth-200' });
    expect(await json(s, '/region-list/')).toEqual({ status: 'error', message: 'Not found challenge' });
    expect(await json(s, '/region-list/')).toEqual({ message: 'Api-Key is not available' });
    expect(s.stats().credits).toBe(0);
    s.resetStats();
    expect(s.stats()).toMatchObject({ requests: 0, faultsServed: 0, apiKeysSeen: [] });
  });
});

describe('simulator: edge hashtags', () => {
  it('loops the cursor, serves empty pages with hasMore, and repeats posts across pages', async () => {
    const s = await sim();
    const loop = await challengeId(s, 'cursorloop');
    const p1 = await json(s, '/challenge-posts/', { challenge_id: loop, count: 30, cursor: '0' });
    expect([p1.cursor, p1.hasMore, p1.videos.length]).toEqual(['0', true, 30]);

    const empty = await challengeId(s, 'emptymore');
    const e1 = await json(s, '/challenge-posts/', { challenge_id: empty, count: 30, cursor: '0' });
    const e2 = await json(s, '/challenge-posts/', { challenge_id: empty, count: 30, cursor: e1.cursor });
    expect([e2.videos.length, e2.hasMore]).toEqual([0, true]);

    const dup = await challengeId(s, 'duppages');
    const d1 = await json(s, '/challenge-posts/', { challenge_id: dup, count: 30, cursor: '0' });
    const d2 = await json(s, '/challenge-posts/', { challenge_id: dup, count: 30, cursor: d1.cursor });
    const ids1 = new Set(d1.videos.map((v: { video_id: string }) => v.video_id));
    expect(d2.videos.filter((v: { video_id: string }) => ids1.has(v.video_id)).length).toBeGreaterThan(0);

    const broken = await challengeId(s, 'brokenfields');
    const b = await json(s, '/challenge-posts/', {
      challenge_id: broken,
      count: 30,
      cursor: '0',
      region: 'US',
    });
    expect(b.videos.some((v: Record<string, unknown>) => v.digg_count === null)).toBe(true);
    expect(b.videos.some((v: Record<string, unknown>) => v.author === undefined)).toBe(true);
  });
});

describe('simulator: lifecycle', () => {
  it('closes itself when idle, and close() after that still resolves', async () => {
    const s = await sim({ idleTimeoutMs: 150 });
    await json(s, '/region-list/');
    await new Promise((r) => setTimeout(r, 400));
    await expect(fetch(`${s.url}/region-list/`, { headers: { 'X-Api-Key': KEY } })).rejects.toThrow();
    await s.close();
  });

  it('closes open sockets, including a request it is holding', async () => {
    const s = await sim();
    s.inject({ kind: 'timeout' });
    const pending = call(s, '/region-list/');
    await new Promise((r) => setTimeout(r, 50));
    await s.close();
    await expect(pending).rejects.toThrow();
  });
});
