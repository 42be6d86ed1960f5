// The app's main process through its handlers (and the same dispatch as IPC), against the simulator: every
// domain's channels, validation, each way a run can end, progress by run id, cancel by id, a locked workspace,
// a damaged tagfit.json, a keychain that is unavailable, export to a folder that cannot be written.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryKeychain, type Keychain, keychainUnavailable } from '../../src/core/secrets/keychain';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import type { RunOutcome } from '../../src/shared/views';
import { createTestApp, type TestApp } from '../support/app';
import { runCli, tempDir } from '../support/cli';
import { KEY, NOW, NOW_MS, reportNames, tagId } from '../support/faults';

let sim: SimulatorHandle;
const disposers: (() => Promise<void>)[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setOptions({ key: KEY, latencyMs: 0 });
  sim.clearFaults();
  sim.resetStats();
});
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await Promise.all(disposers.splice(0).map((d) => d()));
});

async function app(opts: { keychain?: Keychain; now?: string } = {}): Promise<TestApp> {
  const a = await createTestApp({
    keychain: opts.keychain ?? createMemoryKeychain(KEY),
    apiBase: sim.url,
    now: opts.now ?? NOW,
  });
  disposers.push(a.dispose);
  return a;
}

/** A workspace folder made by `tagfit init` with the given lists. */
async function workspace(
  tags: string[],
  regions = ['US', 'GB'],
  creators = ['acme_designs', 'studio_north'],
): Promise<string> {
  const t = await tempDir();
  disposers.push(t.dispose);
  const ws = path.join(t.dir, 'client');
  // An unpaced plan: the simulator has none, and the tests should not wait on one.
  await initWorkspace(ws, { settings: { preset: 'seed', requestsPerMinute: 100_000 } });
  await writeFile(path.join(ws, 'tags.csv'), `tag\n${tags.join('\n')}\n`);
  await writeFile(path.join(ws, 'regions.csv'), `code\n${regions.join('\n')}\n`);
  await writeFile(path.join(ws, 'creators.csv'), `unique_id\n${creators.join('\n')}\n`);
  return ws;
}

const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

