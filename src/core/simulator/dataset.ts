// The simulator's world: regions, hashtags of many shapes, authors and target creators, built from a fixed seed.
// The tables are data (data/*.json, typed in world-data.ts); posts and counts at a given clock come from posts.ts.
import { hashtagKey } from '../../shared/hashtag';
import { digits, logNormal, mulberry32, pick, type Rng } from '../prng';
import type { Dataset, DatasetAuthor, DatasetTag } from './dataset-types';
import {
  AUTHOR_NAMES,
  CREATORS,
  DEMO_REGIONS,
  DEMO_TAGS,
  REGIONS,
  shapeDefaults,
  TAG_ENTRIES,
  THEMES,
} from './world-data';

export const DATASET_EPOCH = Date.UTC(2026, 10, 2);
const SEED = 20261102;

/** The track record's test accounts: likes that follow the tags' scores, and likes that do not. */
const OWN_ACCOUNTS = [
  ['tagfit_follows', 'follows-scores'],
  ['tagfit_random', 'independent'],
] as const satisfies readonly (readonly [string, NonNullable<DatasetAuthor['own']>])[];

/** Stable ids for ordinary tags: long numeric strings like TikTok's newer challenge ids. */
function tagId(rng: Rng): string {
  return digits(rng, String(1 + Math.floor(rng() * 7)), 16 + Math.floor(rng() * 3));
}

function secUid(rng: Rng): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = 'MS4wLjABAAAA';
  for (let i = 0; i < 52; i++) s += abc[Math.floor(rng() * abc.length)];
  return s;
}

function buildAuthors(rng: Rng): DatasetAuthor[] {
  const codes = Object.keys(REGIONS);
  const authors: DatasetAuthor[] = CREATORS.map((c) => {
    const followers = Math.round(logNormal(rng, 90_000, 0.9));
    return {
      id: digits(rng, '6', 19),
      uniqueId: c.uniqueId,
      secUid: secUid(rng),
      nickname: c.nickname,
      followers,
      following: Math.round(100 + rng() * 900),
      hearts: Math.round(followers * (8 + rng() * 20)),
      videos: Math.round(120 + rng() * 600),
      verified: rng() < 0.3,
      region: c.region,
      themes: c.themes,
    };
  });
  const seen = new Set(authors.map((a) => a.uniqueId));
  while (authors.length < CREATORS.length + 800) {
    const a = pick(rng, AUTHOR_NAMES.first);
    const b = pick(rng, AUTHOR_NAMES.second);
    const n = Math.floor(rng() * 1000);
    const form = rng();
    const uniqueId =
      form < 0.3 ? `${a}${b}` : form < 0.6 ? `${a}_${b}${n}` : form < 0.85 ? `${a}.${b}` : `${a}${n}${b}`;
    if (seen.has(uniqueId)) continue;
    seen.add(uniqueId);
    const followers = Math.round(logNormal(rng, 4_000, 1.8));
    authors.push({
      id: digits(rng, rng() < 0.5 ? '6' : '7', 19),
      uniqueId,
      secUid: secUid(rng),
      nickname: rng() < 0.2 ? `${a[0]?.toUpperCase()}${a.slice(1)} ✨` : `${a} ${b}`,
      followers,
      following: Math.round(rng() * 2000),
      hearts: Math.round(followers * (2 + rng() * 30)),
      videos: Math.round(5 + rng() * 900),
      verified: followers > 1_000_000 && rng() < 0.5,
      region: pick(rng, codes),
      themes: [pick(rng, THEMES)],
    });
  }
  return authors;
}

/** The demo world. Pure and deterministic: every call returns equal data. */
export function buildDemoDataset(): Dataset {
  const rng = mulberry32(SEED);
  const usedIds = new Set<string>();
  const tags: DatasetTag[] = TAG_ENTRIES.map(({ name, shape, id: fixedId, ...rest }) => {
    let id = fixedId ?? tagId(rng);
    while (usedIds.has(id)) id = tagId(rng);
    usedIds.add(id);
    return { id, name, shape, desc: '', ...shapeDefaults(shape), ...rest };
  });
  // The own accounts come last and draw nothing from the world's generator, so every other answer is unchanged.
  const own: DatasetAuthor[] = OWN_ACCOUNTS.map(([uniqueId, kind], i) => ({
    id: `700000000000000000${i + 1}`,
    uniqueId,
    secUid: `MS4wLjABAAAA-own-${uniqueId}`,
    nickname:
      kind === 'follows-scores' ? 'Tagfit test: likes follow the tags' : 'Tagfit test: likes at random',
    followers: 25_000,
    following: 300,
    hearts: 900_000,
    videos: 120,
    verified: false,
    region: 'US',
    themes: ['business'],
    own: kind,
  }));
  return {
    epoch: DATASET_EPOCH,
    regions: { ...REGIONS },
    tags,
    authors: [...buildAuthors(rng), ...own],
    ownAccounts: { followsScores: OWN_ACCOUNTS[0][0], independent: OWN_ACCOUNTS[1][0] },
    creators: CREATORS.map((c) => c.uniqueId),
    demo: { tags: [...DEMO_TAGS], creators: CREATORS.map((c) => c.uniqueId), regions: [...DEMO_REGIONS] },
  };
}

/** The key under which a hashtag name is looked up: NFC, lower case (what /challenge-info-name/ compares). */
export const lookupKey = hashtagKey;

/** The demo input lists as CSV text (what resources/demo/*.csv hold; a test keeps them equal). */
export function demoInputCsvs(dataset: Dataset): {
  'tags.csv': string;
  'creators.csv': string;
  'regions.csv': string;
} {
  const csv = (header: string, rows: string[]): string =>
    [header, ...rows.map((r) => (/[",\r\n]/.test(r) ? `"${r.replace(/"/g, '""')}"` : r))].join('\n') + '\n';
  return {
    'tags.csv': csv('tag', dataset.demo.tags),
    'creators.csv': csv('unique_id', dataset.demo.creators),
    'regions.csv': csv('code', dataset.demo.regions),
  };
}
