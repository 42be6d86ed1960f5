// `tagfit decode` and `tagfit creator-fit` end to end: spawned against the simulator with a key, checked
// against what the simulator's dataset says each creator posts, and against `tagfit score` for the same tags.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDemoDataset,
  createGenerator,
  startSimulator,
  type SimulatorHandle,
} from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { createTestApp } from '../support/app';
import { runCli, tempDir } from '../support/cli';

const KEY = 'decode-test-key-0123456789abcdef';
const NOW = '2026-11-20T00:00:00Z';
const NOW_SEC = Date.parse(NOW) / 1000;
const COMPETITOR = 'acme_designs';
const POSTS = 40;

const gen = createGenerator(buildDemoDataset());
const creators = gen.dataset.creators;

/** What the dataset says a creator posts: their newest `n` videos, straight from the generator. */
function videosOf(username: string, n: number) {
  const author = gen.authorByUniqueId(username);
  if (!author) throw new Error(`no demo author ${username}`);
  return { author, videos: gen.userPosts(author, Date.parse(NOW)).slice(0, n) };
}

let sim: SimulatorHandle;
let files: { dir: string; dispose: () => Promise<void> };
const file = (name: string): string => path.join(files.dir, name);
const api = (): string[] => ['--api-base', sim.url, '--now', NOW, '--rpm', '100000'];
const withKey = { env: { TIKLIVE_KEY: KEY } };

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: Date.parse(NOW) });
  files = await tempDir({
    'regions.csv': 'code\nUS\nGB\n',
    'targets.csv': `unique_id\n${creators.slice(0, 4).join('\n')}\n`,
    'creators.csv': `unique_id\n${creators.join('\n')}\nnosuchcreator_zz\n`,
    'bad-creators.csv': 'unique_id\nacme_designs\nnot a user!\n',
  });
});
afterAll(async () => {
  await sim.close();
  await files.dispose();
});

