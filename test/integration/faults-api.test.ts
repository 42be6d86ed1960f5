// The fault suite, API side: the real job against the simulator serving each fault of the issue and of
// shared/reliability.md. Every case checks that the error names what and where, and that nothing is lost:
// the other hashtags are still ranked, and the cache holds every answer that was paid for.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { TagfitError } from '../../src/core/errors';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { runCli, tempDir } from '../support/cli';
import { KEY, NOW, NOW_MS, type FaultRun, memoryCache, ranking, runJob, tagId } from '../support/faults';

let sim: SimulatorHandle;
/** The clean run every fault run is compared with. */
let baseline: FaultRun;

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  baseline = await runJob(sim);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setOptions({ key: KEY, latencyMs: 0, requestsPerMinute: null, retryAfter: 'seconds' });
  sim.clearFaults();
  sim.resetStats();
});

const POSTS = '/challenge-posts/';
const INFO = '/challenge-info-name/';
/** Every posts request of #founderlife in the US. */
const founderUs = { endpoint: POSTS, match: { challenge_id: tagId('founderlife'), region: 'US' } };

/** A fault that lasts: the pair fails, names endpoint, hashtag and region, and nothing else is lost. */
function expectOnlyFounderUsFailed(run: FaultRun, code: string, what: RegExp): void {
  expect(run.result.failed).toHaveLength(1);
  const [f] = run.result.failed;
  expect(f).toMatchObject({ tag: 'founderlife', region: 'US', code });
  expect(f!.error).toContain('the posts of #founderlife in US');
  expect(f!.error).toMatch(what);
  expect(run.result.stopped).toBeUndefined();
  // The other region is untouched, the other hashtags of the US are still ranked.
  expect(ranking(run.result, 'GB')).toEqual(ranking(baseline.result, 'GB'));
  expect(Object.keys(ranking(run.result, 'US')).sort()).toEqual(['saasmarketing', 'smallbusinesscheck']);
}

/** A fault that passes within the retry budget: the result is the clean run's, only the retries differ. */
function expectRecovered(run: FaultRun): void {
  expect(run.result.failed).toEqual([]);
  expect(run.result.stopped).toBeUndefined();
  for (const region of ['US', 'GB'])
    expect(ranking(run.result, region)).toEqual(ranking(baseline.result, region));
  expect(run.result.credits.used).toBe(baseline.result.credits.used);
  expect(run.result.credits.retries).toBeGreaterThan(0);
}

describe('faults: authentication', () => {
  it.each([401, 403])(
    'HTTP %i: the run stops at once, says the key was refused, and keeps what it fetched',
    async (status) => {
      sim.inject({ kind: 'status', status, endpoint: POSTS, times: Infinity });
      const cache = memoryCache();
      const run = await runJob(sim, { cache });
      expect(run.result.stopped?.code).toBe('auth');
      expect(run.result.stopped?.message).toBe(
        'TikLiveAPI refused the API key (invalid key or empty balance)',
      );
      // Nothing is marked failed: the pairs are unscored, so the next run fetches exactly those.
      expect(run.result.failed).toEqual([]);
      expect(run.result.stopped?.unscored).toHaveLength(6);
      // The region list and the hashtag infos were paid for and are cached.
      expect(cache.map.size).toBe(run.result.credits.used);
      expect([...cache.map.keys()].filter((k) => k.includes(INFO))).toHaveLength(3);
      // One refusal is enough: no retries against a refused key.
      expect(run.result.credits.retries).toBe(0);
    },
  );

  it('the key deleted mid-run (auth body from then on): stop, keep the cache, the next run fetches only what is missing', async () => {
    const cache = memoryCache();
    let revoked = false;
    const first = await runJob(sim, {
      cache,
      concurrency: 1,
      onProgress: (p) => {
        if (p.type === 'scored' && !revoked) {
          revoked = true;
          sim.setOptions({ key: 'someone-else' }); // from now on the API answers "Api-Key is not available"
        }
      },
    });
    expect(first.result.stopped?.code).toBe('auth');
    expect(first.result.stopped?.message).toMatch(/refused the API key/);
    expect(first.result.stopped!.unscored.length).toBeGreaterThan(0);
    const kept = cache.map.size;
    expect(kept).toBe(first.result.credits.used);
    expect(kept).toBeGreaterThan(1);

    sim.setOptions({ key: KEY });
    const second = await runJob(sim, { cache });
    expect(second.result.stopped).toBeUndefined();
    expect(second.result.credits.fromCache).toBe(kept);
    expect(second.result.credits.used).toBe(baseline.result.credits.used - kept);
    for (const region of ['US', 'GB'])
      expect(ranking(second.result, region)).toEqual(ranking(baseline.result, region));
  });

  it('the key deleted mid-run, spawned CLI: exit 1, the key refused, the workspace cache feeds the next run', async () => {
    const ws = await tempDir({
      'tagfit.json': '{ "version": 1, "preset": "seed", "pages": 2, "pageSize": 10 }\n',
      'tags.csv': 'tag\nfounderlife\nsmallbusinesscheck\nsaasmarketing\n',
      'creators.csv': 'unique_id\nacme_designs\n',
      'regions.csv': 'code\nUS\nGB\n',
    });
    try {
      const args = ['score', '--workspace', ws.dir, '--api-base', sim.url, '--now', NOW];
      const opts = ['--rpm', '100000', '--concurrency', '1', '--json', '--quiet'];
      sim.setOptions({ latencyMs: 20 });
      const running = runCli([...args, ...opts], { env: { TIKLIVE_KEY: KEY } });
      while (sim.stats().credits < 5) await new Promise((r) => setTimeout(r, 5));
      sim.setOptions({ key: 'rotated-key' });
      const first = await running;
      expect(first.code, first.stderr).toBe(1);
      expect(first.stderr).toMatch(/tagfit: TikLiveAPI refused the API key/);
      const doc1 = JSON.parse(first.stdout) as { stopped: { code: string; unscored: unknown[] } };
      expect(doc1.stopped.code).toBe('auth');
      expect(doc1.stopped.unscored.length).toBeGreaterThan(0);
      const paid = sim.stats().credits;

      sim.setOptions({ key: KEY, latencyMs: 0 });
      sim.resetStats();
      const second = await runCli([...args, ...opts], { env: { TIKLIVE_KEY: KEY } });
      expect(second.code, second.stderr).toBe(0);
      const doc2 = JSON.parse(second.stdout) as { credits: { fromCache: number } };
      expect(doc2.credits.fromCache).toBe(paid);
      expect(sim.stats().credits + paid).toBe(baseline.result.credits.used);
      expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(KEY);
    } finally {
      await ws.dispose();
    }
  });
});