describe('validation', () => {
  it('an unknown channel, a bad payload and an unknown field are refused with what and where, before any handler', async () => {
    const a = await app();
    expect(await a.call('nope:channel' as never, {})).toEqual({
      ok: false,
      error: { code: 'input', message: 'IPC: unknown channel nope:channel.' },
    });
    expect(await a.call('run:start', { runId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'input', message: 'IPC run:start: runId: must be 6-64 letters, digits, - or _' },
    });
    expect(await a.call('lists:save', { list: 'tags', values: ['a'], path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    expect(await a.call('run:start', {})).toMatchObject({
      ok: false,
      error: { code: 'input', message: 'No workspace is open: open or create one, or open the demo.' },
    });
    expect(sim.stats().requests).toBe(0);
  });
});

describe('workspaces', () => {
  it('create (folder dialog), open, recent, close; the demo workspace is labelled and runs on the simulator', async () => {
    const a = await app();
    const t = await tempDir();
    disposers.push(t.dispose);
    a.nextFolder = null;
    expect(await a.value('workspace:create', {})).toBeNull();
    a.nextFolder = path.join(t.dir, 'acme');
    const ws = await a.value('workspace:create', { preset: 'paid' });
    expect(ws).toMatchObject({ name: 'acme', demo: false, readOnly: false, settings: { preset: 'paid' } });
    expect((await readdir(ws!.dir)).sort()).toEqual([
      'creators.csv',
      'data',
      'regions.csv',
      'reports',
      'tagfit.json',
      'tags.csv',
    ]);
    expect(await a.value('workspace:recent', {})).toEqual({ recent: [ws!.dir] });
    expect(await a.value('workspace:close', {})).toEqual({ closed: true });
    expect(await a.value('workspace:get', {})).toBeNull();
    const demo = await a.value('workspace:open-demo', {});
    expect(demo).toMatchObject({ demo: true, name: 'demo-workspace' });
    expect(demo.lists.tags.length).toBeGreaterThan(20);
    const status = await a.value('app:get-status', {});
    expect(status).toMatchObject({
      shell: 'web',
      workspace: { demo: true },
      runningRunId: null,
      now: new Date(NOW).toISOString(),
    });
  });

  it('a workspace held by a cron run of the CLI: refused naming the holder; read-only opens it and refuses changes', async () => {
    const ws = await workspace(TAGS);
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('test/fixtures/hold-workspace-lock.ts'), ws, 'cli'],
      { stdio: 'pipe' },
    );
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const a = await app();
    const r = await a.call('workspace:open', { dir: ws });
    expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    if (r.ok) return;
    expect(r.error.message).toMatch(
      new RegExp(
        `^Workspace ${ws.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is in use by the Tagfit CLI \\(pid ${holder.pid} on host .+\\) since .+ Open it read-only to look without changing it\\.$`,
      ),
    );
    const ro = await a.value('workspace:open', { dir: ws, readOnly: true });
    expect(ro).toMatchObject({ readOnly: true, heldBy: expect.stringContaining(`pid ${holder.pid}`) });
    expect(await a.call('lists:save', { list: 'tags', values: ['founderlife'] })).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringContaining('is open read-only') },
    });
    expect(await a.call('run:start', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await readFile(path.join(ws, 'tags.csv'), 'utf8')).toBe(`tag\n${TAGS.join('\n')}\n`);
  });

  it('the lock is held while the workspace is open and released on close: a CLI run is refused, then runs', async () => {
    const ws = await workspace(['founderlife'], ['US']);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const cli = [
      'score',
      '--workspace',
      ws,
      '--api-base',
      sim.url,
      '--now',
      NOW,
      '--rpm',
      '100000',
      '--quiet',
    ];
    const refused = await runCli(cli, { env: { TIKLIVE_KEY: KEY } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is in use by the Tagfit app');
    await a.value('workspace:close', {});
    expect((await runCli(cli, { env: { TIKLIVE_KEY: KEY } })).code).toBe(0);
  });

  it('a damaged tagfit.json: a storage error with its path and line, the file left as it is', async () => {
    const ws = await workspace(TAGS);
    const damaged = '{\n  "version": 1,\n  "preset": "seed",\n  "pages": ';
    await writeFile(path.join(ws, 'tagfit.json'), damaged);
    const a = await app();
    const r = await a.call('workspace:open', { dir: ws });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!r.ok) expect(r.error.message).toMatch(/tagfit\.json is damaged \(line 4, column \d+: .+\)/);
    expect(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).toBe(damaged);
  });
});

describe('lists and settings', () => {
  it('lists are checked by the engine’s rules and saved as the CSV the CLI reads', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const check = await a.value('lists:check', {
      list: 'tags',
      values: ['#FounderLife', 'small business', 'founderlife', 'booktok'],
    });
    expect(check.values).toEqual(['founderlife', 'booktok']);
    expect(check.merged).toEqual([{ value: 'founderlife', items: [1, 3] }]);
    expect(check.errors).toEqual([
      { item: 2, value: 'small business', reason: expect.stringContaining('contains a space') },
    ]);
    await a.value('lists:save', {
      list: 'tags',
      values: ['#FounderLife', 'small business', 'founderlife', 'booktok'],
    });
    expect(await readFile(path.join(ws, 'tags.csv'), 'utf8')).toBe('tag\nfounderlife\nbooktok\n');
    const est = await runCli(['estimate', '--workspace', ws, '--api-base', sim.url, '--now', NOW]);
    expect(est.stdout).toMatch(/^estimate: 0 answers from the cache/);
  });

  it('settings are saved to tagfit.json; a setting a run would refuse is refused, naming it', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    const view = (await a.value('workspace:open', { dir: ws }))!;
    const saved = await a.value('settings:save-workspace', {
      settings: { ...view.settings, preset: 'paid', windowDays: 7 },
    });
    expect(saved.scoring).toMatchObject({ preset: 'paid', windowDays: 7, weights: { overlap: 0.5 } });
    expect(JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8'))).toMatchObject({
      preset: 'paid',
      windowDays: 7,
    });
    const bad = await a.call('settings:save-workspace', {
      settings: { ...view.settings, weights: { velocity: 0, density: 0, overlap: 0 } },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'input', message: expect.stringContaining('all 0') },
    });
    expect(await a.value('settings:set-app', { theme: 'dark' })).toMatchObject({ theme: 'dark' });
  });
});