describe('tagfit decode (spawned)', () => {
  it("reports the competitor's tag mix as the dataset has it, scored exactly as `tagfit score` scores those tags", async () => {
    const r = await runCli(
      [
        'decode',
        '--competitor',
        `@${COMPETITOR.toUpperCase()}`,
        '--posts',
        String(POSTS),
        '--regions',
        file('regions.csv'),
        '--creators',
        file('targets.csv'),
        '--preset',
        'organic',
        ...api(),
        '--json',
      ],
      withKey,
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.failed).toEqual([]);
    expect(doc.competitors).toHaveLength(1);
    const comp = doc.competitors[0];

    // The dataset's captions are "<text> #tag #tag …": count those tags independently of the parser.
    const { author, videos } = videosOf(COMPETITOR, POSTS);
    const expected = new Map<string, { uses: number; posts: number }>();
    for (const v of videos) {
      const inPost = (v.title ?? '')
        .split(' ')
        .filter((w) => w.startsWith('#'))
        .map((w) => w.slice(1));
      for (const t of inPost) {
        const e = expected.get(t) ?? { uses: 0, posts: 0 };
        e.uses += 1;
        expected.set(t, e);
      }
      for (const t of new Set(inPost)) expected.get(t)!.posts += 1;
    }
    // the creator posts with several of the demo hashtags (their own themes' tags)
    expect(gen.dataset.demo.tags.filter((t) => expected.has(t)).length).toBeGreaterThanOrEqual(3);
    expect(comp.username).toBe(COMPETITOR);
    expect(comp.user.id).toBe(author.id);
    expect(comp.user.followerCount).toBe(author.followers);
    expect(comp.sample).toBe(POSTS);
    const mix = new Map<string, { uses: number; posts: number }>(
      comp.tags.map((t: { tag: string; uses: number; posts: number }) => [
        t.tag,
        { uses: t.uses, posts: t.posts },
      ]),
    );
    expect(mix).toEqual(expected);
    for (const t of comp.tags) expect(t.share).toBeCloseTo(t.posts / POSTS, 12);
    const posts = comp.tags.map((t: { posts: number }) => t.posts);
    expect(posts).toEqual([...posts].sort((a, b) => b - a));
    expect(doc.candidates).toEqual(comp.tags.map((t: { tag: string }) => t.tag));
    // one info call, two pages of posts (35 + 5) for 40 posts
    expect(doc.credits.byEndpoint['/userinfo-by-username/']).toBe(1);
    expect(doc.credits.byEndpoint['/user-posts/']).toBe(2);
    expect(r.stderr).toMatch(/credits: \d+ used \(.*\/user-posts\/ 2/);

    // The same tags through `tagfit score`: identical rankings, scores and exclusions per region.
    await writeFile(file('decoded-tags.csv'), `tag\n${doc.candidates.join('\n')}\n`);
    const s = await runCli(
      [
        'score',
        '--tags',
        file('decoded-tags.csv'),
        '--creators',
        file('targets.csv'),
        '--regions',
        file('regions.csv'),
        '--preset',
        'organic',
        ...api(),
        '--json',
      ],
      withKey,
    );
    expect(s.code, s.stderr).toBe(0);
    const scored = JSON.parse(s.stdout);
    expect(doc.scoring.regions).toEqual(scored.regions);
    expect(Object.keys(scored.regions)).toEqual(['US', 'GB']);
    for (const [region, res] of Object.entries(
      scored.regions as Record<string, { ranked: { candidate: string; score: number; rank: number }[] }>,
    )) {
      expect(res.ranked.length).toBeGreaterThan(3);
      for (const t of res.ranked) {
        const joined = comp.tags.find((x: { tag: string }) => x.tag === t.candidate).regions[region];
        expect(joined).toMatchObject({
          status: 'ranked',
          score: t.score,
          rank: t.rank,
          of: res.ranked.length,
        });
      }
    }
    expect(r.stdout + r.stderr + s.stdout + s.stderr).not.toContain(KEY);
  });

  it('reports an unknown competitor as failed, still decodes the others, exits 1; writes the CSV with --out', async () => {
    const out = await tempDir();
    try {
      const r = await runCli(
        [
          'decode',
          '--competitor',
          'nosuchcompetitor_zz',
          '--competitor',
          'studio_north',
          '--regions',
          file('regions.csv'),
          ...api(),
          '--out',
          out.dir,
        ],
        withKey,
      );
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/@studio_north \(Studio North, \d+ followers\): \d+ hashtags in \d+ posts/);
      expect(r.stdout).toMatch(/failed @nosuchcompetitor_zz: No TikTok account @nosuchcompetitor_zz/);
      expect(r.stderr).toMatch(/failed @nosuchcompetitor_zz/);
      expect(r.stderr).toMatch(
        /^credits: \d+ used \(.*\/userinfo-by-username\/ 1, .*\/challenge-posts\/ \d+/m,
      );
      expect(r.stderr).toMatch(/1 failed/);
      expect(r.stderr).toMatch(/wrote .*decode-2026-11-20\.csv/);
      const { readFile } = await import('node:fs/promises');
      const csv = await readFile(path.join(out.dir, 'decode-2026-11-20.csv'), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFFcompetitor,tag,uses,posts,share,region,status,score,rank,ranked_in_region,velocity,density,overlap,sample,flags,note',
      );
      expect(csv).toMatch(/\r\nstudio_north,\w+,\d+,\d+,[\d.]+,US,ranked,/);
      expect(r.stdout + r.stderr).not.toContain(KEY);
    } finally {
      await out.dispose();
    }
  });

  it('exits 2 naming the option for an invalid --competitor, and without any competitor', async () => {
    const bad = await runCli(
      ['decode', '--competitor', 'not a user!', '--regions', file('regions.csv'), ...api()],
      withKey,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--competitor "not a user!" is not a TikTok username/);
    const none = await runCli(['decode', '--regions', file('regions.csv'), ...api()], withKey);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--competitor <username> is required/);
    const noKey = await runCli([
      'decode',
      '--competitor',
      COMPETITOR,
      '--regions',
      file('regions.csv'),
      ...api(),
    ]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/No TikLiveAPI key/);
  });
});

