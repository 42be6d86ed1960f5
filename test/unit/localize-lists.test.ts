// Declared variants (variants.csv) read with line-numbered errors, the sampled scores kept in data/localize.json,
// and the tag set taking a variant only where its sampled score beats its candidate's.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
