// A client workspace on a shared drive, end to end with the spawned CLI against the simulator: two laptops run it on
// the same day and a sync client merges the folders; two runs start at once on one folder.
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace, saveSettings } from '../../src/core/workspace/layout';
import { loadSettings } from '../../src/core/workspace/settings';
import { type CliRun, runCli, tempDir } from '../support/cli';
import { mergeLikeDropbox } from '../support/sync-merge';

const KEY = 'shared-workspace-key-0123456789';
const WEEK0 = Date.parse('2026-11-02T00:00:00Z');
const DATE = '2026-12-06';
const dataset = buildDemoDataset();
const TAGS = dataset.tags
  .filter((t) => t.shape !== 'edge' && !t.isCommerce)
  .slice(0, 6)
  .map((t) => t.name);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function simulator(latencyMs = 0): Promise<SimulatorHandle> {
  const sim = await startSimulator({ key: KEY, now: WEEK0, latencyMs });
  cleanups.push(() => sim.close());
  return sim;
}

async function scratch(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.dispose);
  return t.dir;
}

/** The client's folder, with a short list of hashtags, the simulator's creators and two regions. */
async function clientWorkspace(root: string): Promise<string> {
  const csv = (h: string, rows: readonly string[]): string => [h, ...rows].join('\n') + '\n';
  const lists = await tempDir({
    'tags.csv': csv('tag', TAGS),
    'creators.csv': csv('unique_id', dataset.creators),
    'regions.csv': csv('code', ['US', 'GB']),
  });
  cleanups.push(lists.dispose);
  const ws = await initWorkspace(path.join(root, 'client-acme'), {
    from: {
      tags: path.join(lists.dir, 'tags.csv'),
      creators: path.join(lists.dir, 'creators.csv'),
      regions: path.join(lists.dir, 'regions.csv'),
    },
    settings: { preset: 'organic' },
  });
  return ws.dir;
}

const cli = (args: string[], device: string, extra: Record<string, string> = {}): Promise<CliRun> =>
  runCli(args, { env: { TIKLIVE_KEY: KEY, TAGFIT_DEVICE: device, ...extra } });

interface Doc {
  regions: Record<string, { ranked: { tag: string; rank: number; score: number }[] }>;
  credits: { used: number };
}