describe('runs', () => {
  it('estimate, then a run with an id: every progress event carries it, queued first and done last; recorded', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const est = await a.value('run:estimate', {});
    expect(est).toMatchObject({ fromCache: 0, pairs: 8 });
    const out = await a.value('run:start', { runId: 'run-abc-1' });
    expect(out).toMatchObject({ runId: 'run-abc-1', ended: 'finished', rescore: false, partial: false });
    expect(out.summary).toMatch(/^Finished: \d+ tag-region pairs ranked; \d+ credits\.$/);
    expect(a.events.every((e) => e.runId === 'run-abc-1' && e.job === 'score')).toBe(true);
    expect(a.events[0]?.progress.type).toBe('queued');
    expect(a.events.at(-1)?.progress.type).toBe('done');
    expect(await a.value('history:list', {})).toHaveLength(1);
    expect(out.result.credits.used).toBe(sim.stats().credits);
    expect(est.network.min).toBeLessThanOrEqual(out.result.credits.used);
    expect(est.network.max).toBeGreaterThanOrEqual(out.result.credits.used);
  });

  it('cancel by id: the run ends stopped by the user and keeps what it fetched; a wrong id cancels nothing', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    sim.setOptions({ latencyMs: 60 });
    // One hashtag whose posts hang: the run cannot finish before the cancel, however fast the machine.
    sim.inject({
      kind: 'timeout',
      delayMs: 20_000,
      endpoint: '/challenge-posts/',
      match: { challenge_id: tagId('uxdesign') },
      times: Infinity,
    });
    const going = a.value('run:start', { runId: 'run-cancel-1' });
    await expect
      .poll(() => a.events.filter((e) => ['sampled', 'scored'].includes(e.progress.type)).length)
      .toBeGreaterThan(0);
    expect(await a.value('run:cancel', { runId: 'run-other-9' })).toEqual({ cancelled: false });
    expect(await a.value('app:get-status', {})).toMatchObject({ runningRunId: 'run-cancel-1' });
    expect(await a.value('run:cancel', { runId: 'run-cancel-1' })).toEqual({ cancelled: true });
    const out = await going;
    expect(out.ended).toBe('stopped-by-user');
    expect(out.summary).toMatch(
      /^Stopped by you\. .* Kept: \d+ tag-region pairs ranked; \d+ pairs left unscored/,
    );
    expect(out.partial).toBe(true);
    sim.clearFaults();
    sim.setOptions({ latencyMs: 0 });
    const est = await a.value('run:estimate', {});
    expect(est.fromCache).toBeGreaterThan(0);
  });

  it('stopped by the budget, and by a rejected key: each said as such; the key state becomes "rejected"', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const budget = await a.value('run:start', { maxCredits: 3 });
    expect(budget.ended).toBe('stopped-by-budget');
    expect(budget.summary).toMatch(/^Stopped by the credit budget\./);
    sim.setOptions({ key: 'some-other-key-entirely' });
    const refused = await a.value('run:start', {});
    expect(refused.ended).toBe('stopped-by-rejected-key');
    expect(refused.summary).toMatch(/^Stopped: TikLiveAPI refused the key\./);
    expect((await a.value('keychain:get-state', {})).state).toBe('rejected');
  });

  it('failed pairs are listed with reasons and retried alone', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    sim.inject({
      kind: 'status',
      status: 503,
      endpoint: '/challenge-posts/',
      match: { challenge_id: tagId('saasmarketing') },
      times: Infinity,
    });
    const first = await a.value('run:start', {});
    expect(first.failed.map((f) => `${f.tag} ${f.region} ${f.code}`).sort()).toEqual([
      'saasmarketing GB network',
      'saasmarketing US network',
    ]);
    sim.clearFaults();
    sim.resetStats();
    const retried = await a.value('run:retry-failed', { runId: first.runId });
    expect(retried.failed).toEqual([]);
    expect(retried.result.regions.US!.ranked.map((t) => t.candidate)).toContain('saasmarketing');
    // Only the failed pairs went to the network.
    expect(Object.keys(sim.stats().creditsByEndpoint)).toEqual(['/challenge-posts/']);
  });

  it('a re-score with other weights, preset or window is answered from the samples: no call, each with the weights asked (its time: npm run bench -- --speed)', async () => {
    const names = buildDemoDataset()
      .tags.filter((t) => t.shape !== 'edge')
      .slice(0, 50)
      .map((t) => t.name);
    const ws = await workspace(names, ['US', 'GB', 'DE', 'FR']);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const first = await a.value('run:start', {});
    expect(Object.keys(first.result.regions)).toHaveLength(4);
    const before = sim.stats().requests;
    const order = (o: RunOutcome): string[] => o.result.regions.US!.ranked.map((t) => t.candidate);
    let last = first;
    for (const velocity of [0.9, 0.1, 0.5, 0.2, 0.8, 0.35, 0.6]) {
      last = await a.value('run:rescore', {
        overrides: { weights: { velocity, density: 0.05, overlap: 0.05 } },
      });
      expect(last.result.settings.weights.velocity).toBe(velocity);
      expect(Object.keys(last.result.regions)).toHaveLength(4);
    }
    expect(sim.stats().requests).toBe(before);
    expect(last.rescore).toBe(true);
    expect(last.result.credits.used).toBe(0);
    const paid = await a.value('run:rescore', { overrides: { preset: 'paid' } });
    expect(order(paid)).not.toEqual(order(first));
    expect(paid.result.settings.weights.overlap).toBe(0.5);
    expect(sim.stats().requests).toBe(before);
  });
});

