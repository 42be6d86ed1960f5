// The three input lists: tolerant of spreadsheet habits, strict about values, precise about lines.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TagfitError } from '../../src/core/errors';
import {
  parseCreatorList,
  parseRegionList,
  parseTagList,
  readCreatorList,
  readRegionList,
  readTagList,
} from '../../src/core/input/csv-lists';
import { thrownTagfitError } from '../support/errors';

const thrownInput = (fn: () => unknown) => thrownTagfitError(fn, 'input');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

async function rejection(p: Promise<unknown>): Promise<TagfitError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TagfitError);
  expect((e as TagfitError).code).toBe('input');
  return e as TagfitError;
}

describe('parseTagList', () => {
  it('reads a plain list', () => {
    expect(parseTagList('tag\nsmallbusinesscheck\nfounderlife\n', 'tags.csv')).toEqual({
      values: ['smallbusinesscheck', 'founderlife'],
      merged: [],
      errors: [],
    });
  });

  it('tolerates a BOM, CRLF, blank lines, spaces, # prefixes and case', () => {
    const r = parseTagList('\uFEFFTag\r\n\r\n  #SmallBusiness  \r\n#FounderLife\r\n\r\n', 'tags.csv');
    expect(r.values).toEqual(['smallbusiness', 'founderlife']);
    expect(r.errors).toEqual([]);
  });

  it('matches the header case-insensitively and allows extra columns in any order', () => {
    const r = parseTagList('note, TAG ,owner\n"likes, comments",#one,me\nx,two\n', 'tags.csv');
    expect(r.values).toEqual(['one', 'two']);
  });

  it('reads semicolon-separated files (Excel in many locales)', () => {
    expect(parseTagList('note;tag\nx;#one\n', 'tags.csv').values).toEqual(['one']);
  });

  it('reads quoted fields with commas and newlines in other columns, with the right line numbers', () => {
    const r = parseTagList('tag,note\r\n#one,"first\r\nsecond"\r\n\r\nbad tag,x\r\n', 'tags.csv');
    expect(r.values).toEqual(['one']);
    expect(r.errors).toEqual([
      { file: 'tags.csv', line: 5, column: 'tag', reason: expect.stringContaining('a space') },
    ]);
  });

  it('keeps emoji-free tags in any script and NFC-normalises them', () => {
    const decomposed = 'cafe\u0301'; // "café" with a combining accent
    const r = parseTagList(`tag\n中文标签\nनमस्ते\n${decomposed}\nÇA_VA_2026\n`, 'tags.csv');
    expect(r.values).toEqual(['中文标签', 'नमस्ते', 'caf\u00e9', 'ça_va_2026']);
    expect(r.errors).toEqual([]);
  });

  it('rejects what cannot be a hashtag with file, line, column and reason, and keeps the rest', () => {
    const text = [
      'tag',
      'good',
      'small business',
      'hi!',
      'fun😀',
      '##double',
      'x'.repeat(101),
      'under_score',
      'a-b',
      '1️⃣',
    ].join('\n');
    const r = parseTagList(text, 'my tags.csv');
    expect(r.values).toEqual(['good', 'under_score']);
    expect(r.errors.map((e) => [e.line, e.column, e.file])).toEqual([
      [3, 'tag', 'my tags.csv'],
      [4, 'tag', 'my tags.csv'],
      [5, 'tag', 'my tags.csv'],
      [6, 'tag', 'my tags.csv'],
      [7, 'tag', 'my tags.csv'],
      [9, 'tag', 'my tags.csv'],
      [10, 'tag', 'my tags.csv'],
    ]);
    const reasons = r.errors.map((e) => e.reason);
    expect(reasons[0]).toMatch(/"small business" is not a hashtag: contains a space/);
    expect(reasons[1]).toMatch(/contains "!"/);
    expect(reasons[2]).toMatch(/emoji/);
    expect(reasons[3]).toMatch(/more than one leading "#"/);
    expect(reasons[4]).toMatch(/longer than 100/);
    expect(reasons[5]).toMatch(/contains "-"/);
  });

  it('accepts a 100-character tag', () => {
    expect(parseTagList(`tag\n${'a'.repeat(100)}\n`, 't').values).toHaveLength(1);
  });

  it('merges duplicates (after normalising) and reports their lines', () => {
    const r = parseTagList('tag\nfyp\n#FYP\nother\n fyp \n', 'tags.csv');
    expect(r.values).toEqual(['fyp', 'other']);
    expect(r.merged).toEqual([{ value: 'fyp', lines: [2, 3, 5] }]);
  });

  it('reports an empty cell or a missing column in a row', () => {
    const r = parseTagList('note,tag\nx,\ny\nz,ok\n', 'tags.csv');
    expect(r.values).toEqual(['ok']);
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, expect.stringContaining('empty hashtag')],
      [3, expect.stringContaining('no "tag" cell')],
    ]);
  });

  it('skips rows of empty cells that spreadsheets leave behind', () => {
    expect(parseTagList('tag,note\none,\n,\n,,\ntwo,\n', 't')).toEqual({
      values: ['one', 'two'],
      merged: [],
      errors: [],
    });
  });

  it('does not let an unclosed quote swallow the rest of the file', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `tag${i}`);
    const r = parseTagList(['tag', 'first', '"broken', ...rows].join('\n'), 'tags.csv');
    expect(r.values).toEqual(['first', ...rows]);
    expect(r.errors).toEqual([
      { file: 'tags.csv', line: 3, column: 'tag', reason: expect.stringContaining('quote') },
    ]);
  });

  it('fails on a wrong or missing header, naming the file, line 1 and the expected column', () => {
    const wrong = thrownInput(() => parseTagList('hashtag\nfoo\n', 'tags.csv'));
    expect(wrong.message).toBe(
      'tags.csv line 1: expected a header with a column named "tag", found "hashtag".',
    );
    expect(wrong.details).toMatchObject({ file: 'tags.csv', line: 1, column: 'tag' });
    // a list without a header: its first value is taken as the header, which is not "tag"
    expect(thrownInput(() => parseTagList('smallbusiness\nfounderlife\n', 'tags.csv')).message).toContain(
      'line 1',
    );
  });

  it('fails on an empty file or a file of blank lines', () => {
    expect(thrownInput(() => parseTagList('', 'tags.csv')).message).toContain('tags.csv is empty');
    expect(thrownInput(() => parseTagList('\uFEFF\r\n  \r\n', 'tags.csv')).message).toContain(
      'tags.csv is empty',
    );
  });

  it('fails on text with NUL characters', () => {
    expect(thrownInput(() => parseTagList('tag\n\u0000\u0001', 'x.csv')).message).toContain(
      'not a text file',
    );
  });

  it('returns no values and no errors for a header alone', () => {
    expect(parseTagList('tag\n', 't')).toEqual({ values: [], merged: [], errors: [] });
  });

  it('parses 10,000 rows, every one in order, with quoted commas and CRLF (its speed: npm run bench -- --speed)', () => {
    const text = `tag,note\n${Array.from({ length: 10_000 }, (_, i) => `#Tag${i},"note, ${i}"`).join('\r\n')}\r\n`;
    const r = parseTagList(text, 'big.csv');
    expect(r.errors).toEqual([]);
    expect(r.merged).toEqual([]);
    expect(r.values).toEqual(Array.from({ length: 10_000 }, (_, i) => `tag${i}`));
  });
});

