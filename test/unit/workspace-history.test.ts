// Run history: record, list and load runs; momentum over three weekly runs; comparing two runs.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult, ScoredTag, ScoringSettings } from '../../src/shared/model';
import { TagfitError } from '../../src/core/errors';
import { compareRuns, computeMomentum, growthPerWeek } from '../../src/core/engine/momentum';
import { listRuns, loadRun, recordRun, runIdBase } from '../../src/core/workspace/history';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tagfit-history-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const SETTINGS: ScoringSettings = {
  preset: 'seed',
  weights: { velocity: 0.35, density: 0.3, overlap: 0.3, adPenalty: 0.05 },
  windowDays: 14,
  pages: 3,
  pageSize: 30,
  keepCommercial: false,
  density: 'mean',
  dedupePosts: false,
  minStableSample: 0,
  sampling: 'full',
};

type Row = Pick<ScoredTag, 'tag' | 'rank' | 'score' | 'velocity' | 'userCount' | 'viewCount'>;

function tag(r: Row): ScoredTag {
  return {
    candidate: r.tag,
    density: 100,
    overlap: 0.1,
    normalised: { velocity: 0.5, density: 0.5, overlap: 0.5 },
    sample: 90,
    served: 90,
    distinctAuthors: 80,
    targetAuthors: 2,
    medianLikes: 50,
    meanLikes: 100,
    newestPostAt: 0,
    isCommerce: false,
    flags: [],
    ...r,
  };
}

function run(now: string, regions: Record<string, Row[]>, creditsUsed = 10): RunResult {
  return {
    now,
    preset: 'seed',
    settings: SETTINGS,
    regions: Object.fromEntries(
      Object.entries(regions).map(([code, rows]) => [
        code,
        { region: code, ranked: rows.map(tag), excluded: [] },
      ]),
    ),
    credits: {
      used: creditsUsed,
      byEndpoint: {},
      calls: creditsUsed,
      retries: 0,
      rateLimited: 0,
      fromCache: 0,
      saved: { byCache: 0, byInfoOnce: 0 },
    },
    failed: [],
  };
}

// Three weekly-ish runs, figures chosen so the growth can be worked by hand.
const RUN1 = run('2026-11-06T10:00:00.000Z', {
  US: [
    { tag: 'booktok', rank: 1, score: 80, velocity: 0.4, userCount: 1000, viewCount: 1_000_000 },
    { tag: 'cozygames', rank: 2, score: 60, velocity: 0.6, userCount: 5000, viewCount: 2_000_000 },
    { tag: 'oldtag', rank: 3, score: 10, velocity: 0.1, userCount: 10, viewCount: 100 },
  ],
});
// +7 days: booktok 1000→1400 users (+40 %/week), 1.0M→1.1M views (+10 %/week), velocity 0.4→0.55 crosses 0.5.
const RUN2 = run('2026-11-13T10:00:00.000Z', {
  US: [
    { tag: 'cozygames', rank: 1, score: 75, velocity: 0.7, userCount: 5000, viewCount: 2_000_000 },
    { tag: 'booktok', rank: 2, score: 70, velocity: 0.55, userCount: 1400, viewCount: 1_100_000 },
    { tag: 'newtag', rank: 3, score: 40, velocity: 0.45, userCount: 100, viewCount: 1000 },
  ],
});
// +14 days: booktok 1400→2016 users = ×1.44 in two weeks = +20 %/week; views ×1.21 = +10 %/week.
// cozygames 5000→4050 = ×0.81 in two weeks = −10 %/week. newtag velocity 0.45→0.5 crosses (≤ counts).
const RUN3 = run('2026-11-27T10:00:00.000Z', {
  US: [
    { tag: 'booktok', rank: 1, score: 90, velocity: 0.6, userCount: 2016, viewCount: 1_331_000 },
    { tag: 'NewTag', rank: 2, score: 55.5, velocity: 0.5, userCount: 100, viewCount: 1000 },
    { tag: 'cozygames', rank: 3, score: 50, velocity: 0.65, userCount: 4050, viewCount: 2_000_000 },
  ],
  FR: [{ tag: 'booktok', rank: 1, score: 50, velocity: 0.3, userCount: 2016, viewCount: 1_331_000 }],
});

