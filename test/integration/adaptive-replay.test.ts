// Adaptive sampling on a workspace's cache: a run cancelled midway, the run that finishes it, then a re-score an hour
// later is wholly answered by the cache (offline: no pair fails; online: no credit), and the estimate's least,
// expected and worst case agree with each other and, after a complete run, with what a re-run spends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { DEFAULT_API_BASE } from '../../src/core/job/api-session';
import { estimateCredits } from '../../src/core/job/estimate';
import { namespacedCache, sourceNamespace } from '../../src/core/job/namespaced-cache';
import { describeEstimate } from '../../src/core/job/prepare-score';
import type { ScoreJobOptions } from '../../src/core/job/score-job';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import type { RunResult, ScoringSettings } from '../../src/shared/model';
import { KEY, type MemoryCache, memoryCache, NOW_MS, runJob } from '../support/faults';

const HOUR = 3_600_000;
/** The tester's list: a commercial tag, a mega tag, a limited one, and tags near the top-10 boundary. */
const TAGS = [
  'smallbusinesscheck',
  'founderlife',
  'saasmarketing',
  'buildinpublic',
  'aitools',
  'designtok',
  'uxdesign',
  'brandingtips',
  'desksetup',
  'productivityhacks',
  'sidehustle',
  'marketingtips',
  'startuplife',
  'contentcreatortips',
  'slowproductivity',
  'hustleculture',
  'fyp',
  'zestcolachallenge',
  'quickweightloss',
  'mannequinchallenge',
  'handmadejewelry',
  'womeninbusiness',
  'deinfluencing',
];
const CREATORS = [
  'acme_designs',
  'studio_north',
  'indiehackerlife',
  'the.saas.sister',
  'pixelandpine',
  'growthwithgrace',
  'brandbymarco',
  'foundernotes.daily',
  'makerlena',
  'craftandclay.co',
  'deskvibes',
  'nomad_marketer',
];
const REGIONS = ['US', 'GB', 'DE', 'BR'];
const ORGANIC = resolveSettings('organic');
/** The cancelled run, the run that finishes it 7 minutes later, and the re-score an hour after that. */
const CANCELLED = NOW_MS + HOUR;
const FINISHED = CANCELLED + 7 * 60_000;
const RESCORED = FINISHED + HOUR;

let sim: SimulatorHandle;
beforeAll(async () => {
  // The simulator's own clock stays put: every run sees the same posts, only the runs' clocks move.
  sim = await startSimulator({ key: KEY, now: NOW_MS });
});
afterAll(() => sim.close());

function run(cache: MemoryCache, now: number, over: Partial<ScoreJobOptions> = {}) {
  return runJob(sim, {
    candidates: TAGS,
    targets: CREATORS,
    regions: REGIONS,
    settings: ORGANIC,
    now: new Date(now),
    clockIsFixed: true,
    cache,
    concurrency: 8,
    scoring: 'in-process',
    ...over,
  });
}

function estimate(cache: MemoryCache, now: number, settings: ScoringSettings = ORGANIC) {
  return estimateCredits({
    // The run keeps each API's answers apart (api-session.ts); the estimate reads the simulator's, as the CLI's does.
    cache: namespacedCache(cache, sourceNamespace(false, sim.url, DEFAULT_API_BASE)),
    maxAgeMs: 24 * HOUR,
    infoMaxAgeMs: 168 * HOUR,
    now,
    clockIsFixed: true,
    candidates: TAGS,
    targets: CREATORS,
    regions: REGIONS,
    settings,
  });
}

/** Per region, each ranked tag's sample: which pages the run read. */
const samples = (r: RunResult) =>
  Object.fromEntries(
    Object.entries(r.regions).map(([code, x]) => [
      code,
      Object.fromEntries(x.ranked.map((t) => [t.candidate, t.sample])),
    ]),
  );