describe('parseCreatorList', () => {
  it('drops @, lowercases, and checks TikTok username rules', () => {
    const r = parseCreatorList(
      [
        'Unique_ID',
        '@Acme_Designs',
        'studio.north',
        'a',
        'x'.repeat(25),
        'bad name',
        'josé',
        'y'.repeat(24),
        '@@twice',
      ].join('\n'),
      'creators.csv',
    );
    expect(r.values).toEqual(['acme_designs', 'studio.north', 'y'.repeat(24)]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'unique_id'],
      [5, 'unique_id'],
      [6, 'unique_id'],
      [7, 'unique_id'],
      [9, 'unique_id'],
    ]);
    expect(r.errors[0]!.reason).toMatch(/1 character long/);
    expect(r.errors[1]!.reason).toMatch(/25 characters long/);
    expect(r.errors[2]!.reason).toMatch(/a space/);
  });

  it('merges duplicates that differ in case or @', () => {
    expect(parseCreatorList('unique_id\nacme\n@ACME\n', 'c').merged).toEqual([
      { value: 'acme', lines: [2, 3] },
    ]);
  });

  it('wants a unique_id column', () => {
    expect(thrownInput(() => parseCreatorList('username\nacme\n', 'creators.csv')).message).toContain(
      '"unique_id"',
    );
  });
});

describe('parseRegionList', () => {
  it('uppercases codes, merges duplicates and rejects anything but two letters', () => {
    const r = parseRegionList('CODE,name\nus,United States\n br \nUSA\nU1\nUS\n', 'regions.csv');
    expect(r.values).toEqual(['US', 'BR']);
    expect(r.merged).toEqual([{ value: 'US', lines: [2, 6] }]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'code'],
      [5, 'code'],
    ]);
    expect(r.errors[0]!.reason).toContain('"USA" is not a region code');
  });
});

describe('read*List from files', () => {
  it('reads each kind of list from disk', async () => {
    expect((await readTagList(await file('tags.csv', '\uFEFFtag\r\n#One\r\n'))).values).toEqual(['one']);
    expect((await readCreatorList(await file('creators.csv', 'unique_id\n@Acme\n'))).values).toEqual([
      'acme',
    ]);
    expect((await readRegionList(await file('regions.csv', 'code\nde\n'))).values).toEqual(['DE']);
  });

  it('names the file in errors of rows', async () => {
    const p = await file('rows.csv', 'tag\nbad tag\n');
    expect((await readTagList(p)).errors[0]!.file).toBe(p);
  });

  it('fails clearly on an empty file', async () => {
    const p = await file('empty.csv', '');
    const e = await rejection(readTagList(p));
    expect(e.message).toBe(`${p} is empty: expected a CSV list.`);
  });

  it('fails clearly on a file that cannot be read', async () => {
    const missing = path.join(dir, 'missing.csv');
    expect((await rejection(readTagList(missing))).message).toBe(`Cannot read ${missing}: no such file.`);
    const folder = path.join(dir, 'folder.csv');
    await mkdir(folder);
    expect((await rejection(readTagList(folder))).message).toContain('it is a folder');
  });

  it('fails clearly on a file that is not text', async () => {
    const png = await file(
      'image.csv',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    expect((await rejection(readTagList(png))).message).toContain(`${png} is not a text file`);
    const utf16 = await file('utf16.csv', Buffer.from('\uFEFFtag\r\nfoo\r\n', 'utf16le'));
    expect((await rejection(readTagList(utf16))).message).toContain('UTF-16');
    const latin1 = await file('latin1.csv', Buffer.from('tag\ncaf\xe9\n', 'latin1'));
    expect((await rejection(readTagList(latin1))).message).toContain('not UTF-8');
  });

  it('reads a 10,000-row file whole, every row in order (its speed: npm run bench -- --speed)', async () => {
    const p = await file(
      'big.csv',
      `tag\n${Array.from({ length: 10_000 }, (_, i) => `#tag_${i}`).join('\n')}\n`,
    );
    const r = await readTagList(p);
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual(Array.from({ length: 10_000 }, (_, i) => `tag_${i}`));
  });
});