describe('the key', () => {
  it('unavailable keychain: said in the state; a run says so instead of passing simulated data off as real', async () => {
    const broken: Keychain = {
      unavailable: async () => keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY').message,
      get: async () => {
        throw keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      set: async () => {
        throw keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      delete: async () => false,
    };
    const ws = await workspace(TAGS);
    const a = await app({ keychain: broken });
    await a.value('workspace:open', { dir: ws });
    expect(await a.value('keychain:get-state', {})).toEqual({
      state: 'unavailable',
      source: null,
      message: expect.stringMatching(/^OS keychain unavailable: no Secret Service is running/),
    });
    const r = await a.call('run:start', {});
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'input',
        message: expect.stringContaining(
          'No TikLiveAPI key: TIKLIVE_KEY is not set and the OS keychain unavailable',
        ),
      },
    });
    expect(await a.call('keychain:set-key', { key: 'abcdefgh1234' })).toMatchObject({
      ok: false,
      error: { code: 'keychain' },
    });
    expect(sim.stats().requests).toBe(0);
  });

  it('a keychain that fails at run time (a locked keyring) is said, never turned into a demo run on simulated data', async () => {
    const locked: Keychain = {
      ...createMemoryKeychain(KEY),
      get: async () => {
        throw keychainUnavailable('the keyring is locked (org.freedesktop.Secret.Error.IsLocked)');
      },
    };
    const ws = await workspace(TAGS);
    const a = await app({ keychain: locked });
    await a.value('workspace:open', { dir: ws });
    const r = await a.call('run:start', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'input',
        message:
          'No TikLiveAPI key: TIKLIVE_KEY is not set and the OS keychain unavailable: the keyring is locked (org.freedesktop.Secret.Error.IsLocked). Give the key in the TIKLIVE_KEY environment variable instead, or start a keyring (gnome-keyring, KWallet).',
      },
    });
    expect(a.events).toEqual([]);
    expect(sim.stats().requests).toBe(0);
  });

  it('set, test (one call, the answer in words), delete; the key never comes back', async () => {
    const a = await app({ keychain: createMemoryKeychain() });
    expect((await a.value('keychain:get-state', {})).state).toBe('not-set');
    expect(await a.value('keychain:set-key', { key: 'wrong-key-0123456789' })).toMatchObject({
      state: 'set',
    });
    const bad = await a.value('keychain:test-key', {});
    expect(bad).toMatchObject({
      ok: false,
      key: { state: 'rejected' },
      message: 'TikLiveAPI refused the key: check it, or the balance of credits.',
    });
    await a.value('keychain:set-key', { key: KEY });
    const good = await a.value('keychain:test-key', {});
    expect(good).toMatchObject({ ok: true, key: { state: 'set' } });
    expect(good.message).toMatch(/^TikLiveAPI accepted the key \(it knows \d+ regions; 1 credit\)\.$/);
    expect(JSON.stringify([bad, good])).not.toContain(KEY);
    expect(await a.value('keychain:delete-key', {})).toMatchObject({ state: 'not-set' });
  });
});

