// The fault suite, output and storage side: reports with hostile hashtag names, an output folder that is
// read-only, missing or removed, a full disk, a report already there, damaged settings and cache, two
// processes on one workspace, and runs cancelled, cut by the budget or killed (the next run resumes).
import { rmSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { atomicWrite } from '../../src/core/storage/atomic-write';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { thisDevice } from '../../src/core/workspace/device';
import { CSV_COLUMNS } from '../../src/core/report/csv';
import type { AtomicWriter } from '../../src/core/report/write';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { createFileCache } from '../../src/core/workspace/cache';
import { listRuns } from '../../src/core/workspace/history';
import { type CliRun, runCli, tempDir } from '../support/cli';
import {
  DATE,
  KEY,
  NOW,
  NOW_MS,
  type FaultRun,
  listTree,
  ranking,
  reportNames,
  runJob,
  whileHeld,
} from '../support/faults';

let sim: SimulatorHandle;
let baseline: FaultRun;
const disposers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  baseline = await runJob(sim);
});
afterAll(async () => {
  for (const d of disposers.splice(0)) await d();
  await sim.close();
});
beforeEach(() => {
  sim.setOptions({ key: KEY, latencyMs: 0 });
  sim.clearFaults();
  sim.resetStats();
});

async function folder(files: Record<string, string> = {}): Promise<string> {
  const t = await tempDir(files);
  disposers.push(t.dispose);
  return t.dir;
}

/** A workspace with the baseline's lists and sampling, so its runs cost what the baseline cost. */
async function workspace(
  settings = '{ "version": 1, "preset": "seed", "pages": 2, "pageSize": 10 }\n',
): Promise<string> {
  return folder({
    'tagfit.json': settings,
    'tags.csv': 'tag\nfounderlife\nsmallbusinesscheck\nsaasmarketing\n',
    'creators.csv': 'unique_id\nacme_designs\nstudio_north\nindiehackerlife\n',
    'regions.csv': 'code\nUS\nGB\n',
  });
}

const wsArgs = (ws: string, ...more: string[]): string[] => [
  'score',
  ...['--workspace', ws, '--api-base', sim.url, '--now', NOW, '--rpm', '100000', '--json', '--quiet'],
  ...more,
];

interface Doc {
  regions: Record<string, { ranked: { candidate: string; score: number; sample: number }[] }>;
  credits: { used: number; fromCache: number };
  stopped?: { code: string; message: string; unscored: { tag: string; region: string }[] };
}
const docOf = (r: CliRun): Doc => JSON.parse(r.stdout) as Doc;
const docRanking = (d: Doc, region: string): Record<string, [number, number]> =>
  Object.fromEntries(d.regions[region]!.ranked.map((t) => [t.candidate, [t.score, t.sample]]));

/** Starts a spawned run and resolves once the simulator has charged `credits` answers to it. */
async function startAndWait(
  args: string[],
  credits: number,
): Promise<{ pid: number; done: Promise<CliRun> }> {
  let pid = 0;
  const done = runCli(args, { env: { TIKLIVE_KEY: KEY }, onSpawn: (p) => (pid = p) });
  while (sim.stats().credits < credits) await new Promise((r) => setTimeout(r, 5));
  return { pid, done };
}

/** Every file in the workspace cache is a whole entry (temporary files aside). */
async function cacheEntries(ws: string): Promise<string[]> {
  const files = (await listTree(path.join(ws, 'data', 'cache'))).filter((f) => f.endsWith('.json'));
  for (const f of files) JSON.parse(await readFile(path.join(ws, 'data', 'cache', f), 'utf8'));
  return files;
}

