// Workspace runs end to end: the spawned CLI on a workspace against the simulator, which counts every call.
// Cache reuse, offline runs, runs cut by the budget or Ctrl-C and finished later, a damaged cache entry, two
// processes, three weeks of momentum, the estimate, and re-scoring for free.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { runScoreJob } from '../../src/core/job/score-job';
import { Secret } from '../../src/core/secrets/secret';
import {
  buildDemoDataset,
  createGenerator,
  startSimulator,
  type SimulatorHandle,
  type SimulatorOptions,
} from '../../src/core/simulator';
import { createWorkspaceCache, deviceCacheDir } from '../../src/core/workspace/device-cache';
import { thisDevice } from '../../src/core/workspace/device';
import { initWorkspace, workspacePaths } from '../../src/core/workspace/layout';
import type { WorkspaceSettingsInput } from '../../src/core/workspace/settings';
import { type CliRun, runCli, tempDir } from '../support/cli';
import { reportNames, whileHeld } from '../support/faults';

const KEY = 'workspace-runs-key-0123456789';
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** The simulator's epoch: its counts and curves start here. */
const WEEK0 = Date.parse('2026-11-02T00:00:00Z');
const NOW = '2026-11-02T00:00:00.000Z';

const dataset = buildDemoDataset();
const generator = createGenerator(dataset);

/** A small list with a commercial tag, a missing tag and the emerging one. */
const TAGS = [
  'smallbusinesscheck',
  'founderlife',
  'saasmarketing',
  'buildinpublic',
  'designtok',
  'slowproductivity',
  'hustleculture',
  'deinfluencing',
  'zestcolachallenge',
  'notarealtag2026',
];
const REGIONS = ['US', 'GB', 'DE', 'BR'];
/** 50 ordinary hashtags of the simulator's world (no fault-test edge tags, no commercial ones). */
const FIFTY = dataset.tags
  .filter((t) => t.shape !== 'edge' && !t.isCommerce)
  .slice(0, 50)
  .map((t) => t.name);

// ---------------------------------------------------------------------------------------------------------
// What each test starts, disposed after it whatever happened.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function simulator(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const sim = await startSimulator({ key: KEY, now: WEEK0, ...opts });
  cleanups.push(() => sim.close());
  return sim;
}

async function scratch(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.dispose);
  return t.dir;
}

const csv = (header: string, rows: readonly string[]): string => [header, ...rows].join('\n') + '\n';

/** A workspace with these lists (and settings), in a temporary folder removed after the test. */
async function workspace(
  lists: { tags?: readonly string[]; creators?: readonly string[]; regions?: readonly string[] } = {},
  settings: Partial<WorkspaceSettingsInput> = {},
): Promise<string> {
  const dir = path.join(await scratch(), 'client-acme');
  const ws = await initWorkspace(dir, { settings: { preset: 'organic', ...settings } });
  await writeFile(ws.paths.tags, csv('tag', lists.tags ?? TAGS));
  await writeFile(ws.paths.creators, csv('unique_id', lists.creators ?? dataset.creators));
  await writeFile(ws.paths.regions, csv('code', lists.regions ?? REGIONS));
  return ws.dir;
}

interface Row {
  tag: string;
  rank: number;
  score: number;
  velocity: number;
  density: number;
  overlap: number;
  sample: number;
  flags: string[];
  userCount: number;
  viewCount: number;
  history?: {
    previousRunAt: string;
    userCountGrowthPerWeek: number | null;
    viewCountGrowthPerWeek: number | null;
    scoreChange: number | null;
    rankChange: number | null;
    previousVelocity: number | null;
    crossedVelocityThreshold: boolean;
  };
}
interface Doc {
  now: string;
  regions: Record<string, { ranked: Row[]; excluded: { tag: string; reason: string; kind: string }[] }>;
  credits: { used: number; byEndpoint: Record<string, number>; fromCache: number };
  failed: { tag: string; region: string; error: string; code: string }[];
  stopped?: { code: string; message: string; unscored: { tag: string; region: string }[] };
}

interface ScoreRun extends CliRun {
  doc: Doc;
}

/** Sampled in full where a test is about the cache or momentum, not sampling: adaptive sampling leaves pages unasked
 * (the estimate then counts them) and a tag's metrics on its first page only. */
const FULL = ['--sampling', 'full'];