// The same list asked each time (momentum compares comparable runs only): a tag missing from a run's ranking failed.
const failedIn = (r: RunResult, tag: string): void =>
  void r.failed.push({ tag, region: 'US', error: 'timed out', code: 'network' });
failedIn(RUN1, 'newtag');
failedIn(RUN2, 'oldtag');
failedIn(RUN3, 'oldtag');

const byTag = (r: RunResult, region: string, t: string): ScoredTag =>
  r.regions[region]!.ranked.find((x) => x.tag.toLowerCase() === t)!;

describe('recordRun / listRuns / loadRun', () => {
  it('records one file per run, named from its clock and device, and lists them oldest first', async () => {
    const device = { id: 'anna-laptop', name: 'Anna laptop' };
    const b = await recordRun(dataDir, RUN2, { device });
    const a = await recordRun(dataDir, RUN1, { device });
    expect(a.id).toBe('2026-11-06T10-00-00Z--anna-laptop');
    expect(a.path).toBe(path.join(dataDir, 'history', '2026-11-06T10-00-00Z--anna-laptop.json'));
    const again = await recordRun(dataDir, RUN1, { device });
    expect(again.id).toBe('2026-11-06T10-00-00Z-2--anna-laptop');
    // Another computer's run at the same second has a name of its own; a run from before devices still reads.
    const other = await recordRun(dataDir, RUN1, { device: { id: 'ben-laptop', name: 'Ben' } });
    expect(other.id).toBe('2026-11-06T10-00-00Z--ben-laptop');
    const old = JSON.parse(await readFile(a.path, 'utf8'));
    delete old.device;
    await writeFile(
      path.join(dataDir, 'history', '2026-11-06T09-00-00Z.json'),
      JSON.stringify({ ...old, id: '2026-11-06T09-00-00Z', now: '2026-11-06T09:00:00.000Z' }),
    );
    const runs = await listRuns(dataDir);
    expect(runs.map((r) => r.id)).toEqual(['2026-11-06T09-00-00Z', a.id, other.id, again.id, b.id]);
    expect(runs.map((r) => r.device)).toEqual([
      undefined,
      'Anna laptop',
      'Ben',
      'Anna laptop',
      'Anna laptop',
    ]);
    expect((await loadRun(dataDir, '2026-11-06T09-00-00Z')).id).toBe('2026-11-06T09-00-00Z');
    expect((await loadRun(dataDir, other.id)).device).toEqual({ id: 'ben-laptop', name: 'Ben' });
    expect(runs[4]).toMatchObject({
      now: RUN2.now,
      preset: 'seed',
      regions: ['US'],
      tags: 3,
      creditsUsed: 10,
      stopped: false,
    });
  });

  it('stores every tag and region with counts, raw metrics, sample, score and rank', async () => {
    const { id, path: file } = await recordRun(dataDir, RUN3);
    const stored = await loadRun(dataDir, id);
    expect(stored.now).toBe(RUN3.now);
    expect(stored.settings).toEqual(SETTINGS);
    expect(stored.regions.US!.ranked[0]).toEqual({
      tag: 'booktok',
      candidate: 'booktok',
      rank: 1,
      score: 90,
      velocity: 0.6,
      density: 100,
      overlap: 0.1,
      sample: 90,
      userCount: 2016,
      viewCount: 1_331_000,
      isCommerce: false,
      flags: [],
    });
    expect(stored.regions.FR!.ranked).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toMatch(/^\{\n {2}"format": "tagfit-run",\n {2}"version": 1,/);
  });

  it('keeps each row’s confidence, an interval too few posts could not give included', async () => {
    const r = run('2026-12-04T10:00:00.000Z', {
      US: [
        { tag: 'booktok', rank: 1, score: 90, velocity: 0.6, userCount: 2016, viewCount: 1_331_000 },
        { tag: 'tiny', rank: 2, score: 20, velocity: 0.1, userCount: 5, viewCount: 50 },
      ],
    });
    const [a, b] = r.regions.US!.ranked;
    a!.confidence = { low: 84.5, high: 93.25, rankLow: 1, rankHigh: 2, label: 'confident' };
    b!.confidence = {
      low: null,
      high: null,
      rankLow: 1,
      rankHigh: 2,
      label: 'uncertain',
      reason: 'only 3 posts',
    } as unknown as ScoredTag['confidence'];
    const { id } = await recordRun(dataDir, r);
    const stored = await loadRun(dataDir, id);
    expect(stored.regions.US!.ranked.map((t) => t.confidence)).toEqual([a!.confidence, b!.confidence]);
    // a row without one, as in the records written before it was kept, loads without one
    expect(
      (await loadRun(dataDir, (await recordRun(dataDir, RUN1)).id)).regions.US!.ranked[0]!.confidence,
    ).toBeUndefined();
  });

  it('reports damaged and newer files by path and skips them', async () => {
    await recordRun(dataDir, RUN1);
    const dir = path.join(dataDir, 'history');
    await writeFile(path.join(dir, '2026-11-10T00-00-00Z.json'), '{"format":"tagfit-run","version":1,');
    await writeFile(path.join(dir, '2026-11-11T00-00-00Z.json'), '{"format":"tagfit-run","version":7}');
    const warnings: string[] = [];
    const runs = await listRuns(dataDir, (m) => warnings.push(m));
    expect(runs).toHaveLength(1);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(path.join(dir, '2026-11-10T00-00-00Z.json'));
    expect(warnings[1]).toContain('newer Tagfit');
    await expect(loadRun(dataDir, '2026-11-10T00-00-00Z')).rejects.toMatchObject({ code: 'storage' });
    await expect(loadRun(dataDir, '../../etc/passwd')).rejects.toMatchObject({ code: 'input' });
    await expect(loadRun(dataDir, '2020-01-01T00-00-00Z')).rejects.toBeInstanceOf(TagfitError);
    expect(await readdir(dir)).toHaveLength(3);
  });

  it('lists nothing for a workspace without history', async () => {
    expect(await listRuns(path.join(dataDir, 'missing'))).toEqual([]);
  });

  it('makes file-safe ids', () => {
    expect(runIdBase('2026-11-20T10:00:00.123Z')).toBe('2026-11-20T10-00-00Z');
    expect(() => runIdBase('yesterday')).toThrow(TagfitError);
  });
});

describe('computeMomentum', () => {
  it('works across three weekly runs, growth normalised by the real time between runs', async () => {
    await recordRun(dataDir, RUN1);
    const r2 = computeMomentum(RUN2, await loadRun(dataDir, (await listRuns(dataDir))[0]!.id), 0.5);
    await recordRun(dataDir, r2);
    const runs = await listRuns(dataDir);
    const r3 = computeMomentum(RUN3, await loadRun(dataDir, runs[runs.length - 1]!.id), 0.5);

    const b2 = byTag(r2, 'US', 'booktok').history!;
    expect(b2.previousRunAt).toBe(RUN1.now);
    expect(b2.userCountGrowthPerWeek).toBeCloseTo(0.4, 10);
    // 1.0M → 1.1M is one step of the API's rounding ("1.1M"): it may be a change of a single view, so unknown.
    expect(b2.viewCountGrowthPerWeek).toBeNull();
    expect(b2.scoreChange).toBe(-10);
    expect(b2.rankChange).toBe(-1);
    expect(b2.previousVelocity).toBe(0.4);
    expect(b2.crossedVelocityThreshold).toBe(true);
    // 5000 → 5000 may be "5.0K" both times: within the rounding step, so unknown rather than 0 %.
    expect(byTag(r2, 'US', 'cozygames').history).toMatchObject({
      userCountGrowthPerWeek: null,
      rankChange: 1,
      scoreChange: 15,
      crossedVelocityThreshold: false,
    });
    expect(byTag(r2, 'US', 'newtag').history).toMatchObject({
      userCountGrowthPerWeek: null,
      scoreChange: null,
      rankChange: null,
      previousVelocity: null,
      crossedVelocityThreshold: false,
    });

    const b3 = byTag(r3, 'US', 'booktok').history!;
    expect(b3.previousRunAt).toBe(RUN2.now);
    expect(b3.userCountGrowthPerWeek).toBeCloseTo(0.2, 10);
    expect(b3.viewCountGrowthPerWeek).toBeCloseTo(0.1, 10);
    expect(b3.rankChange).toBe(1);
    expect(b3.scoreChange).toBe(20);
    expect(b3.crossedVelocityThreshold).toBe(false); // was already above
    expect(byTag(r3, 'US', 'cozygames').history!.userCountGrowthPerWeek).toBeCloseTo(-0.1, 10);
    expect(byTag(r3, 'US', 'cozygames').history!.rankChange).toBe(-2);
    // Matched by name whatever the case; 0.45 → 0.5 crosses a 0.5 threshold.
    expect(byTag(r3, 'US', 'newtag').history).toMatchObject({
      rankChange: 1,
      scoreChange: 15.5,
      previousVelocity: 0.45,
      crossedVelocityThreshold: true,
    });
    // FR was not in the previous run: no history there.
    expect(byTag(r3, 'FR', 'booktok').history).toBeUndefined();
    // The input is not changed.
    expect(byTag(RUN3, 'US', 'booktok').history).toBeUndefined();
  });

  it('leaves a first run as it is and guards meaningless growth', () => {
    expect(computeMomentum(RUN1, undefined, 0.5)).toBe(RUN1);
    expect(growthPerWeek(10, 0, 7 * 86_400_000)).toBeNull();
    expect(growthPerWeek(10, 5, 60_000)).toBeNull();
    expect(growthPerWeek(200, 100, 14 * 86_400_000)).toBeCloseTo(Math.SQRT2 - 1, 12);
  });
});

describe('compareRuns', () => {
  it('gives per region the tags in both with changes, and the new and gone ones', async () => {
    const { id } = await recordRun(dataDir, RUN1);
    const stored = await loadRun(dataDir, id);
    const c = compareRuns(stored, RUN3);
    expect(c.days).toBe(21);
    expect(c.before.id).toBe(id);
    const us = c.regions.US!;
    expect(us.rows.map((r) => [r.tag, r.status])).toEqual([
      ['booktok', 'both'],
      ['NewTag', 'new'],
      ['cozygames', 'both'],
      ['oldtag', 'gone'],
    ]);
    expect(us.newTags).toEqual(['NewTag']);
    expect(us.goneTags).toEqual(['oldtag']);
    const booktok = us.rows[0]!;
    expect(booktok.before).toMatchObject({ rank: 1, score: 80 });
    expect(booktok.after).toMatchObject({ rank: 1, score: 90 });
    expect(booktok.scoreChange).toBe(10);
    expect(booktok.rankChange).toBe(0);
    expect(booktok.velocityChange).toBeCloseTo(0.2, 12);
    // 1000 → 2016 in three weeks: 2.016^(1/3) − 1 per week.
    expect(booktok.userCountGrowthPerWeek).toBeCloseTo(Math.cbrt(2.016) - 1, 12);
    expect(us.rows[2]).toMatchObject({ rankChange: -1, scoreChange: -10 });
    expect(us.rows[3]).toMatchObject({ after: null, scoreChange: null, before: { rank: 3 } });
    expect(c.regions.FR!.rows.map((r) => r.status)).toEqual(['new']);
  });
});
