// Workspace folders and settings: init/open round trip, damaged and newer files kept, atomic saves.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TagfitError } from '../../src/core/errors';
import { initWorkspace, openWorkspace, saveSettings, workspacePaths } from '../../src/core/workspace/layout';
import { locateJsonError, parseJsonText } from '../../src/core/workspace/json-file';
import { defaultSettings, serializeSettings } from '../../src/core/workspace/settings';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tagfit-ws-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function storageError(p: Promise<unknown>): Promise<TagfitError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TagfitError);
  return e as TagfitError;
}

describe('initWorkspace / openWorkspace', () => {
  it('creates the layout with empty lists and default settings, and opens it again', async () => {
    const dir = path.join(tmp, 'client-a');
    const ws = await initWorkspace(dir);
    expect(ws.dir).toBe(dir);
    const p = workspacePaths(dir);
    expect(await readFile(p.tags, 'utf8')).toBe('tag\n');
    expect(await readFile(p.creators, 'utf8')).toBe('unique_id\n');
    expect(await readFile(p.regions, 'utf8')).toBe('code\n');
    for (const d of [p.reports, p.cache, p.history]) expect((await stat(d)).isDirectory()).toBe(true);
    expect(await readFile(path.join(p.cache, '.gitignore'), 'utf8')).toContain('*\n!.gitignore');
    expect(await readFile(p.settings, 'utf8')).toBe(
      [
        '{',
        '  "version": 1,',
        '  "preset": "organic",',
        '  "cacheMaxAgeHours": 24,',
        '  "infoCacheMaxAgeHours": 168,',
        '  "cacheMaxBytes": 268435456,',
        '  "velocityThreshold": 0.5,',
        '  "requestsPerMinute": 200,',
        '  "concurrency": 8,',
        '  "watch": {',
        '    "enabled": false,',
        '    "every": "week",',
        '    "day": "monday",',
        '    "hour": 9,',
        '    "rules": {',
        '      "velocityThreshold": true,',
        '      "rankMove": 5,',
        '      "scoreMove": 10,',
        '      "becameFlagged": [',
        '        "shadow-limited",',
        '        "saturated"',
        '      ],',
        '      "suggestionPosts": 5',
        '    }',
        '  },',
        '  "ownAccounts": []',
        '}',
        '',
      ].join('\n'),
    );
    const opened = await openWorkspace(dir);
    expect(opened.settings).toEqual(defaultSettings());
    expect(opened.paths).toEqual(p);
  });

  it('copies the lists from given CSVs and refuses to init twice', async () => {
    const src = path.join(tmp, 'src');
    await initWorkspace(src); // just to get a folder
    await writeFile(path.join(src, 'mytags.csv'), 'tag\nbooktok\n#cozygames\n');
    const dir = path.join(tmp, 'ws');
    await initWorkspace(dir, { from: { tags: path.join(src, 'mytags.csv') }, settings: { preset: 'paid' } });
    expect(await readFile(path.join(dir, 'tags.csv'), 'utf8')).toBe('tag\nbooktok\n#cozygames\n');
    expect((await openWorkspace(dir)).settings.preset).toBe('paid');
    const e = await storageError(initWorkspace(dir));
    expect(e.code).toBe('input');
    expect(e.message).toContain('already a Tagfit workspace');
  });

  it('a missing source list is refused before anything is written', async () => {
    const dir = path.join(tmp, 'ws');
    const e = await storageError(initWorkspace(dir, { from: { creators: path.join(tmp, 'nope.csv') } }));
    expect(e.code).toBe('input');
    expect(e.message).toContain('nope.csv');
    await expect(stat(dir)).rejects.toThrow();
  });

  it('a folder without tagfit.json is not a workspace', async () => {
    const e = await storageError(openWorkspace(tmp));
    expect(e.code).toBe('input');
    expect(e.message).toContain('tagfit.json');
  });

  it('recreates data folders missing after a clone', async () => {
    const dir = path.join(tmp, 'ws');
    await initWorkspace(dir);
    await rm(path.join(dir, 'data'), { recursive: true });
    const ws = await openWorkspace(dir);
    expect((await stat(ws.paths.history)).isDirectory()).toBe(true);
  });
});

