// The security pass on the app (issue 20): each item as the user or an attacker meets it. The numbers in the
// test names are the items.
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWatchState, writeWatchState } from '../../src/core/discover/watch-job';
import { openApiSession } from '../../src/core/job/api-session';
import { Secret } from '../../src/core/secrets/secret';
import { initWorkspace, openWorkspace } from '../../src/core/workspace/layout';
import { createTestApp } from '../support/app';
import { runCli, tempDir } from '../support/cli';

const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of disposers) await d();
});
async function folder(files: Record<string, string> = {}): Promise<string> {
  const t = await tempDir(files);
  disposers.push(t.dispose);
  return t.dir;
}

describe('7. the API base: https, except on this machine', () => {
  it('the CLI refuses --api-base http:// to another host before any call, and says why', async () => {
    const r = await runCli(['score', '--demo', '--api-base', 'http://api.example.invalid'], {
      env: { TIKLIVE_KEY: 'k-never-sent' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--api-base must use https');
    expect(r.stderr).toContain('api.example.invalid');
  });

  it('the session builder (the app’s TIKLIVE_API_BASE, the preview, every job) refuses it too; loopback http is allowed', async () => {
    const opts = { now: new Date(), demo: false, key: new Secret('k-never-sent') };
    await expect(openApiSession({ ...opts, apiBase: 'http://api.example.invalid' })).rejects.toMatchObject({
      code: 'input',
      message: expect.stringContaining('must use https'),
    });
    await expect(openApiSession({ ...opts, apiBase: 'ftp://127.0.0.1/' })).rejects.toMatchObject({
      code: 'input',
    });
    for (const ok of [
      'http://127.0.0.1:9',
      'http://localhost:9/',
      'http://[::1]:9',
      'https://proxy.example',
    ]) {
      const s = await openApiSession({ ...opts, apiBase: ok });
      await s.close();
    }
  });

  it('the app’s handlers, given an http base to another host, refuse a key test instead of sending the key', async () => {
    const app = await createTestApp({ apiBase: 'http://api.example.invalid', envKey: 'k-never-sent' });
    disposers.push(app.dispose);
    const r = await app.call('keychain:test-key', {});
    expect(JSON.stringify(r)).toContain('must use https');
  });
});

describe('3. the renderer chooses no file-system paths', () => {
  const NOW = '2026-11-20T09:00:00Z';
  const refusal = async (p: Promise<unknown>): Promise<string> => {
    const r = (await p) as { ok: boolean; error?: { code: string; message: string } };
    expect(r.ok).toBe(false);
    return `${r.error!.code}: ${r.error!.message}`;
  };

  it('the preview: a relative folder is refused (nothing created beside the process); absolute ones are stored resolved', async () => {
    const app = await createTestApp({ now: NOW });
    disposers.push(app.dispose);
    const cwdBefore = await readdir(process.cwd());
    expect(await refusal(app.call('workspace:create', { dir: '../../tmp/tagfit-ws-rel' }))).toMatch(
      /^input: .*absolute/,
    );
    expect(await refusal(app.call('workspace:open', { dir: 'client-acme' }))).toMatch(/^input: .*absolute/);
    expect(await readdir(process.cwd())).toEqual(cwdBefore);
    await app.value('workspace:open-demo', {});
    expect(await refusal(app.call('reports:export', { dir: 'exports' }))).toMatch(/^input: .*absolute/);
    await app.value('run:start', {});
    const out = await folder();
    const r = (await app.value('reports:export', { dir: `${out}/x/../chosen`, formats: ['csv'] }))!;
    expect(r.dir).toBe(path.join(out, 'chosen'));
    // Remembered for the workspace as resolved, not as typed.
    expect((await app.value('workspace:get', {}))?.exportDir).toBe(path.join(out, 'chosen'));
  }, 60_000);

  it('the app: folders come from the dialog, or are ones the user already picked (recent workspaces, export folders)', async () => {
    const app = await createTestApp({ now: NOW, shell: 'electron' });
    disposers.push(app.dispose);
    const base = await folder();
    const elsewhere = path.join(base, 'not-picked');
    expect(await refusal(app.call('workspace:create', { dir: elsewhere }))).toMatch(
      /^input: .*folder dialog/,
    );
    expect(await readdir(base)).toEqual([]);
    // Picked in the dialog: created, and from then on a recent workspace the renderer may name.
    app.nextFolder = path.join(base, 'acme');
    const ws = (await app.value('workspace:create', {}))!;
    expect(ws.dir).toBe(path.join(base, 'acme'));
    await app.value('workspace:close', {});
    expect(await refusal(app.call('workspace:open', { dir: elsewhere }))).toMatch(/^input: .*folder dialog/);
    expect(await refusal(app.call('workspace:open', { dir: '/etc' }))).toMatch(/^input: .*folder dialog/);
    expect((await app.value('workspace:open', { dir: ws.dir }))?.dir).toBe(ws.dir);

    await app.value('workspace:open-demo', {});
    await app.value('run:start', {});
    expect(await refusal(app.call('reports:export', { dir: path.join(base, 'typed') }))).toMatch(
      /^input: .*folder dialog/,
    );
    expect(await readdir(base)).toEqual(['acme']);
    // "Choose folder…": the main process's dialog picks it; it is remembered, and may be named afterwards.
    const chosen = path.join(base, 'exports');
    await mkdir(chosen);
    app.nextFolder = chosen;
    expect((await app.value('reports:export', { pick: true, formats: ['csv'] }))?.dir).toBe(chosen);
    app.nextFolder = null;
    expect((await app.value('reports:export', { dir: chosen, formats: ['csv'] }))?.dir).toBe(chosen);
    // A cancelled dialog exports nothing.
    expect(await app.value('reports:export', { pick: true })).toBeNull();
  }, 60_000);
});

describe('4. a damaged state file is kept aside, never overwritten', () => {
  it('data/watch.json: read as "starts over" with a warning; the next write keeps the damaged file as watch.json.damaged-<time>', async () => {
    const ws = await initWorkspace(path.join(await folder(), 'ws'), { settings: { preset: 'organic' } });
    const file = path.join(ws.paths.data, 'watch.json');
    const damaged =
      '{"suggestions":["US|founderlife"],"alerts":[{"id":"a1","runAt":"2026-11-13T08:00:00Z","dismissed":false,"alert":{"rule":"rank-m';
    await writeFile(file, damaged);
    const warnings: string[] = [];
    expect(await readWatchState(ws, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings.join('\n')).toContain(`${file} is damaged`);
    // Reading changes nothing (a read-only workspace is read too).
    expect(await readFile(file, 'utf8')).toBe(damaged);
    await writeWatchState(ws, { suggestions: [], alerts: [] }, (m) => warnings.push(m));
    const aside = (await readdir(ws.paths.data)).filter((f) => f.startsWith('watch.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(ws.paths.data, aside[0]!), 'utf8')).toBe(damaged);
    expect(warnings.at(-1)).toContain(`kept as ${path.join(ws.paths.data, aside[0]!)}`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ suggestions: [], alerts: [] });
    // A sound file is simply replaced: nothing more kept aside.
    await writeWatchState(ws, { suggestions: ['US|x'], alerts: [] });
    expect((await readdir(ws.paths.data)).filter((f) => f.startsWith('watch.json.damaged-'))).toHaveLength(1);
  });
});

describe('6. a workspace whose folders lead elsewhere is refused', () => {
  it('reports/ or data/history/ as a link to another folder: opening says which and where it leads; nothing is written there', async () => {
    const base = await folder();
    const ws = await initWorkspace(path.join(base, 'ws'), { settings: { preset: 'organic' } });
    const outside = path.join(base, 'outside');
    await mkdir(outside);
    await rm(ws.paths.reports, { recursive: true });
    await symlink(outside, ws.paths.reports);
    await expect(openWorkspace(ws.dir)).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining(`${ws.paths.reports} is a link to ${outside}`),
    });
    // The app says the same, and the CLI's runs (same opening) too.
    const app = await createTestApp();
    disposers.push(app.dispose);
    const r = await app.call('workspace:open', { dir: ws.dir });
    expect(JSON.stringify(r)).toContain('is a link to');
    await rm(ws.paths.reports);
    await mkdir(ws.paths.reports);
    await rm(ws.paths.history, { recursive: true });
    await symlink(outside, ws.paths.history);
    await expect(openWorkspace(ws.dir)).rejects.toMatchObject({
      message: expect.stringContaining(`${ws.paths.history} is a link to ${outside}`),
    });
    // A workspace folder reached through a link of its own is fine: only its insides must stay inside.
    await rm(ws.paths.history);
    await mkdir(ws.paths.history);
    await symlink(ws.dir, path.join(base, 'alias'));
    expect((await openWorkspace(path.join(base, 'alias'))).dir).toBe(path.join(base, 'alias'));
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('5. own accounts follow the username rule when saved', () => {
  it('a path or a script as an own account is refused on saving, naming it; "@Name" is kept as the username', async () => {
    const app = await createTestApp();
    disposers.push(app.dispose);
    const base = await folder();
    const ws = await initWorkspace(path.join(base, 'ws'), { settings: { preset: 'organic' } });
    const view = (await app.value('workspace:open', { dir: ws.dir }))!;
    const save = (ownAccounts: string[]) =>
      app.call('settings:save-workspace', { settings: { ...view.settings, ownAccounts } });
    for (const bad of ['../../etc/passwd', 'javascript:alert(1)']) {
      const r = await save(['acme_designs', bad]);
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).toContain(
        `Your own accounts: ${JSON.stringify(JSON.stringify(bad)).slice(1, -1)}`,
      );
    }
    expect(JSON.parse(await readFile(ws.paths.settings, 'utf8')).ownAccounts ?? []).toEqual([]);
    const ok = await save(['@Acme_Designs']);
    expect(ok).toMatchObject({ ok: true, value: { settings: { ownAccounts: ['acme_designs'] } } });
  });
});

describe('4. the app says so when data/watch.json is damaged', () => {
  it('Watch status carries a notice naming the file, and where it was kept once the watch writes again', async () => {
    const app = await createTestApp({ now: '2026-11-20T09:00:00Z' });
    disposers.push(app.dispose);
    const demo = await app.value('workspace:open-demo', {});
    const file = path.join(demo.dir, 'data', 'watch.json');
    await writeFile(file, '{"alerts":[{"id":"a1"');
    const before = await app.value('watch:status', {});
    expect(before.notice).toContain(`${file} is damaged`);
    await app.value('run:start', {});
    await app.value('watch:record', {});
    const after = await app.value('watch:status', {});
    expect(after.notice).toMatch(/watch\.json\.damaged-\S+ \(its alerts are there\)/);
  }, 60_000);
});
