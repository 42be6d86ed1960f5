// The watch state in a shared workspace: each computer writes only data/watch/<device>.json, and every computer
// reads them all as one (an alert dismissed on one laptop is dismissed on the other; the older data/watch.json too).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWatchState, writeWatchState, type WatchState } from '../../src/core/discover/watch-job';
import { initWorkspace } from '../../src/core/workspace/layout';
import { tempDir } from '../support/cli';

const saved = process.env.TAGFIT_DEVICE;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  process.env.TAGFIT_DEVICE = saved;
  if (saved === undefined) delete process.env.TAGFIT_DEVICE;
  for (const c of cleanups.splice(0)) await c();
});

const alert = (id: string, runAt: string): WatchState['alerts'][number] => ({
  id,
  runAt,
  dismissed: false,
  alert: { rule: 'rank-move', tag: 'founderlife', region: 'US', before: 5, after: 1, message: 'up 4 places' },
});

describe('the watch state on a shared drive', () => {
  it('Anna and Ben each write a file of their own; both read one state, dismissals included', async () => {
    const t = await tempDir();
    cleanups.push(t.dispose);
    const ws = await initWorkspace(path.join(t.dir, 'client'));
    const legacy = { suggestions: ['US|old'], alerts: [alert('a0', '2026-11-01T00:00:00Z')] };
    await writeFile(path.join(ws.paths.data, 'watch.json'), JSON.stringify(legacy));

    process.env.TAGFIT_DEVICE = 'Anna';
    const a1 = alert('a1', '2026-11-20T10:00:00Z');
    await writeWatchState(ws, { suggestions: ['US|founderlife'], alerts: [a1] });
    process.env.TAGFIT_DEVICE = 'Ben';
    const seen = (await readWatchState(ws))!;
    expect(seen.alerts.map((a) => a.id)).toEqual(['a0', 'a1']);
    await writeWatchState(ws, {
      suggestions: [...seen.suggestions, 'GB|designtok'],
      alerts: seen.alerts.map((a) => (a.id === 'a1' ? { ...a, dismissed: true } : a)),
    });

    expect((await readdir(path.join(ws.paths.data, 'watch'))).sort()).toEqual(['anna.json', 'ben.json']);
    // The shared file is never written by either: it is read as it was.
    expect(JSON.parse(await readFile(path.join(ws.paths.data, 'watch.json'), 'utf8'))).toEqual(legacy);
    process.env.TAGFIT_DEVICE = 'Anna';
    const merged = (await readWatchState(ws))!;
    expect(merged.suggestions.sort()).toEqual(['GB|designtok', 'US|founderlife', 'US|old']);
    expect(merged.alerts.map((a) => [a.id, a.dismissed])).toEqual([
      ['a0', false],
      ['a1', true],
    ]);
  });
});