/** `tagfit score --workspace ws --json` against the simulator, unpaced, at `now`. */
async function score(
  sim: SimulatorHandle,
  ws: string,
  extra: string[] = [],
  opts: { now?: string; onSpawn?: (pid: number) => void } = {},
): Promise<ScoreRun> {
  const r = await runCli(
    [
      'score',
      '--workspace',
      ws,
      '--api-base',
      sim.url,
      '--now',
      opts.now ?? NOW,
      '--rpm',
      '100000',
      '--json',
      '--quiet',
      ...extra,
    ],
    { env: { TIKLIVE_KEY: KEY }, onSpawn: opts.onSpawn },
  );
  let doc: Doc;
  try {
    doc = JSON.parse(r.stdout) as Doc;
  } catch {
    throw new Error(`tagfit score printed no JSON document (exit ${r.code}):\n${r.stderr}`);
  }
  return { ...r, doc };
}

/** What a user compares between two runs: per region, the ranked tags with their numbers, and the excluded. */
function ranking(doc: Doc): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(doc.regions).map(([code, r]) => [
      code,
      {
        ranked: r.ranked.map((t) => ({
          tag: t.tag,
          rank: t.rank,
          score: t.score,
          velocity: t.velocity,
          density: t.density,
          overlap: t.overlap,
          sample: t.sample,
          flags: t.flags,
        })),
        excluded: r.excluded,
      },
    ]),
  );
}