async function score(sim: SimulatorHandle, ws: string, device: string, now: string, extra: string[] = []) {
  const r = await cli(
    [
      'score',
      '--workspace',
      ws,
      '--api-base',
      sim.url,
      '--now',
      now,
      '--rpm',
      '100000',
      '--json',
      '--quiet',
      ...extra,
    ],
    device,
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

const ranking = (d: Doc): unknown =>
  Object.fromEntries(
    Object.entries(d.regions).map(([c, r]) => [c, r.ranked.map((t) => [t.tag, t.rank, t.score])]),
  );

interface Summary {
  id: string;
  device?: string;
  now: string;
}

describe('two laptops, one client folder on a synced drive', () => {
  it('each runs the same day; merged as Dropbox would: every run listed and readable, offline re-score, at most 3 conflicted copies, the next command reports and --fix merges them', async () => {
    const sim = await simulator();
    const root = await scratch();
    const base = await clientWorkspace(root);
    const anna = path.join(root, 'anna-laptop');
    const ben = path.join(root, 'ben-laptop');
    const merged = path.join(root, 'merged');
    await cp(base, anna, { recursive: true });
    await cp(base, ben, { recursive: true });

    // Each laptop scores the client's list, and each changes one setting in the app.
    const annaDoc = await score(sim, anna, 'Anna', `${DATE}T10:00:00Z`);
    const start = (await loadSettings(path.join(anna, 'tagfit.json')))!;
    await saveSettings(anna, { ...start, windowDays: 10 }, { base: start });
    const benDoc = await score(sim, ben, 'Ben', `${DATE}T15:00:00Z`);
    await saveSettings(ben, { ...start, ownAccounts: ['acmeofficial'] }, { base: start });

    const copies = await mergeLikeDropbox(anna, ben, merged, { device: 'Ben', date: DATE });
    // The cache, the runs, the reports and the credit ledger are each laptop's own files: only the settings clash.
    expect(copies).toEqual([`tagfit (Ben's conflicted copy ${DATE}).json`]);
    expect(copies.length).toBeLessThanOrEqual(3);
    expect((await readdir(path.join(merged, 'data', 'cache'))).sort()).toEqual(['.gitignore', 'anna', 'ben']);
    expect((await readdir(path.join(merged, 'reports'))).sort()).toEqual(['anna', 'ben']);

    // Every run of both is listed, with the laptop it came from; the next command says the copy is there.
    const list = await cli(['runs', 'list', '--workspace', merged, '--json'], 'Anna');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain(
      `warning: 1 conflicted copy of Tagfit's files in ${merged} (1 can be merged): run \`tagfit workspace check --workspace ${merged} --fix\``,
    );
    const runs = JSON.parse(list.stdout) as Summary[];
    expect(runs.map((r) => [r.now, r.device])).toEqual([
      [`${DATE}T10:00:00.000Z`, 'Anna'],
      [`${DATE}T15:00:00.000Z`, 'Ben'],
    ]);
    const cmp = await cli(
      ['runs', 'compare', runs[0]!.id, runs[1]!.id, '--workspace', merged, '--json'],
      'Anna',
    );
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(Object.keys(JSON.parse(cmp.stdout).regions).sort()).toEqual(['GB', 'US']);

    // Anna re-scores Ben's run offline: his answers are read from his folder, none is asked for.
    const before = sim.stats().requests;
    const again = await score(sim, merged, 'Anna', `${DATE}T15:00:00Z`, ['--offline']);
    expect(sim.stats().requests).toBe(before);
    expect(again.credits.used).toBe(0);
    expect(ranking(again)).toEqual(ranking(benDoc));
    expect(ranking(annaDoc)).toBeDefined();

    // --fix merges the settings field by field and moves the copy to data/merged/; nothing is left to say.
    const fix = await cli(['workspace', 'check', '--workspace', merged, '--fix'], 'Anna');
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(fix.stdout).toContain(
      `merged: ${path.join(merged, `tagfit (Ben's conflicted copy ${DATE}).json`)}`,
    );
    const settings = await loadSettings(path.join(merged, 'tagfit.json'));
    expect(settings).toMatchObject({ windowDays: 10, ownAccounts: ['acmeofficial'], preset: 'organic' });
    expect(await readdir(path.join(merged, 'data', 'merged'))).toEqual([
      `tagfit (Ben's conflicted copy ${DATE}).json`,
    ]);
    const quiet = await cli(['runs', 'list', '--workspace', merged], 'Ben');
    expect(quiet.stderr).toBe('');
    // The text list names each run's laptop too.
    expect(
      quiet.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('  on ')[1]),
    ).toEqual(['Anna', 'Ben']);
  });

  it('a run recorded on both sides under one name (an older Tagfit) is kept twice, and a copy with bad JSON is left and named', async () => {
    const sim = await simulator();
    const root = await scratch();
    const ws = await clientWorkspace(root);
    await score(sim, ws, 'Anna', `${DATE}T10:00:00Z`);
    const history = path.join(ws, 'data', 'history');
    const [name] = await readdir(history);
    const run = JSON.parse(await readFile(path.join(history, name!), 'utf8'));
    const other = { ...run, now: `${DATE}T11:00:00.000Z`, device: { id: 'ben', name: 'Ben' } };
    const copy = path.join(history, name!.replace('.json', " (Ben's conflicted copy 2026-12-06).json"));
    await writeFile(copy, JSON.stringify(other));
    const badCopy = path.join(ws, `tagfit (Ben's conflicted copy ${DATE}).json`);
    await writeFile(badCopy, '{"version": 1, "preset": "org');

    const check = await cli(['workspace', 'check', '--workspace', ws, '--json'], 'Anna');
    expect(check.code).toBe(1);
    const found = JSON.parse(check.stdout).findings as { kind: string; path: string; fix: string }[];
    expect(found.map((f) => [f.kind, path.basename(f.path), f.fix]).sort()).toEqual(
      [
        ['conflict', path.basename(copy), 'merge'],
        ['conflict', path.basename(badCopy), 'merge'],
      ].sort(),
    );

    const fix = await cli(['workspace', 'check', '--workspace', ws, '--fix'], 'Anna');
    expect(fix.code).toBe(1);
    expect(fix.stdout).toContain(
      `${badCopy} was not merged and is left as it is: Settings file ${badCopy} is damaged`,
    );
    expect(await readFile(badCopy, 'utf8')).toBe('{"version": 1, "preset": "org');
    const list = JSON.parse(
      (await cli(['runs', 'list', '--workspace', ws, '--json'], 'Anna')).stdout,
    ) as Summary[];
    expect(list.map((r) => r.device)).toEqual(['Anna', 'Ben']);
    await expect(stat(copy)).rejects.toThrow();
    // A second --fix does not record the run a third time.
    await cli(['workspace', 'check', '--workspace', ws, '--fix'], 'Anna');
    expect(
      JSON.parse((await cli(['runs', 'list', '--workspace', ws, '--json'], 'Anna')).stdout),
    ).toHaveLength(2);
  });
});

describe('two runs started at once on one folder', () => {
  it('the second refuses naming the run (its clock) and device that hold the workspace; the first finishes and is listed', async () => {
    const sim = await simulator(40);
    const ws = await clientWorkspace(await scratch());
    const args = (now: string): string[] => [
      ...['score', '--workspace', ws, '--api-base', sim.url, '--now', now],
      ...['--rpm', '100000', '--no-cache', '--quiet', '--concurrency', '1'],
    ];
    const first = cli(args(`${DATE}T10:00:00Z`), 'Anna');
    // It holds the workspace once it asks the API.
    while (sim.stats().requests === 0) await new Promise((r) => setTimeout(r, 10));
    const second = await cli(args(`${DATE}T10:00:05Z`), 'Anna');
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      new RegExp(
        '^tagfit: Workspace .*client-acme is in use by the Tagfit CLI \\(pid \\d+ on host [^)]+\\) since \\S+, ' +
          `on device "Anna"( \\(user [^)]+\\))?, for a score run at ${DATE}T10:00:00Z\\.\n$`,
      ),
    );
    expect((await first).code).toBe(0);
    const list = JSON.parse(
      (await cli(['runs', 'list', '--workspace', ws, '--json'], 'Anna')).stdout,
    ) as Summary[];
    expect(list.map((r) => [r.id, r.device])).toEqual([[`${DATE}T10-00-00Z--anna`, 'Anna']]);
  });

  it('started together: each finishes or refuses by name, and every finished run is listed once', async () => {
    const sim = await simulator(30);
    const ws = await clientWorkspace(await scratch());
    const args = (now: string): string[] => [
      ...['score', '--workspace', ws, '--api-base', sim.url, '--now', now],
      ...['--rpm', '100000', '--no-cache', '--quiet'],
    ];
    const runs = await Promise.all([
      cli(args(`${DATE}T10:00:00Z`), 'Anna'),
      cli(args(`${DATE}T10:00:05Z`), 'Anna'),
    ]);
    const finished = runs.filter((r) => r.code === 0);
    expect(finished.length).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /is in use by the Tagfit CLI .*, on device "Anna".*, for a score run at 2026-12-06T10:00:0[05]Z\./,
      );
    }
    const list = JSON.parse(
      (await cli(['runs', 'list', '--workspace', ws, '--json'], 'Anna')).stdout,
    ) as Summary[];
    expect(list).toHaveLength(finished.length);
    expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
  });
});
