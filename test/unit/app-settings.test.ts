// The app's own settings: one schema, a migration from the first format, a damaged file kept aside and said.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSettingsStore, migrateAppSettings, withRecent } from '../../src/main/app-settings';
import { tempDir } from '../support/cli';

const dirs: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await d();
});
const folder = async (): Promise<string> => {
  const t = await tempDir();
  dirs.push(t.dispose);
  return t.dir;
};

describe('app settings', () => {
  it('migrates the first format ({ preset, window }) and keeps the window size', () => {
    expect(migrateAppSettings({ preset: 'paid', window: { width: 1500, height: 900 } })).toEqual({
      version: 1,
      theme: 'system',
      recentWorkspaces: [],
      lastWorkspace: null,
      exportDirs: {},
      window: { width: 1500, height: 900, maximized: false },
    });
  });

  it('a damaged file is kept aside, the defaults are used, and the user is told once', async () => {
    const dir = await folder();
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{ "version": 1, "theme": ');
    const store = createFileSettingsStore(file);
    expect(store.get().theme).toBe('system');
    expect(store.notice).toMatch(
      new RegExp(
        `^The app's settings file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} was damaged .*; it was kept as .*settings\\.json\\.damaged-\\d+ and the defaults are used\\.$`,
      ),
    );
    const aside = (await readdir(dir)).find((f) => f.startsWith('settings.json.damaged-'))!;
    expect(await readFile(path.join(dir, aside), 'utf8')).toBe('{ "version": 1, "theme": ');
  });

  it('saves what changes, atomically, and reads it back; recent workspaces are unique, newest first, at most 10', async () => {
    const dir = await folder();
    const file = path.join(dir, 'settings.json');
    const store = createFileSettingsStore(file);
    store.update({ theme: 'dark', recentWorkspaces: withRecent(['/a', '/b'], '/b') });
    await new Promise((r) => setTimeout(r, 50));
    const again = createFileSettingsStore(file);
    expect(again.get()).toMatchObject({ theme: 'dark', recentWorkspaces: ['/b', '/a'] });
    expect(again.notice).toBeNull();
    let recent: string[] = [];
    for (let i = 0; i < 15; i++) recent = withRecent(recent, `/w${i}`);
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe('/w14');
  });

  // Security pass item 10: the preview's settings were silently not saved when its data folder was missing.
  it('saves into a data folder that does not exist yet (it is created)', async () => {
    const dir = await folder();
    const file = path.join(dir, 'new', 'tagfit-web', 'settings.json');
    const store = createFileSettingsStore(file);
    store.update({ theme: 'dark' });
    await store.flushed();
    expect(existsSync(file)).toBe(true);
    expect(createFileSettingsStore(file).get().theme).toBe('dark');
    expect(store.notice).toBeNull();
  });

  it('a write that fails is reported through the notice, naming the file', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'not-a-folder'), 'x');
    const file = path.join(dir, 'not-a-folder', 'settings.json');
    const store = createFileSettingsStore(file);
    store.update({ theme: 'light' });
    await store.flushed();
    expect(store.notice).toContain(`The app's settings could not be saved to ${file}`);
    expect(store.get().theme).toBe('light');
  });
});
