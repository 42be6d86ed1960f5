// Shared-drive safety, the pure parts: sync clients' conflicted-copy names, settings merged field by field, and
// the device id that names a computer's own files.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileCache } from '../../src/core/workspace/cache';
import { DEVICE_ID, deviceSlug, thisDevice } from '../../src/core/workspace/device';
import { createWorkspaceCache } from '../../src/core/workspace/device-cache';
import { conflictOf } from '../../src/core/workspace/sync/conflict-names';
import { applyEdit, changedFields, mergeSettingsCopies } from '../../src/core/workspace/sync/settings-merge';

describe('conflicted copies are recognised by name', () => {
  it.each([
    ["tagfit (Anna's conflicted copy 2026-12-06).json", 'tagfit.json', 'dropbox', 'Anna', '2026-12-06'],
    ['tags (conflicted copy 2026-12-06).csv', 'tags.csv', 'dropbox', undefined, '2026-12-06'],
    ['tagfit (Ben’s conflicted copy 2026-12-06 (1)).json', 'tagfit.json', 'dropbox', 'Ben', '2026-12-06'],
    [
      "2026-12-06T10-00-00Z--anna (Ben's conflicted copy 2026-12-06).json",
      '2026-12-06T10-00-00Z--anna.json',
      'dropbox',
      'Ben',
      '2026-12-06',
    ],
    ['tagfit-LAPTOP-7.json', 'tagfit.json', 'onedrive', 'LAPTOP-7', undefined],
    ['tags-DESKTOP4F3K.csv', 'tags.csv', 'onedrive', 'DESKTOP4F3K', undefined],
    ['tagfit (1).json', 'tagfit.json', 'google-drive', undefined, undefined],
    ['creators (2).csv', 'creators.csv', 'google-drive', undefined, undefined],
    [
      'tagfit.sync-conflict-20261206-101010-ABCDEF7.json',
      'tagfit.json',
      'syncthing',
      'ABCDEF7',
      '2026-12-06',
    ],
    [
      `${'a'.repeat(64)}.sync-conflict-20261206-101010-ABCDEF.json`,
      `${'a'.repeat(64)}.json`,
      'syncthing',
      'ABCDEF',
      '2026-12-06',
    ],
  ])('%s is a copy of %s (%s)', (name, original, client, device, date) => {
    expect(conflictOf(name)).toEqual({
      original,
      client,
      ...(device ? { device } : {}),
      ...(date ? { date } : {}),
    });
  });

  it.each([
    'tags (draft).csv', // a person's own list, a word in brackets
    'tags-old.csv', // a person's own list, a lower-case suffix
    'notes (1).txt', // not a Tagfit file
    'my-list.csv',
    'tagfit.json',
    '2026-12-06T10-00-00Z--anna.json', // a run named by its device: its dashes are no OneDrive suffix
    '2026-12-06T10-00-00Z-2--laptop-b.json',
    'US-2026-12-06.md',
    'US-2026-12-06 (1).md', // Tagfit's own alternate name while Excel holds the report
    'summary-2026-12-06-partial.svg',
    `${'a'.repeat(64)}.json`,
    'conflicted copy.json',
  ])('%s is not a conflicted copy', (name) => {
    expect(conflictOf(name)).toBeUndefined();
  });
});