/** Per-endpoint difference a − b, leaving out zeros. */
function minus(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

/** Polls until `check` is true (or fails the test after `ms`). */
async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function estimate(sim: SimulatorHandle, ws: string, now = NOW): Promise<{ text: string; json: Est }> {
  const args = ['estimate', '--workspace', ws, '--api-base', sim.url, '--now', now];
  const [text, json] = await Promise.all([
    runCli(args, { env: { TIKLIVE_KEY: KEY } }),
    runCli([...args, '--json'], { env: { TIKLIVE_KEY: KEY } }),
  ]);
  expect(text.code, text.stderr).toBe(0);
  expect(json.code, json.stderr).toBe(0);
  return { text: text.stdout, json: JSON.parse(json.stdout) as Est };
}
interface Est {
  fromCache: number;
  network: { min: number; max: number };
  reference: number;
  pairsCached: number;
  pairs: number;
}

// ---------------------------------------------------------------------------------------------------------

describe('a workspace remembers what it fetched', () => {
  it('estimate says all must be fetched; a second run in the cache lifetime makes no call; --offline ranks the same', async () => {
    const sim = await simulator();
    const ws = await workspace();

    const cold = await estimate(sim, ws);
    expect(cold.json.fromCache).toBe(0);
    expect(cold.json.pairsCached).toBe(0);
    expect(cold.json.pairs).toBe(TAGS.length * REGIONS.length);
    // The region list, one info answer per tag, up to 3 pages per tag and region.
    expect(cold.json.network).toEqual({ min: 1 + TAGS.length, max: 1 + TAGS.length * (1 + 3 * 4) });
    expect(cold.text).toMatch(/^estimate: 0 answers from the cache, 11-131 credits to spend/);
    expect(sim.stats().requests).toBe(0); // estimating asks nothing

    const first = await score(sim, ws, FULL);
    expect(first.code, first.stderr).toBe(0);
    const spent = sim.stats();
    expect(first.doc.credits.used).toBe(spent.credits);
    expect(spent.credits).toBeGreaterThanOrEqual(cold.json.network.min);
    expect(spent.credits).toBeLessThanOrEqual(cold.json.network.max);
    expect(first.doc.regions.US!.excluded.map((e) => [e.tag, e.kind])).toEqual(
      expect.arrayContaining([
        ['zestcolachallenge', 'commercial'],
        ['notarealtag2026', 'not-found'],
      ]),
    );

    const warm = await estimate(sim, ws);
    expect(warm.json.network).toEqual({ min: 0, max: 0 });
    expect(warm.json.pairsCached).toBe(warm.json.pairs);
    // Every request answered (the not-found one too, which costs no credit) is in the cache.
    expect(warm.json.fromCache).toBe(spent.requests);
    expect(warm.text).toMatch(/, 0 credits to spend/);

    sim.resetStats();
    const second = await score(sim, ws, FULL);
    expect(second.code, second.stderr).toBe(0);
    expect(sim.stats().requests).toBe(0);
    expect(second.doc.credits.used).toBe(0);
    expect(second.doc.credits.fromCache).toBe(spent.requests);
    expect(ranking(second.doc)).toEqual(ranking(first.doc));

    const offline = await score(sim, ws, ['--offline', ...FULL]);
    expect(offline.code, offline.stderr).toBe(0);
    expect(sim.stats().requests).toBe(0);
    expect(offline.doc.failed).toEqual([]);
    expect(ranking(offline.doc)).toEqual(ranking(first.doc));

    // Two tags the cache has never seen: offline names exactly what is missing and still ranks the rest.
    await writeFile(workspacePaths(ws).tags, csv('tag', [...TAGS, 'aitools', 'uxdesign']));
    const partial = await score(sim, ws, ['--offline', ...FULL]);
    expect(partial.code).toBe(1);
    expect(sim.stats().requests).toBe(0);
    expect(new Set(partial.doc.failed.map((f) => `${f.tag} ${f.region} ${f.code}`))).toEqual(
      new Set(REGIONS.flatMap((r) => [`aitools ${r} offline`, `uxdesign ${r} offline`])),
    );
    for (const f of partial.doc.failed)
      expect(f.error).toBe(`Offline: no cached answer for the hashtag info of #${f.tag}`);
    expect(partial.stderr).toMatch(/8 hashtag-region pairs failed/);
    expect(ranking(partial.doc)).toEqual(ranking(first.doc));
  });

  it('a damaged cache entry is reported by its path and fetched again, and the run goes on', async () => {
    const sim = await simulator();
    const ws = await workspace();
    const first = await score(sim, ws);
    expect(first.code, first.stderr).toBe(0);

    // Cut a second-page answer in half, as a killed process or a full disk would.
    // This computer's own folder of the workspace cache (data/cache/<device>/), where the run stored its answers.
    const cacheDir = deviceCacheDir(workspacePaths(ws).cache, await thisDevice());
    let victim: string | undefined;
    for (const shard of await readdir(cacheDir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const f of await readdir(path.join(cacheDir, shard))) {
        const file = path.join(cacheDir, shard, f);
        const { key } = JSON.parse(await readFile(file, 'utf8')) as { key: string };
        if (key.includes('/challenge-posts/') && !key.includes('cursor=0&')) victim = file;
      }
      if (victim) break;
    }
    expect(victim).toBeDefined();
    const whole = await readFile(victim!, 'utf8');
    await writeFile(victim!, whole.slice(0, whole.length / 2));

    sim.resetStats();
    const second = await score(sim, ws);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`Cache entry ${victim} is damaged`);
    expect(sim.stats().creditsByEndpoint).toEqual({ '/challenge-posts/': 1 });
    expect(ranking(second.doc)).toEqual(ranking(first.doc));
    // Replaced by the fresh answer: the next run is quiet and free.
    expect(JSON.parse(await readFile(victim!, 'utf8'))).toMatchObject({ key: expect.any(String) });
    sim.resetStats();
    const third = await score(sim, ws);
    expect(third.stderr).not.toContain('damaged');
    expect(sim.stats().requests).toBe(0);
  });
});