/** A cache as a cancelled run left it (cancelled once 30 pages were in), then finished by a second run. */
async function cancelledThenFinished(): Promise<{ cache: MemoryCache; finished: RunResult }> {
  const cache = memoryCache();
  const controller = new AbortController();
  let pages = 0;
  const cut = await run(cache, CANCELLED, {
    signal: controller.signal,
    onProgress: (p) => {
      if (p.type === 'sampled' && ++pages === 30) controller.abort();
    },
  });
  expect(cut.result.stopped?.code).toBe('cancelled');
  const { result: finished } = await run(cache, FINISHED);
  expect(finished.stopped).toBeUndefined();
  expect(finished.failed).toEqual([]);
  // Some pairs stopped early: a re-run deciding otherwise would ask for pages no run fetched.
  expect(Object.values(finished.regions).some((r) => r.ranked.some((t) => t.stoppedEarly))).toBe(true);
  return { cache, finished };
}

describe('a re-score after an adaptive run that was cancelled once and finished', () => {
  it('offline an hour later (or up to a day): no pair fails, no credit, the same pages read; online: no credit', async () => {
    const { cache, finished } = await cancelledThenFinished();

    // Posts cross the velocity window's edge as the clock moves; the pages read must not move with them.
    for (const at of [RESCORED, FINISHED + 6 * HOUR, FINISHED + 20 * HOUR]) {
      const offline = await run(cache, at, { offline: true });
      expect(offline.result.failed).toEqual([]);
      expect(offline.result.credits.used).toBe(0);
      expect(samples(offline.result)).toEqual(samples(finished));
    }

    sim.resetStats();
    const online = await run(cache, RESCORED);
    expect(online.result.credits.used).toBe(0);
    expect(sim.stats().credits).toBe(0);
    expect(samples(online.result)).toEqual(samples(finished));
  });
});

describe('the estimate on a warm cache', () => {
  it('least ≤ expected ≤ worst case before and after the finishing run; after it, all three are what a re-run spends', async () => {
    const cache = memoryCache();
    const controller = new AbortController();
    let pages = 0;
    await run(cache, CANCELLED, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.type === 'sampled' && ++pages === 30) controller.abort();
      },
    });

    // Half fetched: the finishing run spends within the range, and the expected lies inside it.
    const before = await estimate(cache, FINISHED);
    expect(before.network.min).toBeGreaterThan(0);
    expect(before.network.min).toBeLessThanOrEqual(before.expected);
    expect(before.expected).toBeLessThanOrEqual(before.network.max);
    const { result: finished } = await run(cache, FINISHED);
    expect(finished.credits.used).toBeGreaterThanOrEqual(before.network.min);
    expect(finished.credits.used).toBeLessThanOrEqual(before.network.max);

    // Complete: the re-run an hour later spends nothing, and the estimate says so with all three.
    const after = await estimate(cache, RESCORED);
    expect(after.network).toEqual({ min: 0, max: 0 });
    expect(after.expected).toBe(0);
    expect(describeEstimate(after)).toBe(
      `estimate: ${after.fromCache} answers from the cache, 0 credits to spend (reference method: ${after.reference})`,
    );
    const { result: rerun } = await run(cache, RESCORED);
    expect(rerun.credits.used).toBe(0);

    // Other weights decide otherwise on the same pages: only later pages can be missing, none is sure to be asked.
    const reweighed = resolveSettings('organic', {
      weights: { velocity: 0.7, density: 0.1, overlap: 0.15, adPenalty: 0.05 },
    });
    const other = await estimate(cache, RESCORED, reweighed);
    expect(other.network.min).toBe(0);
    expect(other.network.min).toBeLessThanOrEqual(other.expected);
    expect(other.expected).toBeLessThanOrEqual(other.network.max);
    const { result: reweighedRun } = await run(cache, RESCORED, { settings: reweighed });
    expect(reweighedRun.credits.used).toBeLessThanOrEqual(other.network.max);
    expect(reweighedRun.credits.used).toBeGreaterThan(0);
  });
});
