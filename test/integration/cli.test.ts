// The CLI end to end: spawned as a process against the simulator, as cron and outside checks run it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { runCli, tempDir } from '../support/cli';
import { reportNames } from '../support/faults';

const KEY = 'cli-test-key-0123456789abcdef';
const NOW = '2026-11-20T00:00:00Z';

let sim: SimulatorHandle;
let files: { dir: string; dispose: () => Promise<void> };

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: Date.parse(NOW) });
  files = await tempDir({
    'tags.csv':
      'tag\nsmallbusinesscheck\n#founderlife\nsaasmarketing\nzestcolachallenge\nnotarealtag2026\nFounderLife\n',
    'creators.csv': '\uFEFFunique_id\r\n@acme_designs\r\nstudio_north\r\n\r\n',
    'regions.csv': 'code\nus\nGB\n',
    'bad-tags.csv': 'tag\nsmallbusinesscheck\nsmall business\nok_tag\nhello!\n',
    'no-header.csv': 'smallbusinesscheck\nfounderlife\n',
  });
});
afterAll(async () => {
  await sim.close();
  await files.dispose();
});

/** The three list options, each the test folder's file unless a test passes its own. */
const lists = (own: { tags?: string; regions?: string } = {}): string[] => [
  '--tags',
  own.tags ?? path.join(files.dir, 'tags.csv'),
  '--creators',
  path.join(files.dir, 'creators.csv'),
  '--regions',
  own.regions ?? path.join(files.dir, 'regions.csv'),
];