describe('tagfit creator-fit (spawned)', () => {
  it('ranks the demo creators by velocity and density of their recent posts; an unknown one is reported, exit 1', async () => {
    const r = await runCli(
      ['creator-fit', '--creators', file('creators.csv'), '--posts', '30', ...api(), '--json'],
      withKey,
    );
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.preset).toBe('seed');
    // seed's weights 0.35 / 0.30, renormalised to sum 1
    expect(doc.weights.velocity).toBeCloseTo(0.35 / 0.65, 12);
    expect(doc.weights.density).toBeCloseTo(0.3 / 0.65, 12);
    expect(doc.failed).toHaveLength(1);
    expect(doc.failed[0]).toMatchObject({ username: 'nosuchcreator_zz', code: 'not-found' });
    expect(doc.ranked.map((c: { username: string }) => c.username).sort()).toEqual([...creators].sort());
    expect(doc.ranked.map((c: { rank: number }) => c.rank)).toEqual(creators.map((_, i) => i + 1));
    const scores = doc.ranked.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
    // Raw metrics as the dataset has them: velocity is the share of the newest 30 posts in the last 14 days,
    // density (seed) the mean of their likes.
    for (const row of doc.ranked) {
      const { author, videos } = videosOf(row.username, 30);
      expect(row.followerCount).toBe(author.followers);
      expect(row.sample).toBe(videos.length);
      const recent = videos.filter((v) => v.create_time >= NOW_SEC - 14 * 86_400).length;
      expect(row.velocity).toBe(recent / videos.length);
      expect(row.density).toBeCloseTo(videos.reduce((a, v) => a + v.digg_count, 0) / videos.length, 6);
      const w = doc.weights;
      expect(row.score).toBeCloseTo(
        100 * (w.velocity * row.normalised.velocity + w.density * row.normalised.density),
        2,
      );
    }
    // the best creator on each normalised metric has it at 1, the worst at 0
    expect(
      Math.max(...doc.ranked.map((c: { normalised: { velocity: number } }) => c.normalised.velocity)),
    ).toBe(1);
    expect(
      Math.min(...doc.ranked.map((c: { normalised: { density: number } }) => c.normalised.density)),
    ).toBe(0);
    expect(doc.credits.byEndpoint['/userinfo-by-username/']).toBe(creators.length);
    expect(r.stderr).toMatch(/failed @nosuchcreator_zz/);
    // The unknown creator's "not found" answer is a request the API may bill: both figures are said.
    expect(r.stderr).toMatch(
      /^credits: \d+ used \(\/userinfo-by-username\/ 12, \/user-posts\/ \d+\); \d+ requests sent, the most TikLiveAPI can bill$/m,
    );
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('prints a ranked table and exits 0 when every creator was scored', async () => {
    await writeFile(file('two.csv'), 'unique_id\n@Studio_North\nmakerlena\n');
    const r = await runCli(
      ['creator-fit', '--creators', file('two.csv'), ...api(), '--window-days', '7'],
      withKey,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Tagfit creator fit at 2026-11-20T00:00:00\.000Z \(velocity 0\.54, density 0\.46\)$/m,
    );
    const rows = [
      ...r.stdout.matchAll(/^ {2}(\d) +@(studio_north|makerlena) +\d+ +\d+ +[\d.]+ +\d+ +([\d.]+)$/gm),
    ];
    expect(rows.map((m) => m[1])).toEqual(['1', '2']);
    // Two creators: min-max puts each metric at 1 for one and 0 for the other, so the scores add up to 100.
    expect(rows.reduce((a, m) => a + Number(m[3]), 0)).toBeCloseTo(100, 6);
  });

  it('exits 2 naming the file and line of an invalid username', async () => {
    const r = await runCli(['creator-fit', '--creators', file('bad-creators.csv'), ...api()], withKey);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('bad-creators.csv')}:3: unique_id: "not a user!" is not a username`);
    expect(sim.stats().apiKeysSeen).toEqual([KEY]);
  });
});

describe('decode over a workspace: the CLI and the app share its settings, lists and cache', () => {
  /** A workspace made by `tagfit init`, with regions and target creators, on an unpaced plan. */
  async function decodeWorkspace(): Promise<{ dir: string; dispose: () => Promise<void> }> {
    const t = await tempDir();
    const dir = path.join(t.dir, 'client');
    await initWorkspace(dir, { settings: { preset: 'organic', requestsPerMinute: 100_000 } });
    await writeFile(path.join(dir, 'regions.csv'), 'code\nUS\nGB\n');
    await writeFile(path.join(dir, 'creators.csv'), `unique_id\n${creators.slice(0, 4).join('\n')}\n`);
    return { dir, dispose: t.dispose };
  }
  const decodeIn = (dir: string) =>
    runCli(
      ['decode', '--workspace', dir, '--competitor', COMPETITOR, '--posts', '30', ...api(), '--json'],
      withKey,
    );

  it('a second `tagfit decode --workspace` spends 0 credits: the answers come from the workspace cache', async () => {
    const w = await decodeWorkspace();
    try {
      const first = await decodeIn(w.dir);
      expect(first.code, first.stderr).toBe(0);
      const one = JSON.parse(first.stdout);
      expect(one.credits.used).toBeGreaterThan(0);
      // The workspace's lists and preset were used: its regions, scored with its preset.
      expect(one.preset).toBe('organic');
      expect(Object.keys(one.scoring.regions).sort()).toEqual(['GB', 'US']);
      const seen = sim.stats().requests;

      const second = await decodeIn(w.dir);
      expect(second.code, second.stderr).toBe(0);
      const two = JSON.parse(second.stdout);
      expect(two.credits.used).toBe(0);
      expect(two.credits.fromCache).toBeGreaterThan(0);
      expect(sim.stats().requests).toBe(seen);
      expect(two.competitors).toEqual(one.competitors);
    } finally {
      await w.dispose();
    }
  });

  it('the app and the CLI give the same decode for the same workspace', async () => {
    const w = await decodeWorkspace();
    const app = await createTestApp({ apiBase: sim.url, now: NOW, envKey: KEY });
    try {
      const cli = await decodeIn(w.dir);
      expect(cli.code, cli.stderr).toBe(0);
      const fromCli = JSON.parse(cli.stdout);
      await app.value('workspace:open', { dir: w.dir });
      const fromApp = await app.value('decode:competitors', { competitors: [COMPETITOR], posts: 30 });
      // Same tags, shares and standings per region; the app's answers came from the cache the CLI filled.
      expect(fromApp.competitors).toEqual(fromCli.competitors);
      expect(fromApp.candidates).toEqual(fromCli.candidates);
      expect(fromApp.credits.used).toBe(0);
    } finally {
      await app.dispose();
      await w.dispose();
    }
  });
});