describe('faults: missing hashtags', () => {
  it('a hashtag TikLiveAPI does not have (status: error) is excluded as not found; the others are ranked', async () => {
    const run = await runJob(sim, { candidates: ['founderlife', 'notarealtag2026', 'saasmarketing'] });
    for (const region of ['US', 'GB']) {
      const excluded = run.result.regions[region]!.excluded;
      expect(excluded).toEqual([
        expect.objectContaining({
          tag: 'notarealtag2026',
          kind: 'not-found',
          reason: expect.stringMatching(/#notarealtag2026 was not found/),
        }),
      ]);
      expect(Object.keys(ranking(run.result, region)).sort()).toEqual(['founderlife', 'saasmarketing']);
    }
    expect(run.result.failed).toEqual([]);
  });

  it('HTTP 404 on one hashtag info is a not-found exclusion, not a failed run', async () => {
    sim.inject({ kind: 'status', status: 404, endpoint: INFO, match: { name: 'saasmarketing' } });
    const run = await runJob(sim);
    expect(run.result.regions.US!.excluded.map((e) => [e.tag, e.kind])).toEqual([
      ['saasmarketing', 'not-found'],
    ]);
    expect(Object.keys(ranking(run.result, 'US')).sort()).toEqual(['founderlife', 'smallbusinesscheck']);
    expect(run.result.failed).toEqual([]);
  });
});

describe('faults: rate limits', () => {
  it.each([
    ['in seconds', '1'],
    ['as an HTTP date', new Date(Date.now() + 2_000).toUTCString()],
  ])(
    'a 429 storm with Retry-After %s, shorter than the retry budget: waited out, nothing lost',
    async (_, header) => {
      sim.inject({ kind: 'status', status: 429, retryAfter: header, ...founderUs, times: 3 });
      const run = await runJob(sim);
      expectRecovered(run);
      expect(run.result.credits.rateLimited).toBe(3);
    },
  );

  it('a 429 storm without Retry-After, shorter than the retry budget: backed off, nothing lost', async () => {
    sim.inject({ kind: 'status', status: 429, retryAfter: '', ...founderUs, times: 3 });
    const run = await runJob(sim);
    expectRecovered(run);
    expect(run.result.credits.rateLimited).toBe(3);
  });

  it('a 429 storm longer than the retry budget: the pair fails as rate-limited, naming where', async () => {
    sim.inject({ kind: 'status', status: 429, retryAfter: '', ...founderUs, times: Infinity });
    const run = await runJob(sim);
    expectOnlyFounderUsFailed(
      run,
      'rate-limited',
      /still rate limited \(HTTP 429\) \(gave up after 5 attempts\)/,
    );
  });
});

describe('faults: server errors and broken transport', () => {
  it.each([500, 502, 503])(
    'an HTTP %i burst is retried and the run ends as if nothing happened',
    async (status) => {
      sim.inject({ kind: 'status', status, endpoint: POSTS, times: 3 });
      expectRecovered(await runJob(sim));
    },
  );

  it('5xx beyond the retry budget on a hashtag info: that hashtag fails in every region, naming status and endpoint', async () => {
    sim.inject({
      kind: 'status',
      status: 503,
      endpoint: INFO,
      match: { name: 'founderlife' },
      times: Infinity,
    });
    const run = await runJob(sim);
    expect(run.result.failed.map((f) => [f.tag, f.region, f.code])).toEqual([
      ['founderlife', 'US', 'network'],
      ['founderlife', 'GB', 'network'],
    ]);
    expect(run.result.failed[0]!.error).toBe(
      'the hashtag info of #founderlife: TikLiveAPI answered HTTP 503 (gave up after 5 attempts)',
    );
    for (const region of ['US', 'GB'])
      expect(Object.keys(ranking(run.result, region)).sort()).toEqual([
        'saasmarketing',
        'smallbusinesscheck',
      ]);
  });

  it('a time-out once is retried; one that lasts fails the pair as timeout, naming the wait', async () => {
    sim.inject({ kind: 'timeout', ...founderUs, times: 1 });
    expectRecovered(await runJob(sim, { timeoutMs: 300 }));

    sim.inject({ kind: 'timeout', ...founderUs, times: Infinity });
    const run = await runJob(sim, { timeoutMs: 300, retry: { retries: 1, backoffMs: { min: 1, max: 2 } } });
    expectOnlyFounderUsFailed(run, 'timeout', /no answer within 300 ms \(gave up after 2 attempts\)/);
  });

  it('the connection dropped mid-body: retried; dropped every time, the pair fails as a network error', async () => {
    sim.inject({ kind: 'drop', ...founderUs, times: 2 });
    expectRecovered(await runJob(sim));

    sim.inject({ kind: 'drop', ...founderUs, times: Infinity });
    const run = await runJob(sim);
    expectOnlyFounderUsFailed(run, 'network', /the connection broke while the answer was coming/);
  });

  it('truncated JSON is retried; malformed JSON that keeps coming fails the pair as invalid-response', async () => {
    sim.inject({ kind: 'truncated', ...founderUs, times: 2 });
    expectRecovered(await runJob(sim));

    sim.resetStats();
    sim.inject({ kind: 'malformed', ...founderUs, times: Infinity });
    const run = await runJob(sim);
    expectOnlyFounderUsFailed(run, 'invalid-response', /malformed or truncated JSON/);
    // A malformed body is retried a bounded number of times, not the whole budget.
    expect(sim.stats().faultsServed).toBe(3);
  });

  it('an HTML error page: a 502 page is retried; an HTML page with HTTP 200 fails the pair naming it', async () => {
    sim.inject({ kind: 'html', status: 502, ...founderUs, times: 2 });
    expectRecovered(await runJob(sim));

    sim.inject({ kind: 'html', status: 200, ...founderUs, times: Infinity });
    const run = await runJob(sim);
    expectOnlyFounderUsFailed(run, 'invalid-response', /an HTML page instead of JSON/);
  });
});

describe('faults: odd answers', () => {
  /** Warnings about one hashtag's posts in the US. */
  const about = (run: FaultRun, tag: string): string[] =>
    run.warnings.filter((w) => w.startsWith(`the posts of #${tag} in US`));

  it('fields missing, null, strings for numbers, negative: defaulted, each reported once with its field; the tag is ranked', async () => {
    const run = await runJob(sim, {
      candidates: ['founderlife', 'brokenfields'],
      regions: ['US'],
      pages: 1,
      pageSize: 30,
    });
    const w = about(run, 'brokenfields').join('\n');
    expect(w).toMatch(
      /field digg_count was missing, used 0 in 3 of 30 videos; null, used 0 in 3 of 30 videos; a string, coerced to a number in 3 of 30 videos; negative, used 0 in 3 of 30 videos/,
    );
    expect(w).toMatch(/field comment_count was negative, used 0/);
    expect(w).toMatch(/field play_count was a string, coerced to a number/);
    const t = run.result.regions.US!.ranked.find((r) => r.candidate === 'brokenfields')!;
    expect(t.sample).toBe(30);
    expect(Number.isFinite(t.density)).toBe(true);
    expect(run.result.failed).toEqual([]);
  });

  it('create_time in milliseconds is converted and one in the future is reported and counted as now', async () => {
    const run = await runJob(sim, {
      candidates: ['founderlife', 'brokenfields'],
      regions: ['US'],
      pages: 1,
      pageSize: 30,
    });
    const w = about(run, 'brokenfields').join('\n');
    expect(w).toMatch(/field create_time was in milliseconds, converted to seconds in 3 of 30 videos/);
    expect(run.warnings.join('\n')).toMatch(
      /#brokenfields in US: 3 of 30 posts have a create_time in the future .*counted as created now/,
    );
    const t = run.result.regions.US!.ranked.find((r) => r.candidate === 'brokenfields')!;
    expect(t.newestPostAt).toBeLessThanOrEqual(NOW_MS / 1000);
    // Converted, the millisecond posts fall inside the window like their neighbours: velocity stays a share.
    expect(t.velocity).toBeGreaterThan(0);
    expect(t.velocity).toBeLessThanOrEqual(1);
  });

  it('author missing (or without unique_id): reported, and the post counts for no author', async () => {
    const run = await runJob(sim, {
      candidates: ['founderlife', 'brokenfields'],
      regions: ['US'],
      pages: 1,
      pageSize: 30,
    });
    const w = about(run, 'brokenfields').join('\n');
    expect(w).toMatch(/field author was missing, used authorId '' in 3 of 30 videos/);
    expect(w).toMatch(/field author.unique_id was missing, used '' in 3 of 30 videos/);
    const t = run.result.regions.US!.ranked.find((r) => r.candidate === 'brokenfields')!;
    expect(t.distinctAuthors).toBeLessThanOrEqual(24);
    expect(t.distinctAuthors).toBeGreaterThan(0);
  });

  it('hasMore true with an empty page: the sample stops there, said with hashtag and region', async () => {
    const run = await runJob(sim, {
      candidates: ['founderlife', 'emptymore'],
      regions: ['US'],
      pages: 3,
      pageSize: 30,
    });
    expect(run.warnings).toContain(
      '#emptymore in US: the API said there were more posts but sent an empty page; sample stops at 30.',
    );
    expect(run.result.regions.US!.ranked.find((r) => r.candidate === 'emptymore')?.sample).toBe(30);
    expect(run.result.regions.US!.ranked.find((r) => r.candidate === 'founderlife')?.sample).toBe(90);
  });

  it('a cursor that never advances: no endless loop, no page counted twice, said with the cursor', async () => {
    const run = await runJob(sim, {
      candidates: ['founderlife', 'cursorloop'],
      regions: ['US'],
      pages: 3,
      pageSize: 30,
    });
    expect(run.warnings).toContain(
      "#cursorloop in US: the API's cursor did not advance (0); sample stops at 30.",
    );
    expect(run.result.regions.US!.ranked.find((r) => r.candidate === 'cursorloop')?.sample).toBe(30);
    expect(run.result.credits.byEndpoint[POSTS]).toBe(4);
  });

  it('the same post on two pages: organic counts it once (and says how many were served), seed keeps it as served', async () => {
    // In full: adaptive sampling would stop #duppages after its first page, before any post repeats.
    const organic = await runJob(sim, {
      candidates: ['founderlife', 'duppages'],
      regions: ['US'],
      settings: resolveSettings('organic', { pages: 3, pageSize: 30, sampling: 'full' }),
    });
    const o = organic.result.regions.US!.ranked.find((r) => r.candidate === 'duppages')!;
    expect([o.served, o.sample]).toEqual([90, 70]);
    const seed = await runJob(sim, {
      candidates: ['founderlife', 'duppages'],
      regions: ['US'],
      pages: 3,
      pageSize: 30,
    });
    const s = seed.result.regions.US!.ranked.find((r) => r.candidate === 'duppages')!;
    expect([s.served, s.sample]).toEqual([90, 90]);
  });
});

describe('faults: regions', () => {
  it('a region the region list lacks is refused before any hashtag is fetched, naming it', async () => {
    const e = await runJob(sim, { regions: ['US', 'XX'] }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TagfitError);
    expect((e as TagfitError).code).toBe('input');
    expect((e as TagfitError).message).toMatch(
      /^Region XX not in TikLiveAPI's region list \(26 regions, e\.g\. US, GB/,
    );
    expect(sim.stats().byEndpoint).toEqual({ '/region-list/': 1 });
  });

  it('an empty region list: said, the regions go unchecked, and the run still ranks every region', async () => {
    // A front that answers the region list with {} and passes everything else on to the simulator.
    const front = createServer((req, res) => {
      if (req.url?.startsWith('/region-list/')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        return;
      }
      void fetch(`${sim.url}${req.url}`, { headers: { 'X-Api-Key': String(req.headers['x-api-key']) } }).then(
        async (r) => res.writeHead(r.status, { 'Content-Type': 'application/json' }).end(await r.text()),
      );
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const empty = { url: `http://127.0.0.1:${(front.address() as AddressInfo).port}` } as SimulatorHandle;
    try {
      const run = await runJob(empty);
      expect(run.warnings).toContain(
        "TikLiveAPI's region list came back empty; the regions were not checked.",
      );
      for (const region of ['US', 'GB'])
        expect(ranking(run.result, region)).toEqual(ranking(baseline.result, region));
    } finally {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    }
  });
});