describe('output: hostile hashtag names end up safe in both reports', () => {
  it('cha_name with "|", a newline, "=cmd", RTL and zero-width characters: escaped Markdown, guarded CSV, whole tables', async () => {
    const out = await folder();
    const run = await runJob(sim, {
      candidates: ['founderlife', 'csvinject', 'pipetag', 'newlinetag', 'rtltag'],
      regions: ['US'],
      pages: 1,
      pageSize: 30,
      out: { dir: out, formats: ['md', 'csv'], branding: null },
    });
    expect(run.reportError).toBeUndefined();
    expect(run.result.regions.US!.ranked).toHaveLength(5);

    const md = await readFile(path.join(out, `US-${DATE}.md`), 'utf8');
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(md).toContain('#=cmd\\|calc');
    expect(md).toContain('#pipe\\|tag');
    expect(md).toContain('#new line');
    // Every row of every table has its header's number of cells (an escaped "\|" is not a separator).
    const cells = (line: string): number => line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;
    let header = -1;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        header = -1;
        continue;
      }
      if (header < 0) header = cells(line);
      else expect(cells(line), line).toBe(header);
    }

    const csv = await readFile(path.join(out, `US-${DATE}.csv`), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
      for (const cell of Object.values(row)) {
        // A text cell never starts a formula; only our own numbers (a negative change) may start with "-".
        if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
        expect(cell).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }
    }
    const tags = Object.fromEntries(rows.map((r) => [r.candidate, r.tag]));
    expect(tags).toMatchObject({
      csvinject: "'=cmd|calc",
      pipetag: 'pipe|tag',
      newlinetag: 'new\nline',
      rtltag: 'sale\u200Bgnp.exe',
    });
  });
});

