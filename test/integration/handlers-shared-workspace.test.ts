// The app on a shared workspace, through its handlers: History names each run's device, the banner's check finds a
// sync client's conflicted copy and merges it, a settings save keeps another computer's change to another field,
// and another computer's lock is named and taken only when the user confirms.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/core/workspace/settings';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const TAGS = ['founderlife', 'smallbusinesscheck'];

const run = (id: string, now: string, device?: { id: string; name: string }): string =>
  JSON.stringify({
    format: 'tagfit-run',
    version: 1,
    id,
    now,
    preset: 'seed',
    settings: { preset: 'seed' },
    credits: { used: 2 },
    regions: { US: { ranked: [], excluded: [] } },
    failed: [],
    ...(device ? { device } : {}),
  });

describe('a shared workspace in the app', () => {
  it("History shows each run's device; the check finds a conflicted tagfit.json and Merge merges it field by field", async () => {
    const ws = await bed.workspace(TAGS);
    const history = path.join(ws, 'data', 'history');
    await writeFile(
      path.join(history, '2026-11-20T09-00-00Z.json'),
      run('2026-11-20T09-00-00Z', '2026-11-20T09:00:00Z'),
    );
    await writeFile(
      path.join(history, '2026-11-20T10-00-00Z--ben-laptop.json'),
      run('2026-11-20T10-00-00Z--ben-laptop', '2026-11-20T10:00:00Z', {
        id: 'ben-laptop',
        name: 'Ben laptop',
      }),
    );
    const copy = path.join(ws, "tagfit (Ben's conflicted copy 2026-11-20).json");
    const current = (await loadSettings(path.join(ws, 'tagfit.json')))!;
    await writeFile(copy, JSON.stringify({ ...current, pages: 3 }));

    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const runs = await a.value('history:list', {});
    expect(runs.map((r) => [r.id, r.device])).toEqual([
      ['2026-11-20T09-00-00Z', undefined],
      ['2026-11-20T10-00-00Z--ben-laptop', 'Ben laptop'],
    ]);

    const check = await a.value('workspace:check', {});
    expect(check.conflicts).toBe(1);
    expect(check.findings).toEqual([
      {
        kind: 'conflict',
        path: copy,
        fix: 'merge',
        message: `${copy} is a copy Dropbox made of ${path.join(ws, 'tagfit.json')} (from Ben): merged field by field (workspace check --fix).`,
      },
    ]);
    const fixed = await a.value('workspace:check', { fix: true });
    expect(fixed.conflicts).toBe(0);
    expect(fixed.merged).toEqual([expect.stringContaining(`${copy}: merged field by field`)]);
    expect((await a.value('workspace:get', {}))!.settings.pages).toBe(3);
    expect(await readdir(path.join(ws, 'data', 'merged'))).toEqual([path.basename(copy)]);
  });

  it("a settings save applies only the fields it changed: another computer's change synced meanwhile is kept", async () => {
    const ws = await bed.workspace(TAGS);
    const a = await bed.app();
    const view = (await a.value('workspace:open', { dir: ws }))!;
    // Ben's laptop adds an own account; the sync brings his tagfit.json here while the app is open.
    const file = path.join(ws, 'tagfit.json');
    await writeFile(file, JSON.stringify({ ...(await loadSettings(file)), ownAccounts: ['acmeofficial'] }));
    await a.value('settings:save-workspace', { settings: { ...view.settings, windowDays: 10 } });
    expect(await loadSettings(file)).toMatchObject({ windowDays: 10, ownAccounts: ['acmeofficial'] });
  });

  it("another computer's lock: opening is refused naming it; Break the lock (breakLock) opens it", async () => {
    const ws = await bed.workspace(TAGS);
    const note = path.join(ws, 'data', 'locks', 'ben-laptop.json');
    await mkdir(path.dirname(note), { recursive: true });
    await writeFile(
      note,
      JSON.stringify({
        app: 'cli',
        pid: 99,
        host: 'bens-mac',
        since: '2026-11-20T08:00:00Z',
        token: 't',
        deviceName: 'Ben laptop',
      }),
    );
    const a = await bed.app();
    const refused = await a.call('workspace:open', { dir: ws });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(!refused.ok && refused.error.message).toContain(
      'since 2026-11-20T08:00:00Z, on device "Ben laptop". That is another computer',
    );
    const opened = await a.value('workspace:open', { dir: ws, breakLock: true });
    expect(opened).toMatchObject({ readOnly: false });
    expect((await readdir(path.dirname(note))).filter((f) => f.endsWith('.json'))).not.toContain(
      'ben-laptop.json',
    );
  });
});