describe('damaged and newer settings', () => {
  const write = async (text: string): Promise<string> => {
    await initWorkspace(tmp);
    const file = workspacePaths(tmp).settings;
    await writeFile(file, text);
    return file;
  };

  it('broken JSON names the path and line, and the file is kept byte-identical', async () => {
    const text = '{\n  "version": 1,\n  "preset": "seed",\n  "pages": 3\n  "pageSize": 30\n}\n';
    const file = await write(text);
    const e = await storageError(openWorkspace(tmp));
    expect(e.code).toBe('storage');
    expect(e.message).toContain(file);
    expect(e.message).toContain('line 5');
    expect(e.message).toContain('expected "," or "}"');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('a truncated file says so', async () => {
    const text = '{\n  "version": 1,\n  "preset": "se';
    const file = await write(text);
    const e = await storageError(openWorkspace(tmp));
    expect(e.message).toMatch(/line 3.*truncated/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('a wrong value names line and field; an unknown field is named too', async () => {
    const text =
      '{\n  "version": 1,\n  "preset": "seed",\n  "weights": {\n    "velocity": -1\n  },\n  "pagez": 3\n}\n';
    const file = await write(text);
    const e = await storageError(openWorkspace(tmp));
    expect(e.code).toBe('storage');
    expect(e.message).toContain(`Settings file ${file} is not valid`);
    expect(e.message).toContain('line 5, field "weights.velocity"');
    expect(e.message).toContain('line 7: unknown field pagez');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('a newer version is refused, not overwritten by open or save', async () => {
    const text = '{ "version": 2, "preset": "seed", "somethingNew": true }\n';
    const file = await write(text);
    const e = await storageError(openWorkspace(tmp));
    expect(e.code).toBe('storage');
    expect(e.message).toContain(file);
    expect(e.message).toContain('written by a newer Tagfit');
    const s = await storageError(saveSettings(tmp, defaultSettings()));
    expect(s.message).toContain('newer Tagfit');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('saving over a damaged file keeps the damaged one aside', async () => {
    const text = '{ "version": 1, ';
    const file = await write(text);
    const r = await saveSettings(tmp, { ...defaultSettings(), pages: 2 });
    expect(r.keptAside).toBeDefined();
    expect(await readFile(r.keptAside!, 'utf8')).toBe(text);
    expect((await openWorkspace(tmp)).settings.pages).toBe(2);
    expect(path.dirname(r.keptAside!)).toBe(path.dirname(file));
  });
});

describe('saveSettings', () => {
  it('writes through a temp file and a rename (new inode), in stable key order, leaving no temp file', async () => {
    const ws = await initWorkspace(tmp);
    const before = await stat(ws.paths.settings);
    await saveSettings(tmp, {
      ...ws.settings,
      concurrency: 4,
      weights: { overlap: 0.5, velocity: 0.2 },
      windowDays: 7,
    });
    const after = await stat(ws.paths.settings);
    expect(after.ino).not.toBe(before.ino);
    const text = await readFile(ws.paths.settings, 'utf8');
    expect(text.indexOf('"weights"')).toBeLessThan(text.indexOf('"windowDays"'));
    expect(text.indexOf('"velocity"')).toBeLessThan(text.indexOf('"overlap"'));
    expect((await readdir(tmp)).filter((n) => n.startsWith('tagfit.json'))).toEqual(['tagfit.json']);
    const again = await openWorkspace(tmp);
    expect(again.settings.weights).toEqual({ velocity: 0.2, overlap: 0.5 });
    expect(serializeSettings(again.settings)).toBe(text);
  });

  it('refuses invalid settings without touching the file', async () => {
    const ws = await initWorkspace(tmp);
    const before = await readFile(ws.paths.settings, 'utf8');
    const e = await storageError(saveSettings(tmp, { ...ws.settings, pageSize: 99 }));
    expect(e.code).toBe('input');
    expect(await readFile(ws.paths.settings, 'utf8')).toBe(before);
  });
});

describe('JSON error location', () => {
  it('finds the first error or none', () => {
    expect(locateJsonError('{"a": [1, 2.5e3, "x\\n", true, null]}')).toBeUndefined();
    expect(locateJsonError('{"a": }')).toMatchObject({ offset: 6 });
    expect(locateJsonError('[1,]')?.reason).toContain('expected a value');
    expect(locateJsonError('{} x')?.reason).toContain('after the end');
    const r = parseJsonText('\uFEFF{"a":1}');
    expect(r.ok).toBe(true);
  });
});