describe('a cut-off run keeps what it fetched; the next one pays only for the rest', () => {
  /**
   * The answers a stopped run received (and cached), by endpoint. The simulator may have charged a few more: answers
   * already on the wire when the run stopped, at most one per parallel request.
   */
  function keptAnswers(cut: ScoreRun, sim: SimulatorHandle, concurrency: number): Record<string, number> {
    const charged = sim.stats();
    const kept = cut.doc.credits.byEndpoint;
    const lost = minus(charged.creditsByEndpoint, kept);
    expect(Object.values(lost).every((n) => n > 0)).toBe(true);
    expect(charged.credits - cut.doc.credits.used).toBeLessThanOrEqual(concurrency);
    if (cut.doc.credits.used !== charged.credits)
      console.log(`answers on the wire when the run stopped: ${JSON.stringify(lost)}`);
    return kept;
  }

  /** What a whole cold run of the list costs, in its own workspace. */
  async function coldRun(sim: SimulatorHandle): Promise<{ byEndpoint: Record<string, number>; doc: Doc }> {
    sim.resetStats();
    const r = await score(sim, await workspace());
    expect(r.code, r.stderr).toBe(0);
    const s = sim.stats();
    sim.resetStats();
    return { byEndpoint: s.creditsByEndpoint, doc: r.doc };
  }

  it('--max-credits: never over the budget, says what is left, and the next run fetches only the rest', async () => {
    const sim = await simulator();
    const cold = await coldRun(sim);
    const ws = await workspace();

    const budget = 40;
    const est = await estimate(sim, ws);
    expect(est.json.network.min).toBeLessThan(budget);
    const cut = await score(sim, ws, ['--max-credits', String(budget)]);
    expect(cut.code).toBe(1);
    expect(sim.stats().credits).toBeLessThanOrEqual(budget);
    const kept = keptAnswers(cut, sim, 8);
    expect(cut.doc.stopped?.code).toBe('budget');
    const unscored = cut.doc.stopped!.unscored;
    expect(unscored.length).toBeGreaterThan(0);
    expect(cut.stderr).toMatch(
      new RegExp(
        `run stopped \\(budget\\): .*; ${unscored.length} pairs left unscored( and \\d+ cut short \\(ranked on the pages in hand\\))?, the next run fetches only those`,
      ),
    );
    // A stopped run is not history: next week's momentum must not compare with half a run.
    expect(await readdir(workspacePaths(ws).history)).toEqual([]);

    const after = await estimate(sim, ws);
    expect(after.json.fromCache).toBe(sim.stats().requests);
    expect(after.json.network.min).toBeGreaterThan(0);

    sim.resetStats();
    const rest = await score(sim, ws);
    expect(rest.code, rest.stderr).toBe(0);
    expect(sim.stats().creditsByEndpoint).toEqual(minus(cold.byEndpoint, kept));
    expect(ranking(rest.doc)).toEqual(ranking(cold.doc));
  });

  it('Ctrl-C midway: the spawned CLI stops, keeps what it fetched, and the next run fetches only the rest', async () => {
    const sim = await simulator();
    const cold = await coldRun(sim);
    const total = Object.values(cold.byEndpoint).reduce((a, b) => a + b, 0);
    const ws = await workspace();

    // Slow answers, so the run is still going when a third of the calls have been answered.
    sim.setOptions({ latencyMs: 25 });
    let pid = 0;
    const running = score(sim, ws, ['--concurrency', '4'], { onSpawn: (p) => (pid = p) });
    await until(() => sim.stats().credits >= total / 3);
    // Midway for sure: no further answer until the signal has done its work.
    const cut = await whileHeld(sim, () => {
      process.kill(pid, 'SIGINT');
      return running;
    });
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('stopping; what was fetched is kept in the cache');
    expect(cut.doc.stopped?.code).toBe('cancelled');
    expect(cut.doc.stopped!.unscored.length).toBeGreaterThan(0);
    expect(sim.stats().credits).toBeLessThan(total);
    const kept = keptAnswers(cut, sim, 4);
    expect(await readdir(workspacePaths(ws).history)).toEqual([]);

    sim.setOptions({ latencyMs: 0 });
    sim.resetStats();
    const rest = await score(sim, ws);
    expect(rest.code, rest.stderr).toBe(0);
    expect(sim.stats().creditsByEndpoint).toEqual(minus(cold.byEndpoint, kept));
    expect(ranking(rest.doc)).toEqual(ranking(cold.doc));
  });
});

