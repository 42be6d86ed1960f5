// Declared variants (variants.csv) read with line-numbered errors, the sampled scores kept in data/localize.json,
// and the tag set taking a variant only where its sampled score beats its candidate's.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Equivalent } from '../../src/shared/localize';
import type { RegionPicks } from '../../src/shared/discover';
import { parseVariantList, readVariantList } from '../../src/core/input/variant-list';
import { localisePicks } from '../../src/core/localize/apply';
import { loadSampledEquivalents, saveSampledEquivalents } from '../../src/core/localize/store';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('variants.csv', () => {
  it('reads tag, region and variant in any column order and delimiter, normalised', () => {
    const r = parseVariantList(
      '\uFEFFRegion;Variant;Tag\r\nde;#KleinUnternehmen;SmallBusinessCheck\r\n\r\nfr;petitcommerce;smallbusinesscheck\r\n',
      'variants.csv',
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual([
      { tag: 'smallbusinesscheck', region: 'DE', variant: 'kleinunternehmen', line: 2 },
      { tag: 'smallbusinesscheck', region: 'FR', variant: 'petitcommerce', line: 4 },
    ]);
  });

  it('says each bad row with its file, line and column, and keeps the good ones', () => {
    const r = parseVariantList(
      'tag,region,variant\nsmallbusinesscheck,Germany,kleinunternehmen\nsmall business,DE,x\nsidehustle,MX\naitools,DE,aitools\nsidehustle,MX,ingresosextra\n',
      'ws/variants.csv',
    );
    expect(r.values.map((v) => v.variant)).toEqual(['ingresosextra']);
    expect(r.errors.map((e) => `${e.file}:${e.line}: ${e.column}`)).toEqual([
      'ws/variants.csv:2: region',
      'ws/variants.csv:3: tag',
      'ws/variants.csv:4: variant',
      'ws/variants.csv:5: variant',
    ]);
    expect(r.errors[0]!.reason).toMatch(/"Germany" is not a region code: a region code is two letters/);
    expect(r.errors[3]!.reason).toBe('#aitools is the tag itself');
  });

  it('refuses a file without the three columns, naming what it found', () => {
    expect(() => parseVariantList('tag,variant\na,b\n', 'variants.csv')).toThrow(
      /variants\.csv line 1: expected a header with the columns "tag", "region" and "variant", found "tag", "variant"/,
    );
  });

  it('declares nothing when the file is missing or empty', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-variants-'));
    dirs.push(dir);
    expect(await readVariantList(path.join(dir, 'variants.csv'))).toEqual({ values: [], errors: [] });
    await writeFile(path.join(dir, 'variants.csv'), '');
    expect(await readVariantList(path.join(dir, 'variants.csv'))).toEqual({ values: [], errors: [] });
  });
});

const eq = (over: Partial<Equivalent>): Equivalent => ({
  tag: 'smallbusinesscheck',
  region: 'DE',
  equivalent: 'kleinunternehmen',
  posts: 30,
  share: 0.4,
  shareElsewhere: 0,
  source: 'found',
  score: null,
  tagScore: null,
  ...over,
});

