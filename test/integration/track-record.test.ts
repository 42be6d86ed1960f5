// The track record against the simulator's two own accounts, whose data lets a test know the right answer: one
// posts with likes that follow its tags' quality (what the score measures), the other with likes independent of
// them. A workspace scored eight weeks ago is the record; `tagfit track` runs as a process.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import type { TrackResult } from '../../src/core/track/track-record';
import { ROOT, runCli, tempDir } from '../support/cli';
import { KEY } from '../support/faults';

const NOW = '2026-11-20T00:00:00Z';
const BEFORE = '2026-07-23T00:00:00Z'; // 120 days earlier: each own account's 120 posts come after this run
const { followsScores, independent } = buildDemoDataset().ownAccounts;
const DEMO = path.join(ROOT, 'resources', 'demo');

let sim: SimulatorHandle;
let ws: string;
const disposers: (() => Promise<void>)[] = [];

const track = (...more: string[]) =>
  runCli(
    [
      'track',
      '--workspace',
      ws,
      '--api-base',
      sim.url,
      '--now',
      NOW,
      '--rpm',
      '100000',
      '--posts',
      '120',
      ...more,
    ],
    {
      env: { TIKLIVE_KEY: KEY },
    },
  );

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: Date.parse(BEFORE) });
  const t = await tempDir({});
  disposers.push(t.dispose);
  ws = path.join(t.dir, 'client');
  const init = await runCli([
    'init',
    ws,
    ...['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(DEMO, `${n}.csv`)]),
  ]);
  expect(init.code, init.stderr).toBe(0);
  const settings = JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  await writeFile(
    path.join(ws, 'tagfit.json'),
    `${JSON.stringify({ ...settings, ownAccounts: [followsScores, independent] }, null, 2)}\n`,
  );
}, 60_000);
afterAll(async () => {
  for (const d of disposers) await d();
  await sim.close();
});

describe('tagfit track', () => {
  it('with no run recorded yet, claims nothing and says why', async () => {
    sim.setOptions({ key: KEY, now: Date.parse(NOW) });
    const r = await track('--json', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as TrackResult;
    for (const a of doc.accounts) {
      expect(a.evidence.enough).toBe(false);
      expect(a.evidence.correlation).toBeNull();
      expect(a.evidence.verdict).toBe(
        'Not enough evidence yet: none of the 120 posts used a hashtag scored in a run made before it; 20 are needed before a correlation means anything. Post with tags from your list after a run, then track again.',
      );
    }
  }, 60_000);

  it('relates each post to the scores its tags had: positive for the account whose likes follow them, around 0 for the other', async () => {
    sim.setOptions({ key: KEY, now: Date.parse(BEFORE) });
    const score = await runCli(
      ['score', '--workspace', ws, '--api-base', sim.url, '--now', BEFORE, '--rpm', '100000', '--quiet'],
      { env: { TIKLIVE_KEY: KEY } },
    );
    expect(score.code, score.stderr).toBe(0);
    sim.setOptions({ key: KEY, now: Date.parse(NOW) });
    sim.resetStats();
    const r = await track('--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'estimate: at most 10 credits (2 accounts × 5: the profile, then 4 pages of posts)',
    );
    const doc = JSON.parse(r.stdout) as TrackResult;
    expect(doc.region).toBe('US');
    expect(doc.runs).toEqual([new Date(BEFORE).toISOString()]);
    const by = Object.fromEntries(doc.accounts.map((a) => [a.username, a.evidence]));
    const follows = by[followsScores]!;
    const random = by[independent]!;
    for (const e of [follows, random]) {
      expect(e.posts).toBe(120);
      expect(e.matched).toBeGreaterThanOrEqual(20);
      expect(e.enough).toBe(true);
    }
    // The right answer, known from the simulator: a positive correlation whose interval excludes 0 ...
    expect(follows.correlation!.low).toBeGreaterThan(0);
    expect(follows.topQuarter!).toBeGreaterThan(follows.bottomQuarter!);
    expect(follows.verdict).toMatch(
      /^Posts whose hashtags scored higher did better: rank correlation 0\.\d\d/,
    );
    // ... and an interval around 0 for likes that do not depend on the tags.
    console.log(
      JSON.stringify(random.correlation),
      random.topQuarter,
      random.bottomQuarter,
      JSON.stringify(follows.correlation),
    );
    expect(random.correlation!.low).toBeLessThan(0);
    expect(random.correlation!.high).toBeGreaterThan(0);
    expect(random.verdict).toMatch(/^No relation can be told apart from chance yet/);
    console.log(
      `track record: ${followsScores} rho ${follows.correlation!.rho.toFixed(2)} [${follows.correlation!.low.toFixed(2)}, ${follows.correlation!.high.toFixed(2)}], top/bottom quarter ${follows.topQuarter!.toFixed(2)}/${follows.bottomQuarter!.toFixed(2)}; ` +
        `${independent} rho ${random.correlation!.rho.toFixed(2)} [${random.correlation!.low.toFixed(2)}, ${random.correlation!.high.toFixed(2)}], top/bottom ${random.topQuarter!.toFixed(2)}/${random.bottomQuarter!.toFixed(2)}; credits ${doc.credits.used}`,
    );
    // Whether posts at the suggested time did better: a verdict per account and overall, from the cached samples.
    for (const e of [follows, random, doc.overall]) {
      const b = e.bestTime!;
      expect(b.region).toBe('US');
      expect(b.inside.posts + b.outside.posts).toBe(e.matched);
      if (b.window) {
        expect(b.window.timeZone).toBe('America/New_York');
        // The simulator gives the own accounts' likes no hour effect: the right answer is no difference.
        expect(b.verdict).toMatch(/^(No difference can be told apart from chance|Not enough evidence yet)/);
      } else expect(b.verdict).toMatch(/^No best time was suggested in US/);
    }
    console.log(`best time: ${JSON.stringify(doc.overall.bestTime)}`);
    // From the cache where fresh: the same call again costs nothing.
    const again = await track('--json', '--quiet');
    expect((JSON.parse(again.stdout) as TrackResult).credits.used).toBe(0);
    // A region no run scored has no scores to match the posts to: refused before any credit, naming what was scored.
    sim.resetStats();
    const elsewhere = await track('--region', 'XX');
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain(
      'region XX: no run of this workspace scored it, so no scores to match the posts to (its runs scored ',
    );
    expect(sim.stats().requests).toBe(0);
  }, 120_000);

  it('an own account that is not a username is said with where it came from', async () => {
    const r = await track('--account', 'not a name!');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--account "not a name!" is not a TikTok username/);
  }, 30_000);
});