describe('settings merged field by field', () => {
  it('an edit applies only the fields it changed to the file as it is now', () => {
    const base = { version: 1, preset: 'organic', windowDays: 14 };
    const edited = { version: 1, preset: 'organic', windowDays: 7 };
    // Meanwhile another computer changed the preset and added own accounts.
    const now = { version: 1, preset: 'paid', windowDays: 14, ownAccounts: ['acme'] };
    expect(changedFields(base, edited)).toEqual(['windowDays']);
    expect(applyEdit(now, base, edited)).toEqual({
      version: 1,
      preset: 'paid',
      windowDays: 7,
      ownAccounts: ['acme'],
    });
    // A field the edit removed is removed.
    expect(applyEdit(now, { ...base, pages: 3 }, edited)).not.toHaveProperty('pages');
  });

  it('two copies: fields only one sets are kept, the newer wins where they differ, and each such field is said', () => {
    const a = { version: 1, preset: 'organic', weights: { velocity: 0.5, density: 0.3 }, pages: 2 };
    const b = {
      version: 1,
      preset: 'organic',
      weights: { density: 0.3, velocity: 0.4 },
      ownAccounts: ['acme'],
    };
    const r = mergeSettingsCopies([
      { file: 'tagfit.json', value: a, mtimeMs: 1000 },
      { file: 'tagfit (B).json', value: b, mtimeMs: 2000 },
    ]);
    expect(r.merged).toEqual({
      version: 1,
      preset: 'organic',
      weights: { density: 0.3, velocity: 0.4 },
      pages: 2,
      ownAccounts: ['acme'],
    });
    expect(r.differed).toHaveLength(1);
    expect(r.differed[0]).toMatch(
      /^weights: kept .*"velocity":0\.4.* \(tagfit \(B\)\.json, the newer\); tagfit\.json had .*0\.5/,
    );
  });
});

describe('the device', () => {
  it('TAGFIT_DEVICE names it; the id is safe in a file name and never a cache shard name', async () => {
    const d = await thisDevice({ TAGFIT_DEVICE: "Anna's MacBook Pro", TAGFIT_CONFIG_DIR: '/nonexistent' });
    expect(d).toMatchObject({ id: 'anna-s-macbook-pro', name: "Anna's MacBook Pro" });
    expect(deviceSlug('ab')).toBe('device-ab');
    expect(deviceSlug('..')).toBe('device');
    for (const n of ['ab', 'Zürich-Büro', 'x'.repeat(100), 'LAPTOP-7'])
      expect(deviceSlug(n)).toMatch(DEVICE_ID);
  });

  it('without TAGFIT_DEVICE an id is made once and kept in the config folder, outside any workspace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tagfit-config-'));
    try {
      const first = await thisDevice({ TAGFIT_CONFIG_DIR: dir });
      expect(first.id).toMatch(DEVICE_ID);
      const saved = JSON.parse(await readFile(path.join(dir, 'device.json'), 'utf8'));
      expect(saved.id).toBe(first.id);
      // Another process (no in-memory copy) reads the same id back.
      const again = await thisDevice({ TAGFIT_CONFIG_DIR: dir, TAGFIT_DEVICE: '' });
      expect(again.id).toBe(first.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the answer cache on a shared drive', () => {
  it("writes only this device's folder; reads the others' and the older flat layout; the newer answer wins", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'tagfit-cache-'));
    try {
      const anna = { id: 'anna', name: 'Anna' };
      const ben = { id: 'ben', name: 'Ben' };
      // An answer from before devices (data/cache/<shard>/), one of Ben's, and one both have (Ben's newer).
      await createFileCache(root).set('/old', { fetchedAt: 1_000, body: 'old' });
      const bens = await createWorkspaceCache(root, { device: ben });
      await bens.set('/ben', { fetchedAt: 2_000, body: 'ben' });
      await bens.set('/both', { fetchedAt: 5_000, body: 'ben-newer' });
      const annas = await createWorkspaceCache(root, { device: anna });
      await annas.set('/both', { fetchedAt: 4_000, body: 'anna-older' });
      expect((await annas.get('/old'))?.body).toBe('old');
      expect((await annas.get('/ben'))?.body).toBe('ben');
      expect((await annas.get('/both'))?.body).toBe('ben-newer');
      expect(await annas.has('/ben', 1_000, 2_500)).toBe(true);
      // Anna's folder holds only what Anna wrote; Ben's is untouched by her.
      expect((await annas.stats()).entries).toBe(1);
      expect((await bens.stats()).entries).toBe(2);
      expect((await readdir(root)).filter((d) => !/^[0-9a-f]{2}$/.test(d)).sort()).toEqual(['anna', 'ben']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