describe('sampled variants', () => {
  it('keeps the sampled scores in data/localize.json, replacing a pair sampled again and keeping the others', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-localize-'));
    dirs.push(dir);
    const now = new Date('2026-11-20T10:00:00Z');
    await saveSampledEquivalents(
      dir,
      [
        eq({ score: 40, tagScore: 50 }),
        eq({ region: 'FR', equivalent: 'petitcommerce', score: 20, tagScore: 60 }),
      ],
      now,
    );
    await saveSampledEquivalents(
      dir,
      [eq({ score: 78, tagScore: 41 }), eq({ region: 'MX', equivalent: 'negocioscaseros' })],
      now,
    );
    const kept = await loadSampledEquivalents(dir);
    expect(kept.map((e) => [e.region, e.score, e.tagScore])).toEqual([
      ['FR', 20, 60],
      ['DE', 78, 41],
    ]);
  });

  it('in a shared workspace each computer keeps its own file, and the newest sample of a variant wins', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tagfit-localize-'));
    dirs.push(root);
    const data = path.join(root, 'data');
    const as = async <T>(device: string, f: () => Promise<T>): Promise<T> => {
      const before = process.env.TAGFIT_DEVICE;
      process.env.TAGFIT_DEVICE = device;
      try {
        return await f();
      } finally {
        if (before === undefined) delete process.env.TAGFIT_DEVICE;
        else process.env.TAGFIT_DEVICE = before;
      }
    };
    // Laptop A samples DE and FR; laptop B, whose drive has not synced A's file yet, samples DE again later.
    await as('laptop-a', () =>
      saveSampledEquivalents(
        data,
        [
          eq({ score: 40, tagScore: 50 }),
          eq({ region: 'FR', equivalent: 'petitcommerce', score: 20, tagScore: 60 }),
        ],
        new Date('2026-11-20T10:00:00Z'),
      ),
    );
    await as('laptop-b', () =>
      saveSampledEquivalents(data, [eq({ score: 78, tagScore: 41 })], new Date('2026-11-21T10:00:00Z')),
    );
    // A then samples FR again: its file still holds its own older DE, which must not win over B's newer one.
    await as('laptop-a', () =>
      saveSampledEquivalents(
        data,
        [eq({ region: 'FR', equivalent: 'petitcommerce', score: 25, tagScore: 61 })],
        new Date('2026-11-22T10:00:00Z'),
      ),
    );
    expect((await readdir(path.join(data, 'localize'))).sort()).toEqual(['laptop-a.json', 'laptop-b.json']);
    expect(existsSync(path.join(data, 'localize.json'))).toBe(false);
    const kept = await loadSampledEquivalents(data);
    expect(kept.map((e) => [e.region, e.score, e.tagScore]).sort()).toEqual([
      ['DE', 78, 41],
      ['FR', 25, 61],
    ]);
    // What a workspace wrote before (one data/localize.json) is read too, older than either computer's.
    await writeFile(
      path.join(data, 'localize.json'),
      JSON.stringify({
        sampledAt: '2026-11-01T00:00:00Z',
        equivalents: [
          eq({ region: 'MX', equivalent: 'negocioscaseros', score: 9, tagScore: 30 }),
          eq({ score: 1, tagScore: 2 }),
        ],
      }),
    );
    expect((await loadSampledEquivalents(data)).map((e) => [e.region, e.score]).sort()).toEqual([
      ['DE', 78],
      ['FR', 25],
      ['MX', 9],
    ]);
  });

  it('reads a damaged file as none and says so', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-localize-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'localize.json'), '{ "equivalents": [ ');
    const said: string[] = [];
    expect(await loadSampledEquivalents(dir, (m) => said.push(m))).toEqual([]);
    expect(said[0]).toMatch(/localize\.json is not readable \(line 1, column \d+/);
  });
});

describe('the tag set with local variants', () => {
  const picks: RegionPicks = {
    region: 'DE',
    picks: [
      { tag: 'founderlife', candidate: 'founderlife', score: 70, reason: 'the highest score in DE' },
      {
        tag: 'smallbusinesscheck',
        candidate: 'smallbusinesscheck',
        score: 41,
        reason: 'score 41.00; reaches posts the others do not',
      },
    ],
    passedOver: [],
  };

  it('posts with the variant where its sampled score is higher, and says so', () => {
    const out = localisePicks(picks, [eq({ score: 78, tagScore: 41 })]);
    expect(out.picks[0]).toEqual(picks.picks[0]);
    expect(out.picks[1]).toMatchObject({
      tag: 'kleinunternehmen',
      candidate: 'smallbusinesscheck',
      score: 41,
    });
    expect(out.picks[1]!.reason).toMatch(
      /^in place of #smallbusinesscheck: its local variant outscores it in DE \(78\.00 against 41\.00, scored together\)/,
    );
  });

  it('keeps the candidate where the variant scores no higher, is unsampled, or is in another region', () => {
    for (const e of [eq({ score: 41, tagScore: 41 }), eq({}), eq({ region: 'FR', score: 90, tagScore: 10 })])
      expect(localisePicks(picks, [e])).toEqual(picks);
  });
});