describe('tagfit score (spawned)', () => {
  it('--json prints exactly one JSON document with every region, ranked by score, with raw metrics and flags', async () => {
    const r = await runCli(['score', ...lists(), '--api-base', sim.url, '--now', NOW, '--json'], {
      env: { TIKLIVE_KEY: KEY },
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.now).toBe('2026-11-20T00:00:00.000Z');
    expect(doc.preset).toBe('seed');
    expect(Object.keys(doc.regions)).toEqual(['US', 'GB']);
    for (const region of Object.values(doc.regions) as {
      ranked: { score: number; sample: number; tag: string; flags: string[] }[];
      excluded: { tag: string; reason: string }[];
    }[]) {
      const scores = region.ranked.map((t) => t.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(region.ranked.map((t) => t.tag)).toContain('founderlife');
      for (const t of region.ranked) {
        expect(t.sample).toBeGreaterThanOrEqual(0);
        expect(Array.isArray(t.flags)).toBe(true);
      }
      // the duplicate "FounderLife" was merged, the commercial and the unknown tag are excluded with a reason
      expect(region.ranked.filter((t) => t.tag === 'founderlife')).toHaveLength(1);
      const excluded = Object.fromEntries(region.excluded.map((e) => [e.tag, e.reason]));
      expect(excluded.notarealtag2026).toMatch(/not found/i);
      expect(Object.values(excluded).some((reason) => /commercial/i.test(reason))).toBe(true);
    }
    expect(doc.failed).toEqual([]);
    // one info call per hashtag, not one per hashtag per region: 5 unique tags, the unknown one costs no credit
    expect(doc.credits.byEndpoint['/challenge-info-name/']).toBe(4);
    expect(sim.stats().byEndpoint['/challenge-info-name/']).toBeGreaterThanOrEqual(5);
    expect(doc.credits.used).toBeGreaterThan(5);
    expect(r.stderr).toMatch(/merged duplicates of "founderlife"/);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('--out writes per region a Markdown report with its chart and a CSV, named <CODE>-<date>, plus the summary', async () => {
    const out = await tempDir();
    try {
      const r = await runCli(
        [
          'score',
          ...lists(),
          '--api-base',
          sim.url,
          '--now',
          NOW,
          '--out',
          out.dir,
          '--format',
          'md,csv',
          '--quiet',
        ],
        {
          env: { TIKLIVE_KEY: KEY },
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect((await readdir(out.dir)).sort()).toEqual(reportNames(['US', 'GB'], ['md', 'csv']));
      const md = await readFile(path.join(out.dir, 'US-2026-11-20.md'), 'utf8');
      expect(md.split('\n')[0]).toBe('# Hashtag report US 2026-11-20');
      expect(md).toContain('| Tag | Score | Velocity | Density | Overlap | Confidence | Flags |');
      expect(md).toContain('#founderlife');
      const csv = await readFile(path.join(out.dir, 'US-2026-11-20.csv'), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain('founderlife');
    } finally {
      await out.dispose();
    }
  });

  it('a wrong key says so clearly, exits 1 and never prints the key', async () => {
    const wrong = 'wrong-key-9876543210fedcba';
    const r = await runCli(['score', ...lists(), '--api-base', sim.url, '--now', NOW, '--json'], {
      env: { TIKLIVE_KEY: wrong },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused the API key/i);
    expect(r.stdout + r.stderr).not.toContain(wrong);
    const doc = JSON.parse(r.stdout);
    expect(doc.stopped.code).toBe('auth');
  });

  it('a failing hashtag does not kill the run: exit 1, it is in "failed", the others are ranked', async () => {
    sim.inject({
      kind: 'status',
      status: 500,
      endpoint: '/challenge-info-name/',
      match: { name: 'saasmarketing' },
      times: Infinity,
    });
    try {
      const r = await runCli(
        ['score', ...lists(), '--api-base', sim.url, '--now', NOW, '--json', '--quiet'],
        { env: { TIKLIVE_KEY: KEY } },
      );
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout);
      expect(doc.failed.map((f: { tag: string; region: string }) => `${f.tag}/${f.region}`).sort()).toEqual([
        'saasmarketing/GB',
        'saasmarketing/US',
      ]);
      // What was asked, in words: never the API's route.
      expect(doc.failed[0].error).toMatch(/^the hashtag info of #saasmarketing: /);
      expect(doc.regions.US.ranked.map((t: { tag: string }) => t.tag)).toContain('founderlife');
    } finally {
      sim.clearFaults();
    }
  });

  it('bad rows are rejected with file, line and reason (exit 2) unless --skip-invalid', async () => {
    const bad = path.join(files.dir, 'bad-tags.csv');
    const args = ['score', ...lists({ tags: bad }), '--api-base', sim.url, '--now', NOW, '--json', '--quiet'];
    const r = await runCli(args, { env: { TIKLIVE_KEY: KEY } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}:3`);
    expect(r.stderr).toContain(`${bad}:5`);
    const skipped = await runCli([...args, '--skip-invalid'], { env: { TIKLIVE_KEY: KEY } });
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(JSON.parse(skipped.stdout).regions.US.ranked.map((t: { tag: string }) => t.tag)).toContain(
      'smallbusinesscheck',
    );
  });

  it('a wrong header names the file and the expected column (exit 2)', async () => {
    const file = path.join(files.dir, 'no-header.csv');
    const r = await runCli(['score', ...lists({ tags: file }), '--api-base', sim.url], {
      env: { TIKLIVE_KEY: KEY },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file} line 1: expected a header with a column named "tag", found "smallbusinesscheck".`,
    );
  });

  it('usage errors exit 2: a missing list, a bad --now, no key without --demo', async () => {
    expect((await runCli(['score', '--creators', 'x.csv', '--regions', 'y.csv'])).code).toBe(2);
    const badNow = await runCli(['score', ...lists(), '--now', 'yesterday'], { env: { TIKLIVE_KEY: KEY } });
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toMatch(/--now/);
    const noKey = await runCli(['score', ...lists(), '--api-base', sim.url]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/TIKLIVE_KEY/);
    // A format typo is refused before any credit is spent, with or without --out.
    const requestsBefore = sim.stats().requests;
    const badFormat = await runCli(['score', ...lists(), '--api-base', sim.url, '--format', 'md,docx'], {
      env: { TIKLIVE_KEY: KEY },
    });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format: "docx" is not one of md, csv, html, pdf/);
    expect(sim.stats().requests).toBe(requestsBefore);
  });

  it('a region TikLiveAPI does not know is bad input (exit 2) naming the region', async () => {
    const f = await tempDir({ 'regions.csv': 'code\nUS\nXQ\n' });
    const infoCallsBefore = sim.stats().byEndpoint['/challenge-info-name/'] ?? 0;
    try {
      const r = await runCli(
        [
          'score',
          ...lists({ regions: path.join(f.dir, 'regions.csv') }),
          '--api-base',
          sim.url,
          '--now',
          NOW,
        ],
        { env: { TIKLIVE_KEY: KEY } },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Region XQ not in TikLiveAPI's region list/);
      // refused before any hashtag was looked up
      expect(sim.stats().byEndpoint['/challenge-info-name/'] ?? 0).toBe(infoCallsBefore);
    } finally {
      await f.dispose();
    }
  });

  it('--demo needs no key and scores the demo lists', async () => {
    const r = await runCli(['score', '--demo', '--now', NOW, '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.regions).length).toBeGreaterThanOrEqual(4);
    expect(doc.regions.US.ranked.length).toBeGreaterThan(10);
    // every ranked row carries its confidence, in the shape the app and the reports show
    for (const region of Object.values(doc.regions) as {
      ranked: { score: number; rank: number; confidence?: Record<string, unknown> }[];
    }[])
      for (const t of region.ranked) {
        const c = t.confidence as
          | { low: number | null; high: number | null; rankLow: number; rankHigh: number; label: string }
          | undefined;
        expect(c, JSON.stringify(t)).toMatchObject({
          rankLow: expect.any(Number),
          rankHigh: expect.any(Number),
          label: expect.stringMatching(/^(confident|uncertain|too few posts)$/),
        });
        expect(c!.rankLow).toBeLessThanOrEqual(c!.rankHigh);
        if (c!.label === 'too few posts') expect([c!.low, c!.high]).toEqual([null, null]);
        else {
          expect(c!.low).toBeLessThanOrEqual(t.score);
          expect(c!.high).toBeGreaterThanOrEqual(t.score);
        }
        if (c!.label !== 'confident') expect(t.confidence!.reason).toEqual(expect.any(String));
      }
  });

  it('a reader that stops reading (| head) does not fail the run: it ends as it would, its reports whole', async () => {
    const f = await tempDir();
    try {
      const out = path.join(f.dir, 'out');
      // Stdout is closed before the command writes a line: every print to it meets a closed pipe (EPIPE).
      const r = await runCli(['score', '--demo', '--now', NOW, '--out', out, '--format', 'md,csv'], {
        closeStdout: true,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/EPIPE|unexpected error|at .*\.ts:\d+/);
      expect(r.stderr).toMatch(/^credits: \d+ used/m);
      const names = await readdir(out);
      expect(names).toContain('summary-2026-11-20.md');
      expect(names.filter((n) => /^[A-Z]{2}-2026-11-20\.csv$/.test(n)).length).toBeGreaterThanOrEqual(4);
    } finally {
      await f.dispose();
    }
  });
});

describe('tagfit --help', () => {
  it('help asked for is printed on stdout (it can be piped to grep or less), exit 0', async () => {
    for (const args of [
      ['score', '--help'],
      ['help', 'score'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: tagfit score/m);
      expect(r.stdout).toMatch(/--max-credits/);
    }
    // A usage error still goes to stderr.
    const bad = await runCli(['score', '--no-such-option']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown option '--no-such-option'/);
  });
});