describe('output: the report folder', () => {
  // Not skipped anywhere CI could run: a normal user is stopped by chmod, root is run without the
  // capabilities that override it. Nothing depends on the permissions of the folders above the checkout.
  it('read-only report folder (a process without write permission): exit 2 before any call, the path and "read-only" said, the old report intact', async () => {
    const root = await folder({
      'tags.csv': 'tag\nfounderlife\nsmallbusinesscheck\n',
      'creators.csv': 'unique_id\nacme_designs\n',
      'regions.csv': 'code\nUS\n',
    });
    const out = path.join(root, 'out');
    await mkdir(out);
    await writeFile(path.join(out, `US-${DATE}.md`), 'OLD REPORT\n');
    await chmod(out, 0o555);
    const args = [
      ...['score', '--tags', path.join(root, 'tags.csv'), '--creators', path.join(root, 'creators.csv')],
      ...['--regions', path.join(root, 'regions.csv'), '--api-base', sim.url, '--now', NOW],
      ...['--rpm', '100000', '--out', out, '--json', '--quiet'],
    ];
    const before = sim.stats().requests;
    const r = await runCli(args, { env: { TIKLIVE_KEY: KEY }, unprivileged: true });
    await chmod(out, 0o755);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(
      `tagfit: Cannot write to the report folder ${out}: permission denied (is the folder read-only?).`,
    );
    // Said before the run: no credit spent on scores that could not be written.
    expect(sim.stats().requests).toBe(before);
    expect(r.stdout).toBe('');
    expect(await readdir(out)).toEqual([`US-${DATE}.md`]);
    expect(await readFile(path.join(out, `US-${DATE}.md`), 'utf8')).toBe('OLD REPORT\n');
  });

  it('a path through a regular file: exit 2 before any call, says which part is a file', async () => {
    const root = await folder({
      'tags.csv': 'tag\nfounderlife\n',
      'creators.csv': 'unique_id\nacme_designs\n',
      'regions.csv': 'code\nUS\n',
      'notes.txt': 'not a folder',
    });
    const out = path.join(root, 'notes.txt', 'reports');
    const r = await runCli(
      [
        ...['score', '--tags', path.join(root, 'tags.csv'), '--creators', path.join(root, 'creators.csv')],
        ...[
          '--regions',
          path.join(root, 'regions.csv'),
          '--api-base',
          sim.url,
          '--now',
          NOW,
          '--rpm',
          '100000',
        ],
        ...['--out', out, '--json', '--quiet'],
      ],
      { env: { TIKLIVE_KEY: KEY } },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `tagfit: Cannot create the folder ${out}: a part of the path is a file, not a folder.`,
    );
    expect(r.stdout).toBe('');
    expect(await readFile(path.join(root, 'notes.txt'), 'utf8')).toBe('not a folder');
  });

  it('missing at the start, or removed during the run: created again and every report written whole', async () => {
    const root = await folder();
    const out = path.join(root, 'shared-drive', 'reports');
    await mkdir(out, { recursive: true });
    let removed = false;
    const run = await runJob(sim, {
      out: { dir: out, formats: ['md', 'csv'], branding: null },
      onProgress: (p) => {
        if (p.type === 'scored' && !removed) {
          removed = true;
          rmSync(path.join(root, 'shared-drive'), { recursive: true, force: true });
        }
      },
    });
    expect(removed).toBe(true);
    expect(run.reportError).toBeUndefined();
    expect(await listTree(out)).toEqual(reportNames(['US', 'GB'], ['md', 'csv']));
    expect(await readFile(path.join(out, `US-${DATE}.md`), 'utf8')).toMatch(/^# Hashtag report US /);
  });

  it('the disk full (ENOSPC) on the fifth report file: said with its path, every other file written whole, the old file intact, the run kept', async () => {
    const root = await folder();
    const out = path.join(root, 'reports');
    const data = path.join(root, 'data');
    await mkdir(out);
    await writeFile(path.join(out, `GB-${DATE}.md`), 'LAST WEEK\n');
    const full: AtomicWriter = async (file, content, options) => {
      if (path.basename(file) === `GB-${DATE}.md`) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
      }
      await atomicWrite(file, content, options);
    };
    const run = await runJob(sim, {
      out: { dir: out, formats: ['md', 'csv'], branding: null, writer: full },
      dataDir: data,
    });
    expect(run.reportError).toEqual({
      code: 'storage',
      message: `Cannot write ${path.join(out, `GB-${DATE}.md`)}: the disk is full.`,
    });
    // The failing file costs only itself: every other report is written whole (US's, GB's chart and CSV, the
    // summary's), and GB's Markdown keeps last week's.
    expect(await listTree(out)).toEqual(
      [
        ...['GB', 'US', 'summary'].flatMap((n) => ['csv', 'md', 'svg'].map((x) => `${n}-${DATE}.${x}`)),
      ].sort(),
    );
    expect(run.written.map((w) => path.basename(w.path))).not.toContain(`GB-${DATE}.md`);
    expect(await readFile(path.join(out, `GB-${DATE}.md`), 'utf8')).toBe('LAST WEEK\n');
    // The scores stand, and the run is in the history for next week's momentum.
    expect(ranking(run.result, 'GB')).toEqual(ranking(baseline.result, 'GB'));
    expect(await listRuns(data)).toHaveLength(1);
  });

  it('a report of the same name already there is replaced whole, under its own name, with no temporary file left', async () => {
    const out = await folder({ [`US-${DATE}.md`]: 'OLD\n', [`US-${DATE}.csv`]: 'OLD\n', 'keep.txt': 'mine' });
    const run = await runJob(sim, { out: { dir: out, formats: ['md', 'csv'], branding: null } });
    expect(run.written.map((w) => [path.basename(w.path), w.note])).toEqual(
      [
        `US-${DATE}.svg`,
        `US-${DATE}.md`,
        `US-${DATE}.csv`,
        `GB-${DATE}.svg`,
        `GB-${DATE}.md`,
        `GB-${DATE}.csv`,
        `summary-${DATE}.svg`,
        `summary-${DATE}.md`,
        `summary-${DATE}.csv`,
      ].map((n) => [n, undefined]),
    );
    expect(await listTree(out)).toEqual([...reportNames(['US', 'GB'], ['md', 'csv']), 'keep.txt'].sort());
    expect(await readFile(path.join(out, `US-${DATE}.md`), 'utf8')).toMatch(/^# Hashtag report US /);
    expect(await readFile(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('storage: damaged settings and cache', () => {
  it('a truncated tagfit.json: exit 2 with its path and line, left untouched, nothing fetched', async () => {
    const damaged = '{\n  "version": 1,\n  "preset": "seed",\n  "pages": ';
    const ws = await workspace(damaged);
    const r = await runCli(wsArgs(ws), { env: { TIKLIVE_KEY: KEY } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `tagfit: Settings file ${path.join(ws, 'tagfit.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged \\(line 4, column \\d+: .+\\)\\. The file was left as it is`,
      ),
    );
    expect(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).toBe(damaged);
    expect(sim.stats().requests).toBe(0);
  });

  it('a tagfit.json from a newer Tagfit: exit 2 naming the version, left untouched', async () => {
    const newer = '{ "version": 7, "preset": "seed", "somethingNew": true }\n';
    const ws = await workspace(newer);
    const r = await runCli(wsArgs(ws), { env: { TIKLIVE_KEY: KEY } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Settings file ${path.join(ws, 'tagfit.json')} was written by a newer Tagfit (format version 7`,
    );
    expect(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).toBe(newer);
  });

  it('a truncated cache entry: reported with its path, fetched again (one credit), and replaced', async () => {
    const dir = await folder();
    const warnings: string[] = [];
    const first = await runJob(sim, { cache: createFileCache(dir) });
    const entries = (await listTree(dir)).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(first.result.credits.used);
    const victim = path.join(dir, entries[3]!);
    await truncate(victim, 40);

    const second = await runJob(sim, { cache: createFileCache(dir, { onWarning: (m) => warnings.push(m) }) });
    expect(warnings).toContain(
      `Cache entry ${victim} is damaged (it is not valid JSON (truncated?)); treated as a miss and replaced by the next fetch.`,
    );
    expect(second.result.credits.used).toBe(1);
    expect(second.result.credits.fromCache).toBe(entries.length - 1);
    for (const region of ['US', 'GB'])
      expect(ranking(second.result, region)).toEqual(ranking(baseline.result, region));
    expect(JSON.parse(await readFile(victim, 'utf8'))).toHaveProperty('body');
  });
});

describe('runs: two processes, cancelled, cut by the budget, killed', () => {
  it('two processes on one workspace: the second exits 2 naming the holder; the first finishes whole', async () => {
    const ws = await workspace();
    sim.setOptions({ latencyMs: 100 });
    const first = await startAndWait(wsArgs(ws, '--concurrency', '1'), 1);
    // The first run cannot finish while the second starts, however slow the machine.
    const second = await whileHeld(sim, () => runCli(wsArgs(ws), { env: { TIKLIVE_KEY: KEY } }));
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      new RegExp(
        `tagfit: Workspace .+ is in use by the Tagfit CLI \\(pid ${first.pid} on host .+\\) since \\d{4}-`,
      ),
    );
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    expect((await readdir(path.join(ws, 'reports'))).sort()).toEqual(reportNames(['US', 'GB']));
    expect(await listRuns(path.join(ws, 'data'))).toHaveLength(1);
    // The lock is gone with its holder.
    await expect(stat(path.join(ws, 'data', 'locks', `${(await thisDevice()).id}.lock`))).rejects.toThrow();
  });

  it('cancelled midway (SIGINT): exit 1, says what is kept, and the next run fetches only what is missing', async () => {
    const ws = await workspace();
    sim.setOptions({ latencyMs: 30 });
    const run = await startAndWait(wsArgs(ws, '--concurrency', '1'), 6);
    // Midway for sure: no further answer until the signal has done its work.
    const first = await whileHeld(sim, () => {
      process.kill(run.pid, 'SIGINT');
      return run.done;
    });
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain('tagfit: stopping; what was fetched is kept in the cache');
    expect(first.stderr).toMatch(
      /run stopped \(cancelled\): .*; \d+ pairs left unscored( and \d+ cut short \(ranked on the pages in hand\))?, the next run fetches only those/,
    );
    const doc1 = docOf(first);
    expect(doc1.stopped?.code).toBe('cancelled');
    // The partial run's reports say so, under a name of their own; it is not recorded as a run (it would
    // distort next week's momentum).
    expect(await readFile(path.join(ws, 'reports', `US-${DATE}-partial.md`), 'utf8')).toContain(
      '## Run stopped early',
    );
    expect(await listRuns(path.join(ws, 'data'))).toHaveLength(0);
    const kept = (await cacheEntries(ws)).length;
    expect(kept).toBeGreaterThanOrEqual(6);

    sim.setOptions({ latencyMs: 0 });
    const second = await runCli(wsArgs(ws), { env: { TIKLIVE_KEY: KEY } });
    expect(second.code, second.stderr).toBe(0);
    const doc2 = docOf(second);
    expect(doc2.credits.fromCache).toBe(kept);
    expect(doc2.credits.used).toBe(baseline.result.credits.used - kept);
    for (const region of ['US', 'GB'])
      expect(docRanking(doc2, region)).toEqual(ranking(baseline.result, region));
  });

  it('cancelled before it starts: nothing is sent, every pair is listed as unscored', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = await runJob(sim, { signal: controller.signal });
    expect(run.result.stopped?.code).toBe('cancelled');
    expect(run.result.stopped?.unscored).toHaveLength(6);
    expect(sim.stats().credits).toBe(0);
  });

  it('cancelled at the end (after the last pair): a finished run, recorded, with every tag ranked', async () => {
    const controller = new AbortController();
    const data = await folder();
    const run = await runJob(sim, {
      signal: controller.signal,
      dataDir: data,
      onProgress: (p) => {
        if (p.type === 'scored' && p.done === p.total) controller.abort();
      },
    });
    expect(controller.signal.aborted).toBe(true);
    expect(run.result.stopped).toBeUndefined();
    for (const region of ['US', 'GB'])
      expect(ranking(run.result, region)).toEqual(ranking(baseline.result, region));
    expect(await listRuns(data)).toHaveLength(1);
  });

  it('the network gone (offline): scored from the cache without a request; what the cache lacks is named', async () => {
    const dir = await folder();
    await runJob(sim, { cache: createFileCache(dir), candidates: ['founderlife', 'smallbusinesscheck'] });
    await sim.close();
    try {
      const run = await runJob(sim, { cache: createFileCache(dir), offline: true });
      expect(run.result.failed.map((f) => [f.tag, f.region, f.code, f.error])).toEqual(
        ['US', 'GB'].map((r) => [
          'saasmarketing',
          r,
          'offline',
          'Offline: no cached answer for the hashtag info of #saasmarketing',
        ]),
      );
      expect(run.result.credits.fromCache).toBe(1 + 2 + 2 * 2 * 2);
      expect(Object.keys(ranking(run.result, 'US')).sort()).toEqual(['founderlife', 'smallbusinesscheck']);
    } finally {
      sim = await startSimulator({ key: KEY, now: NOW_MS });
    }
  });

  it('cut by the credit budget: exit 1, the budget and the call not sent named; the next run pays only the rest', async () => {
    const ws = await workspace();
    const first = await runCli(wsArgs(ws, '--max-credits', '6'), { env: { TIKLIVE_KEY: KEY } });
    expect(first.code).toBe(1);
    const doc1 = docOf(first);
    expect(doc1.stopped?.code).toBe('budget');
    expect(doc1.stopped?.message).toMatch(
      /^Credit budget of 6 reached: the posts of #\w+ in (US|GB) not sent \(the 6 requests it allows are sent or under way; every request sent counts, as TikLiveAPI may bill it\)$/,
    );
    expect(doc1.credits.used).toBe(6);
    expect(sim.stats().credits).toBe(6);
    expect(await cacheEntries(ws)).toHaveLength(6);

    const second = await runCli(wsArgs(ws), { env: { TIKLIVE_KEY: KEY } });
    expect(second.code, second.stderr).toBe(0);
    const doc2 = docOf(second);
    expect(doc2.credits.fromCache).toBe(6);
    expect(doc2.credits.used).toBe(baseline.result.credits.used - 6);
    for (const region of ['US', 'GB'])
      expect(docRanking(doc2, region)).toEqual(ranking(baseline.result, region));
  });

  it('killed midway (kill -9): the cache holds only whole entries, the dead lock does not block, the next run resumes', async () => {
    const ws = await workspace();
    sim.setOptions({ latencyMs: 30 });
    const run = await startAndWait(wsArgs(ws, '--concurrency', '1'), 6);
    const killed = await whileHeld(sim, () => {
      process.kill(run.pid, 'SIGKILL');
      return run.done;
    });
    expect(killed.code).toBeNull();
    // It died holding the workspace and before any report.
    await stat(path.join(ws, 'data', 'locks', `${(await thisDevice()).id}.lock`));
    expect(await readdir(path.join(ws, 'reports'))).toEqual([]);
    const kept = (await cacheEntries(ws)).length;
    expect(kept).toBeGreaterThanOrEqual(5);

    sim.setOptions({ latencyMs: 0 });
    const next = await runCli(wsArgs(ws), { env: { TIKLIVE_KEY: KEY } });
    expect(next.code, next.stderr).toBe(0);
    const doc = docOf(next);
    expect(doc.credits.fromCache).toBe(kept);
    expect(doc.credits.used).toBe(baseline.result.credits.used - kept);
    for (const region of ['US', 'GB'])
      expect(docRanking(doc, region)).toEqual(ranking(baseline.result, region));
    expect((await readdir(path.join(ws, 'reports'))).sort()).toEqual(reportNames(['US', 'GB']));
  });
});