describe('history, decode, creator fit, export', () => {
  it('history lists runs, compares two and follows a tag; decode and creator fit rank; export writes the reports', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    await a.value('run:start', {});
    await a.dispose();
    const later = await app({ now: new Date(NOW_MS + 7 * 86_400_000).toISOString() });
    await later.value('workspace:open', { dir: ws });
    const second = await later.value('run:start', {});
    expect(second.result.regions.US!.ranked.some((t) => t.history !== undefined)).toBe(true);
    expect(await later.value('history:list', {})).toHaveLength(2);
    const cmp = await later.value('history:compare', { before: 'previous', after: 'last' });
    expect(cmp.days).toBeCloseTo(7, 5);
    const points = await later.value('history:tag', { tag: '#FounderLife' });
    expect(points.filter((p) => p.region === 'US')).toHaveLength(2);

    // The track record: without own accounts it says where to name them; with them, a week of posts after the
    // first run is too little evidence, and it says so instead of claiming a correlation.
    expect(await later.call('track:run', {})).toMatchObject({
      ok: false,
      error: { message: 'Name your own accounts in Settings first: their posts are the record.' },
    });
    const view = (await later.value('workspace:get', {}))!;
    await later.value('settings:save-workspace', {
      settings: { ...view.settings, ownAccounts: ['@tagfit_follows', 'tagfit_random'] },
    });
    const record = await later.value('track:run', {});
    expect(record.region).toBe('US');
    expect(record.accounts.map((x) => x.username)).toEqual(['tagfit_follows', 'tagfit_random']);
    for (const x of record.accounts) {
      expect(x.evidence.enough).toBe(false);
      expect(x.evidence.verdict).toMatch(
        /^Not enough evidence yet: (only \d+|none) of the 60 posts used a hashtag/,
      );
    }

    const decode = await later.value('decode:competitors', { competitors: ['@acme_designs'], posts: 30 });
    expect(decode.competitors[0]?.tags.length).toBeGreaterThan(0);
    const fit = await later.value('creator-fit:run', {
      creators: ['acme_designs', 'studio_north', 'nosuchcreator_zz'],
    });
    expect(fit.ranked.map((r) => r.username).sort()).toEqual(['acme_designs', 'studio_north']);
    expect(fit.failed.map((f) => f.username)).toEqual(['nosuchcreator_zz']);

    const withTargets = second.result.regions.US!.ranked.find((t) => t.targetAuthors > 0)!;
    const sample = await later.value('results:sample', { region: 'US', candidate: withTargets.candidate });
    expect(sample).toHaveLength(withTargets.served);
    expect(new Set(sample.filter((p) => p.target).map((p) => p.authorId)).size).toBe(
      withTargets.targetAuthors,
    );

    const exported = (await later.value('reports:export', {}))!;
    expect(exported.dir).toBe(path.join(ws, 'reports'));
    // By default every format: the Markdown with charts and summary, the CSV, the one-file HTML.
    expect((await readdir(exported.dir)).sort()).toEqual(
      reportNames(['US', 'GB'], ['md', 'csv', 'html'], { date: '2026-11-27' }),
    );
    const t = await tempDir();
    disposers.push(t.dispose);
    const chosen = path.join(t.dir, 'shared-drive');
    await later.value('reports:export', { dir: chosen, formats: ['csv'] });
    expect((await readdir(chosen)).sort()).toEqual(
      reportNames(['US', 'GB'], ['csv'], { date: '2026-11-27' }),
    );
    expect((await later.value('workspace:get', {}))?.exportDir).toBe(chosen);
    // A folder that cannot be written: said with the path, nothing written.
    await writeFile(path.join(t.dir, 'a-file'), 'x');
    const bad = await later.call('reports:export', { dir: path.join(t.dir, 'a-file', 'reports') });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'storage',
        message: `Cannot create the folder ${path.join(t.dir, 'a-file', 'reports')}: a part of the path is a file, not a folder.`,
      },
    });
  });
});
