// The demo dataset: deterministic, realistic in shape, and consistent with the demo CSVs in resources/demo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDemoDataset,
  createGenerator,
  DATASET_EPOCH,
  demoInputCsvs,
  lookupKey,
  type DatasetTag,
} from '../../src/core/simulator/index';

const ds = buildDemoDataset();
const gen = createGenerator(ds);
const WEEK = 7 * 86_400_000;
const NOW = DATASET_EPOCH + 2 * 86_400_000 + 5 * 3_600_000 + 1234;
const ordinary = ds.tags.filter((t) => t.shape !== 'edge');
const byName = (name: string): DatasetTag => {
  const t = gen.findTag(name);
  if (!t) throw new Error(`no tag ${name}`);
  return t;
};
const readCsv = (name: string): string[] =>
  readFileSync(path.resolve('resources/demo', name), 'utf8').trim().split('\n').slice(1);

describe('buildDemoDataset', () => {
  it('is deterministic', () => {
    expect(buildDemoDataset()).toEqual(ds);
    expect(ds.epoch).toBe(Date.parse('2026-11-02T00:00:00Z'));
  });

  it('has ~25 uppercase regions including the big markets', () => {
    const codes = Object.keys(ds.regions);
    expect(codes.length).toBeGreaterThanOrEqual(24);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{2}$/);
    for (const c of [
      'US',
      'GB',
      'DE',
      'FR',
      'BR',
      'ID',
      'JP',
      'MX',
      'IN',
      'ES',
      'IT',
      'CA',
      'AU',
      'KR',
      'TR',
      'SA',
    ]) {
      expect(ds.regions[c]).toBeTruthy();
    }
  });

  it('has 40+ ordinary hashtags of every shape, unique ids and lookup names', () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(40);
    const shapes = new Set(ordinary.map((t) => t.shape));
    for (const s of [
      'surging',
      'steady',
      'dead',
      'mega',
      'commercial',
      'shadow-limited',
      'empty',
      'niche',
      'regional',
      'emerging',
      'declining',
    ]) {
      expect(shapes).toContain(s);
    }
    expect(new Set(ds.tags.map((t) => t.id)).size).toBe(ds.tags.length);
    const keys = ds.tags.flatMap((t) => [t.name, ...t.aliases].map(lookupKey));
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of ['fyp', 'foryou', 'viral', 'foryoupage'])
      expect(byName(m).base.viewCount).toBeGreaterThanOrEqual(1e10);
    expect(ordinary.some((t) => t.isCommerce)).toBe(true);
    for (const n of ['美食', 'café', 'comida_caseira', 'طبخ', '먹방']) expect(gen.findTag(n)).toBeDefined();
    expect(gen.findTag('cafe\u0301')?.name).toBe('café'); // NFD input finds the NFC name
  });

  it('serves 3 full pages in every region for many tags, and fewer for a realistic share', () => {
    const codes = Object.keys(ds.regions);
    const full = ordinary.filter((t) => codes.every((r) => gen.posts(t, r, NOW).length >= 90));
    const short = ordinary.filter((t) => codes.some((r) => gen.posts(t, r, NOW).length < 90));
    expect(full.length).toBeGreaterThanOrEqual(25);
    expect(short.length).toBeGreaterThanOrEqual(10);
    expect(gen.posts(byName('ghostkitchenreview'), 'US', NOW)).toEqual([]);
    expect(gen.posts(byName('comida_caseira'), 'BR', NOW).length).toBeGreaterThanOrEqual(90);
    expect(gen.posts(byName('comida_caseira'), 'US', NOW)).toEqual([]);
    const shadow = gen.posts(byName('quickweightloss'), 'US', NOW);
    expect(shadow.length).toBeLessThan(10);
    expect(shadow.every((v) => v.create_time < NOW / 1000 - 30 * 86_400)).toBe(true);
  });

  it('generates posts from (tag, region, hour): same hour same posts, ages before the clock', () => {
    const t = byName('designtok');
    const a = gen.posts(t, 'US', NOW);
    const b = createGenerator(buildDemoDataset()).posts(t, 'US', NOW + 60_000);
    expect(b).toEqual(a);
    expect(a.every((v) => v.create_time <= NOW / 1000)).toBe(true);
    expect(new Set(a.map((v) => v.video_id)).size).toBe(a.length);
    expect(a[0]?.title).toContain('#designtok');
  });

  it('has heavy-tailed likes: a viral post far above the median somewhere', () => {
    const ratios = ordinary
      .filter((t) => t.posts >= 90)
      .map((t) => {
        const likes = gen
          .posts(t, 'US', NOW)
          .map((v) => v.digg_count)
          .sort((x, y) => x - y);
        return (likes.at(-1) ?? 0) / Math.max(1, likes[Math.floor(likes.length / 2)] ?? 1);
      });
    expect(ratios.filter((r) => r >= 100).length).toBeGreaterThanOrEqual(3);
  });

  it('moves the emerging tag from ~0.2 to ~0.7 recent share over three weeks, and the declining one down', () => {
    const emerging = ordinary.find((t) => t.shape === 'emerging') as DatasetTag;
    expect(gen.recentShare(emerging, undefined, DATASET_EPOCH)).toBeCloseTo(0.2, 2);
    expect(gen.recentShare(emerging, undefined, DATASET_EPOCH + 3 * WEEK)).toBeCloseTo(0.7, 2);
    const declining = byName('hustleculture');
    expect(gen.recentShare(declining, undefined, DATASET_EPOCH + 3 * WEEK)).toBeLessThan(
      gen.recentShare(declining, undefined, DATASET_EPOCH),
    );
  });

  it('grows lifetime counts with time, saturating, and not at all for dead tags', () => {
    const t = byName('founderlife');
    const c0 = gen.challenge(t, DATASET_EPOCH);
    const c1 = gen.challenge(t, DATASET_EPOCH + WEEK);
    const far = gen.challenge(t, DATASET_EPOCH + 1000 * WEEK);
    expect(c0.user_count).toBe(t.base.userCount);
    expect(c1.user_count).toBeGreaterThan(c0.user_count);
    expect(far.user_count).toBeLessThanOrEqual(t.base.userCount * t.saturation);
    const dead = byName('mannequinchallenge');
    expect(gen.challenge(dead, DATASET_EPOCH + 10 * WEEK).user_count).toBe(dead.base.userCount);
  });

  it('puts target creators in some tags far more than others', () => {
    const creators = new Set(ds.creators);
    const share = (name: string): number => {
      const posts = gen.posts(byName(name), 'US', NOW).slice(0, 90);
      return posts.filter((v) => creators.has(v.author.unique_id)).length / posts.length;
    };
    expect(share('saasmarketing')).toBeGreaterThan(0.15);
    expect(share('fyp')).toBeLessThan(0.03);
    expect(share('zestcolachallenge')).toBe(0);
  });

  it('has the edge hashtags the fault tests need, none of them in the demo list', () => {
    const demo = new Set(ds.demo.tags.map((t) => lookupKey(t.replace(/^#/, ''))));
    for (const n of [
      'brokenfields',
      'cursorloop',
      'emptymore',
      'duppages',
      'csvinject',
      'pipe|tag',
      'newlinetag',
      'rtltag',
      'casemismatch',
    ]) {
      const t = byName(n);
      expect(t.shape).toBe('edge');
      expect(demo.has(lookupKey(t.name))).toBe(false);
    }
    expect(byName('csvinject').name).toBe('=cmd|calc');
    expect(byName('rtltag').name).toMatch(/[\u200B\u202E]/);
    expect(byName('casemismatch').name).not.toBe('casemismatch');
    const broken = gen.posts(byName('brokenfields'), 'US', NOW) as unknown as Record<string, unknown>[];
    expect(broken.some((v) => !('digg_count' in v))).toBe(true);
    expect(broken.some((v) => typeof v.digg_count === 'string')).toBe(true);
    expect(broken.some((v) => !('author' in v))).toBe(true);
    expect(broken.some((v) => (v.create_time as number) > 1e12)).toBe(true);
  });
});

describe('demo CSVs', () => {
  it('match the dataset exactly', () => {
    const csvs = demoInputCsvs(ds);
    for (const [name, text] of Object.entries(csvs)) {
      expect(readFileSync(path.resolve('resources/demo', name), 'utf8')).toBe(text);
    }
  });

  it('name existing creators and regions, and cover the interesting candidates', () => {
    const authors = new Set(ds.authors.map((a) => a.uniqueId));
    const creators = readCsv('creators.csv');
    expect(creators.length).toBe(12);
    for (const c of creators) expect(authors.has(c)).toBe(true);
    expect(readCsv('regions.csv')).toEqual(['US', 'GB', 'DE', 'BR']);
    for (const r of readCsv('regions.csv')) expect(ds.regions[r]).toBeTruthy();

    const tags = readCsv('tags.csv');
    expect(tags.length).toBeGreaterThanOrEqual(28);
    const found = tags.map((t) => gen.findTag(t.replace(/^#/, '')));
    expect(tags.some((t) => t.startsWith('#'))).toBe(true);
    expect(found.filter((t) => t === undefined).length).toBe(1);
    const keys = tags.map((t) => lookupKey(t.replace(/^#/, '')));
    expect(new Set(keys).size).toBe(keys.length - 1); // one duplicate in another case
    const shapes = found.map((t) => t?.shape);
    for (const s of ['mega', 'commercial', 'shadow-limited', 'empty', 'dead', 'emerging', 'declining'])
      expect(shapes).toContain(s);
  });
});
