// The workspace handlers: create, open, recent, close, the demo workspace; the lock shared with the CLI; a damaged
// tagfit.json.
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli';
import { KEY, NOW } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace, disposers, children } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

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
      bed.sim.url,
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