describe('one writer per workspace', () => {
  it('a second process on the same workspace is refused with the holder named (exit 2); the first finishes', async () => {
    const sim = await simulator({ latencyMs: 40 });
    const ws = await workspace();
    let pid = 0;
    const first = score(sim, ws, ['--concurrency', '2'], { onSpawn: (p) => (pid = p) });
    // It holds the lock once it is asking the API.
    await until(() => sim.stats().requests > 0);

    const second = await runCli(
      ['score', '--workspace', ws, '--api-base', sim.url, '--now', NOW, '--rpm', '100000', '--quiet'],
      { env: { TIKLIVE_KEY: KEY } },
    );
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^tagfit: Workspace .*client-acme is in use by the Tagfit CLI \\(pid ${pid} on host [^)]+\\) since `,
      ),
    );

    const r = await first;
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc.failed).toEqual([]);
    expect(await readdir(workspacePaths(ws).history)).toHaveLength(1);
  });
});

describe('three weekly runs show momentum', () => {
  it('history per row matches the simulator’s growth, the threshold is the workspace’s, reports and runs commands show it', async () => {
    const sim = await simulator();
    // A threshold of its own, so the default (0.5) would give a different answer.
    const threshold = 0.7;
    const ws = await workspace({}, { velocityThreshold: threshold });

    const docs: Doc[] = [];
    for (const week of [0, 1, 2]) {
      const at = WEEK0 + week * WEEK;
      sim.setOptions({ now: at });
      sim.resetStats();
      const r = await score(sim, ws, FULL, { now: new Date(at).toISOString() });
      expect(r.code, r.stderr).toBe(0);
      // A week later every cached answer is past its lifetime: the run sees this week's numbers.
      expect(sim.stats().creditsByEndpoint['/challenge-info-name/']).toBe(TAGS.length - 1);
      docs.push(r.doc);
    }

    expect(docs[0]!.regions.US!.ranked.every((t) => t.history === undefined)).toBe(true);
    for (const week of [1, 2]) {
      const [prev, cur] = [docs[week - 1]!, docs[week]!];
      const dt = Date.parse(cur.now) - Date.parse(prev.now);
      expect(dt).toBe(WEEK);
      for (const [code, region] of Object.entries(cur.regions)) {
        expect(region.ranked.length).toBeGreaterThan(0);
        for (const row of region.ranked) {
          const before = prev.regions[code]!.ranked.find((t) => t.tag === row.tag)!;
          // The simulator's own lifetime counts at both clocks, and the growth from them.
          const tag = generator.findTag(row.tag)!;
          const u1 = generator.challenge(tag, Date.parse(prev.now)).user_count;
          const u2 = generator.challenge(tag, Date.parse(cur.now)).user_count;
          const v1 = generator.challenge(tag, Date.parse(prev.now)).view_count;
          const v2 = generator.challenge(tag, Date.parse(cur.now)).view_count;
          expect([row.userCount, before.userCount, row.viewCount, before.viewCount]).toEqual([
            u2,
            u1,
            v2,
            v1,
          ]);
          const h = row.history!;
          expect(h.previousRunAt).toBe(prev.now);
          expect(h.userCountGrowthPerWeek).toBeCloseTo((u2 / u1) ** (WEEK / dt) - 1, 10);
          expect(h.viewCountGrowthPerWeek).toBeCloseTo((v2 / v1) ** (WEEK / dt) - 1, 10);
          expect(h.scoreChange).toBeCloseTo(row.score - before.score, 2);
          expect(h.rankChange).toBe(before.rank - row.rank);
          expect(h.previousVelocity).toBe(before.velocity);
          expect(h.crossedVelocityThreshold).toBe(before.velocity < threshold && threshold <= row.velocity);
        }
      }
    }

    // The emerging tag: growing about 10 % a week, its velocity climbing through the workspace's threshold
    // in week 2 (it passed the default 0.5 already in week 1).
    const slow = docs.map((d) => d.regions.US!.ranked.find((t) => t.tag === 'slowproductivity')!);
    expect(slow[0]!.velocity).toBeLessThan(0.5);
    expect(slow[1]!.velocity).toBeGreaterThanOrEqual(0.5);
    expect(slow[1]!.velocity).toBeLessThan(threshold);
    expect(slow[2]!.velocity).toBeGreaterThanOrEqual(threshold);
    expect(slow[1]!.history!.crossedVelocityThreshold).toBe(false);
    expect(slow[2]!.history).toMatchObject({
      crossedVelocityThreshold: true,
      previousVelocity: slow[1]!.velocity,
    });
    expect(slow[2]!.history!.userCountGrowthPerWeek).toBeGreaterThan(0.05);
    expect(slow[2]!.history!.rankChange).toBeGreaterThan(0);
    // A dead tag does not grow.
    const dead = docs[2]!.regions.US!.ranked.find((t) => t.tag === 'hustleculture')!;
    expect(dead.history!.userCountGrowthPerWeek).toBeLessThan(slow[2]!.history!.userCountGrowthPerWeek!);

    // The Markdown report carries the momentum table.
    const md = await readFile(path.join(workspacePaths(ws).reports, 'US-2026-11-16.md'), 'utf8');
    expect(md).toContain('## Momentum');
    const line = md.split('\n').find((l) => l.startsWith('| #slowproductivity | 2026-11-09'));
    expect(line).toBeDefined();
    const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
    expect(line).toContain(pct(slow[2]!.history!.userCountGrowthPerWeek!));
    expect(line).toMatch(/\| rose above \|$/);
    const md0 = await readFile(path.join(workspacePaths(ws).reports, 'US-2026-11-02.md'), 'utf8');
    expect(md0).toContain('No earlier run to compare with yet.');

    const list = await runCli(['runs', 'list', '--workspace', ws]);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-09T00:00:00.000Z',
      '2026-11-16T00:00:00.000Z',
    ]);
    expect(lines[0]).toContain('organic  US,GB,DE,BR  8 tags');

    const cmp = await runCli(['runs', 'compare', 'previous', 'last', '--workspace', ws]);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(cmp.stdout).toContain('2026-11-09T00:00:00.000Z → 2026-11-16T00:00:00.000Z (7.0 days)');
    const cmpLine = cmp.stdout.split('\n').find((l) => l.trim().startsWith('#slowproductivity'));
    expect(cmpLine).toContain(`users/week ${pct(slow[2]!.history!.userCountGrowthPerWeek!)}%`);
    const cmpJson = await runCli(['runs', 'compare', 'previous', 'last', '--workspace', ws, '--json']);
    const c = JSON.parse(cmpJson.stdout) as {
      days: number;
      regions: Record<string, { rows: { tag: string; status: string; rankChange: number | null }[] }>;
    };
    expect(c.days).toBe(7);
    expect(c.regions.US!.rows.find((r) => r.tag === 'slowproductivity')).toMatchObject({
      status: 'both',
      rankChange: slow[2]!.history!.rankChange,
    });
  }, 60_000);
});

describe('re-scoring what is cached is free', () => {
  it('other weights, preset, window or target list cost no credit; 50 tags × 4 regions re-score in-process from the cache (its time: npm run bench)', async () => {
    const sim = await simulator();
    const ws = await workspace({ tags: FIFTY });
    // Every page once (adaptive sampling would leave pages that seed, which always samples in full, needs).
    const first = await score(sim, ws, ['--sampling', 'full']);
    expect(first.code, first.stderr).toBe(0);
    const credits = sim.stats().credits;
    expect(credits).toBeGreaterThan(FIFTY.length);

    const dir = await scratch();
    await writeFile(path.join(dir, 'others.csv'), csv('unique_id', ['deskvibes', 'makerlena']));
    const variants = [
      ['--weights', 'velocity=0.6,density=0.2,overlap=0.2,ad=0'],
      ['--preset', 'paid'],
      ['--preset', 'seed'],
      ['--window-days', '7'],
      ['--creators', path.join(dir, 'others.csv')],
    ];
    for (const v of variants) {
      const r = await score(sim, ws, v);
      expect(r.code, r.stderr).toBe(0);
      expect(r.doc.credits.used).toBe(0);
      expect(Object.keys(r.doc.regions)).toEqual(REGIONS);
    }
    expect(sim.stats().credits).toBe(credits);
    expect(sim.stats().requests).toBe(credits);

    // The same job in-process, as the app runs it: the workspace's cache, other weights.
    const paths = workspacePaths(ws);
    for (const preset of ['paid', 'seed', 'organic'] as const) {
      const outcome = await runScoreJob({
        candidates: FIFTY,
        targets: dataset.creators,
        regions: REGIONS,
        settings: resolveSettings(preset, { windowDays: 10 }),
        now: new Date(NOW),
        demo: false,
        apiBase: sim.url,
        key: new Secret(KEY),
        requestsPerMinute: 100_000,
        cache: await createWorkspaceCache(paths.cache),
        dataDir: paths.data,
        out: { dir: await scratch(), formats: ['md', 'csv'], branding: null },
      });
      expect(outcome.result.settings.preset).toBe(preset);
      expect(outcome.result.credits.used).toBe(0);
      expect(outcome.result.failed).toEqual([]);
      expect(outcome.written.map((w) => path.basename(w.path)).sort()).toEqual(
        reportNames(REGIONS, ['md', 'csv'], { date: '2026-11-02' }),
      );
    }
    expect(sim.stats().credits).toBe(credits);
    // Eight runs, five of them CLI processes: a generous limit, so a busy machine is slow here, not red.
  }, 300_000);
});
