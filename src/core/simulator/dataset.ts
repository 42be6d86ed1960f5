// The simulator's world: regions, hashtags of many shapes, authors and target creators, built from a fixed seed.
// Everything here is plain data; posts and lifetime counts at a given clock are derived from it in posts.ts.
import type { RegionCode } from '../../shared/model';
import { digits, logNormal, mulberry32, pick, type Rng } from '../prng';

/** How a hashtag behaves over time; tests and benchmarks use it as ground truth. */
export type TagShape =
  | 'surging'
  | 'steady'
  | 'dead'
  | 'mega'
  | 'commercial'
  | 'shadow-limited'
  | 'empty'
  | 'niche'
  | 'regional'
  | 'emerging'
  | 'declining'
  | 'edge';

/** Wire misbehaviours of the edge hashtags used by fault tests. */
export type EdgeBehaviour = 'broken-fields' | 'cursor-loop' | 'empty-more' | 'dup-pages';

/** Share of a tag's served posts younger than 14 days: `from` at the epoch, easing to `to` over `overWeeks`. */
export interface RecentShareCurve {
  from: number;
  to: number;
  overWeeks: number;
}

export interface DatasetTag {
  id: string;
  /** `cha_name` as the API spells it. */
  name: string;
  /** Other names that resolve to this tag (compared case-insensitively after NFC). */
  aliases: string[];
  desc: string;
  shape: TagShape;
  isCommerce: boolean;
  isChallenge: boolean;
  type: number;
  /** Lifetime counts at the dataset epoch. */
  base: { userCount: number; viewCount: number };
  /** Growth of the lifetime counts per week at the epoch (0.1 = +10 %); 0 for dead tags. */
  weeklyGrowth: number;
  /** Lifetime counts saturate at base × this (logistic), so far-future clocks stay plausible. */
  saturation: number;
  /** Posts served without a region, and the base for every region. */
  posts: number;
  /** null: posts in every region; otherwise the only regions with posts and their weight (1 = `posts`). */
  regions: Record<RegionCode, number> | null;
  recentShare: RecentShareCurve;
  /** Age range in days of the posts older than 14 days. */
  oldAgeDays: [number, number];
  likes: { median: number; sigma: number };
  /** Themes that draw target creators with the same theme into this tag. */
  themes: string[];
  /** Probability that a post is by a target creator of a matching theme. */
  creatorShare: number;
  /** How many ordinary authors post in the tag (smaller = more repeat authors). */
  community: number;
  behaviour?: EdgeBehaviour;
}

export interface DatasetAuthor {
  /** Numeric `user.id` as a string (what /user-posts/ takes). */
  id: string;
  uniqueId: string;
  secUid: string;
  nickname: string;
  followers: number;
  following: number;
  hearts: number;
  videos: number;
  verified: boolean;
  region: RegionCode;
  themes: string[];
  /**
   * A "user's own account" for the track record: its posts use the demo candidates, and their likes either follow
   * the tags' quality (what Tagfit's score measures) or are independent of it, so a test knows the right answer.
   */
  own?: 'follows-scores' | 'independent';
}

export interface Dataset {
  /** Epoch ms at which `base` counts hold and curves start: 2026-11-02T00:00:00Z. */
  epoch: number;
  /** Uppercase ISO code → country name, as /region-list/ answers. */
  regions: Record<RegionCode, string>;
  tags: DatasetTag[];
  /** Target creators first (same order as `creators`), then ordinary authors. */
  authors: DatasetAuthor[];
  /** unique_ids of the demo target creators. */
  creators: string[];
  /** The demo input lists (what resources/demo/*.csv hold). */
  demo: { tags: string[]; creators: string[]; regions: RegionCode[] };
  /** The two own accounts (see DatasetAuthor.own): whose likes follow the scores, whose do not. */
  ownAccounts: { followsScores: string; independent: string };
}

export const DATASET_EPOCH = Date.UTC(2026, 10, 2);
const SEED = 20261102;

const REGIONS: Record<RegionCode, string> = {
  US: 'United States',
  GB: 'United Kingdom',
  DE: 'Germany',
  FR: 'France',
  BR: 'Brazil',
  ID: 'Indonesia',
  JP: 'Japan',
  MX: 'Mexico',
  IN: 'India',
  ES: 'Spain',
  IT: 'Italy',
  CA: 'Canada',
  AU: 'Australia',
  KR: 'South Korea',
  TR: 'Turkey',
  SA: 'Saudi Arabia',
  AE: 'United Arab Emirates',
  EG: 'Egypt',
  PH: 'Philippines',
  VN: 'Vietnam',
  TH: 'Thailand',
  NL: 'Netherlands',
  PL: 'Poland',
  AR: 'Argentina',
  CO: 'Colombia',
  TW: 'Taiwan',
};

/** The demo target creators and the themes that make them show up in some tags far more than others. */
const CREATORS: { uniqueId: string; nickname: string; themes: string[]; region: RegionCode }[] = [
  { uniqueId: 'acme_designs', nickname: 'Acme Designs', themes: ['design', 'branding'], region: 'US' },
  { uniqueId: 'studio_north', nickname: 'Studio North', themes: ['design', 'ux'], region: 'GB' },
  { uniqueId: 'indiehackerlife', nickname: 'Indie Hacker Life', themes: ['startup', 'ai'], region: 'US' },
  {
    uniqueId: 'the.saas.sister',
    nickname: 'The SaaS Sister',
    themes: ['startup', 'marketing'],
    region: 'US',
  },
  { uniqueId: 'pixelandpine', nickname: 'Pixel & Pine', themes: ['design', 'desk'], region: 'DE' },
  {
    uniqueId: 'growthwithgrace',
    nickname: 'Grace | Growth',
    themes: ['marketing', 'business'],
    region: 'GB',
  },
  { uniqueId: 'brandbymarco', nickname: 'Marco Brand', themes: ['branding', 'marketing'], region: 'BR' },
  {
    uniqueId: 'foundernotes.daily',
    nickname: 'Founder Notes',
    themes: ['startup', 'business'],
    region: 'US',
  },
  { uniqueId: 'makerlena', nickname: 'Lena macht ✨', themes: ['handmade', 'business'], region: 'DE' },
  { uniqueId: 'craftandclay.co', nickname: 'Craft & Clay Co.', themes: ['handmade'], region: 'GB' },
  { uniqueId: 'deskvibes', nickname: 'desk vibes', themes: ['desk', 'productivity'], region: 'BR' },
  {
    uniqueId: 'nomad_marketer',
    nickname: 'Nomad Marketer',
    themes: ['marketing', 'productivity'],
    region: 'BR',
  },
];

type TagSpec = Partial<Omit<DatasetTag, 'id' | 'name' | 'shape'>> & { id?: string };

/** Defaults per shape; each tag then overrides what makes it itself. */
function shapeDefaults(shape: TagShape): Omit<DatasetTag, 'id' | 'name' | 'shape' | 'desc'> {
  const d: Omit<DatasetTag, 'id' | 'name' | 'shape' | 'desc'> = {
    aliases: [],
    isCommerce: false,
    isChallenge: true,
    type: 1,
    base: { userCount: 250_000, viewCount: 900_000_000 },
    weeklyGrowth: 0.02,
    saturation: 12,
    posts: 110,
    regions: null,
    recentShare: { from: 0.45, to: 0.45, overWeeks: 1 },
    oldAgeDays: [15, 120],
    likes: { median: 1800, sigma: 1.1 },
    themes: [],
    creatorShare: 0,
    community: 400,
  };
  switch (shape) {
    case 'surging':
      return {
        ...d,
        weeklyGrowth: 0.14,
        recentShare: flat(0.85),
        oldAgeDays: [15, 45],
        likes: { median: 2600, sigma: 1.1 },
      };
    case 'dead':
      return {
        ...d,
        weeklyGrowth: 0,
        posts: 55,
        recentShare: flat(0.01),
        oldAgeDays: [500, 2800],
        likes: { median: 140, sigma: 1.2 },
        community: 200,
      };
    case 'mega':
      return {
        ...d,
        weeklyGrowth: 0.004,
        saturation: 1.6,
        posts: 150,
        recentShare: flat(0.97),
        oldAgeDays: [15, 30],
        likes: { median: 350, sigma: 2.0 },
        community: 700,
      };
    case 'commercial':
      return {
        ...d,
        isCommerce: true,
        weeklyGrowth: 0.06,
        posts: 100,
        recentShare: flat(0.7),
        likes: { median: 1400, sigma: 1.0 },
      };
    case 'shadow-limited':
      return {
        ...d,
        weeklyGrowth: 0,
        posts: 7,
        recentShare: flat(0),
        oldAgeDays: [120, 700],
        likes: { median: 90, sigma: 1.0 },
        community: 50,
      };
    case 'empty':
      return { ...d, weeklyGrowth: 0, posts: 0 };
    case 'niche':
      return {
        ...d,
        weeklyGrowth: 0.03,
        posts: 42,
        recentShare: flat(0.5),
        likes: { median: 1200, sigma: 1.0 },
        community: 60,
      };
    case 'regional':
      return { ...d, posts: 100, recentShare: flat(0.5), community: 250 };
    case 'emerging':
      return {
        ...d,
        weeklyGrowth: 0.11,
        recentShare: { from: 0.2, to: 0.7, overWeeks: 3 },
        likes: { median: 2100, sigma: 1.1 },
      };
    case 'declining':
      return {
        ...d,
        weeklyGrowth: 0.004,
        recentShare: { from: 0.65, to: 0.12, overWeeks: 3 },
        likes: { median: 900, sigma: 1.1 },
      };
    case 'edge':
      return { ...d, posts: 40, community: 80 };
    default:
      return d;
  }
}

function flat(share: number): RecentShareCurve {
  return { from: share, to: share, overWeeks: 1 };
}

/** [name, shape, overrides]: the hashtags of the demo world. */
const TAGS: [string, TagShape, TagSpec][] = [
  // Business, design and startup tags: where the demo creators live.
  [
    'smallbusinesscheck',
    'steady',
    {
      desc: 'Show your small business',
      base: { userCount: 482_301, viewCount: 1_820_000_000 },
      weeklyGrowth: 0.03,
      likes: { median: 8000, sigma: 1.0 },
      themes: ['business', 'handmade'],
      creatorShare: 0.22,
    },
  ],
  [
    'founderlife',
    'surging',
    {
      desc: 'The life of a founder',
      base: { userCount: 61_200, viewCount: 310_000_000 },
      themes: ['startup', 'business'],
      creatorShare: 0.25,
    },
  ],
  [
    'saasmarketing',
    'niche',
    {
      desc: 'Marketing software',
      base: { userCount: 8_450, viewCount: 41_000_000 },
      themes: ['startup', 'marketing'],
      creatorShare: 0.35,
      posts: 48,
    },
  ],
  [
    'buildinpublic',
    'surging',
    {
      desc: 'Building in public',
      base: { userCount: 22_900, viewCount: 96_000_000 },
      posts: 75,
      themes: ['startup', 'ai'],
      creatorShare: 0.3,
      community: 120,
    },
  ],
  [
    'aitools',
    'surging',
    {
      desc: 'AI tools worth knowing',
      base: { userCount: 390_000, viewCount: 4_100_000_000 },
      weeklyGrowth: 0.09,
      themes: ['ai', 'productivity'],
      creatorShare: 0.12,
      likes: { median: 3400, sigma: 1.2 },
    },
  ],
  [
    'designtok',
    'steady',
    {
      desc: 'Design on TikTok',
      base: { userCount: 128_000, viewCount: 780_000_000 },
      themes: ['design', 'branding'],
      creatorShare: 0.28,
      likes: { median: 2300, sigma: 1.0 },
    },
  ],
  [
    'uxdesign',
    'niche',
    {
      desc: 'User experience design',
      base: { userCount: 14_800, viewCount: 66_000_000 },
      themes: ['ux', 'design'],
      creatorShare: 0.3,
      posts: 52,
    },
  ],
  [
    'brandingtips',
    'steady',
    {
      desc: 'Branding tips',
      base: { userCount: 44_100, viewCount: 205_000_000 },
      themes: ['branding', 'marketing'],
      creatorShare: 0.2,
      recentShare: flat(0.55),
    },
  ],
  [
    'desksetup',
    'surging',
    {
      desc: 'Desk setups',
      base: { userCount: 211_000, viewCount: 2_300_000_000 },
      themes: ['desk'],
      creatorShare: 0.15,
      likes: { median: 5200, sigma: 1.2 },
    },
  ],
  [
    'productivityhacks',
    'steady',
    {
      desc: 'Productivity hacks',
      base: { userCount: 301_000, viewCount: 2_900_000_000 },
      themes: ['productivity'],
      creatorShare: 0.08,
      likes: { median: 1500, sigma: 1.2 },
    },
  ],
  [
    'sidehustle',
    'steady',
    {
      desc: 'Side hustles',
      base: { userCount: 1_250_000, viewCount: 12_400_000_000 },
      themes: ['business'],
      creatorShare: 0.05,
      recentShare: flat(0.6),
      likes: { median: 900, sigma: 1.4 },
      community: 700,
    },
  ],
  [
    'marketingtips',
    'steady',
    {
      desc: 'Marketing tips',
      base: { userCount: 355_000, viewCount: 3_300_000_000 },
      themes: ['marketing'],
      creatorShare: 0.15,
    },
  ],
  [
    'startuplife',
    'steady',
    {
      desc: 'Startup life',
      base: { userCount: 97_000, viewCount: 640_000_000 },
      themes: ['startup'],
      creatorShare: 0.12,
      recentShare: flat(0.4),
    },
  ],
  [
    'womeninbusiness',
    'steady',
    {
      desc: 'Women in business',
      base: { userCount: 410_000, viewCount: 3_800_000_000 },
      themes: ['business', 'marketing'],
      creatorShare: 0.12,
      likes: { median: 2700, sigma: 1.0 },
    },
  ],
  [
    'contentcreatortips',
    'declining',
    {
      desc: 'Tips for creators',
      base: { userCount: 188_000, viewCount: 1_400_000_000 },
      themes: ['marketing'],
      creatorShare: 0.1,
    },
  ],
  [
    'entrepreneurlife',
    'steady',
    {
      desc: 'Entrepreneur life',
      base: { userCount: 702_000, viewCount: 6_900_000_000 },
      weeklyGrowth: 0.001,
      recentShare: flat(0.22),
      themes: ['business'],
      creatorShare: 0.06,
      likes: { median: 600, sigma: 1.3 },
    },
  ],
  [
    'homeoffice',
    'steady',
    {
      desc: 'Working from home',
      base: { userCount: 520_000, viewCount: 4_200_000_000 },
      weeklyGrowth: 0.004,
      recentShare: flat(0.3),
      themes: ['desk'],
      creatorShare: 0.04,
    },
  ],
  [
    'handmadejewelry',
    'niche',
    {
      desc: 'Handmade jewelry',
      base: { userCount: 31_000, viewCount: 150_000_000 },
      themes: ['handmade'],
      creatorShare: 0.3,
      posts: 45,
      likes: { median: 2200, sigma: 1.0 },
    },
  ],
  [
    'pottery',
    'steady',
    {
      desc: 'Pottery',
      base: { userCount: 290_000, viewCount: 5_100_000_000 },
      themes: ['handmade'],
      creatorShare: 0.1,
      likes: { median: 6100, sigma: 1.1 },
    },
  ],
  [
    'knitting',
    'niche',
    {
      desc: 'Knitting',
      base: { userCount: 88_000, viewCount: 1_100_000_000 },
      posts: 57,
      themes: ['handmade'],
      creatorShare: 0.08,
    },
  ],
  [
    'deinfluencing',
    'steady',
    {
      desc: 'Deinfluencing',
      base: { userCount: 150_000, viewCount: 1_900_000_000 },
      weeklyGrowth: 0.01,
      recentShare: flat(0.35),
      creatorShare: 0,
    },
  ],
  [
    'slowproductivity',
    'emerging',
    {
      desc: 'Slow productivity',
      base: { userCount: 5_900, viewCount: 24_000_000 },
      themes: ['productivity', 'desk'],
      creatorShare: 0.18,
    },
  ],
  [
    'hustleculture',
    'declining',
    {
      desc: 'Hustle culture',
      base: { userCount: 260_000, viewCount: 2_600_000_000 },
      themes: ['business'],
      creatorShare: 0.04,
    },
  ],
  // General-interest tags.
  [
    'booktok',
    'steady',
    {
      desc: 'Books on TikTok',
      base: { userCount: 4_900_000, viewCount: 210_000_000_000 },
      weeklyGrowth: 0.008,
      saturation: 2,
      posts: 140,
      recentShare: flat(0.7),
      likes: { median: 4300, sigma: 1.5 },
      community: 700,
    },
  ],
  [
    'cleantok',
    'steady',
    {
      desc: 'Cleaning',
      base: { userCount: 1_700_000, viewCount: 31_000_000_000 },
      weeklyGrowth: 0.006,
      saturation: 2,
    },
  ],
  [
    'studywithme',
    'steady',
    {
      desc: 'Study with me',
      base: { userCount: 880_000, viewCount: 9_800_000_000 },
      themes: ['productivity'],
      creatorShare: 0.03,
    },
  ],
  [
    'aiart',
    'surging',
    {
      desc: 'AI art',
      base: { userCount: 940_000, viewCount: 14_000_000_000 },
      weeklyGrowth: 0.07,
      themes: ['ai', 'design'],
      creatorShare: 0.05,
      likes: { median: 1900, sigma: 1.4 },
    },
  ],
  [
    'sourdough',
    'declining',
    {
      desc: 'Sourdough',
      base: { userCount: 610_000, viewCount: 7_700_000_000 },
      recentShare: { from: 0.4, to: 0.25, overWeeks: 3 },
    },
  ],
  [
    'ootd',
    'steady',
    {
      desc: 'Outfit of the day',
      base: { userCount: 21_000_000, viewCount: 98_000_000_000 },
      weeklyGrowth: 0.005,
      saturation: 1.8,
      posts: 150,
      recentShare: flat(0.8),
      likes: { median: 700, sigma: 1.6 },
      community: 800,
    },
  ],
  [
    'gymtok',
    'steady',
    {
      desc: 'Gym',
      base: { userCount: 3_300_000, viewCount: 44_000_000_000 },
      weeklyGrowth: 0.01,
      recentShare: flat(0.65),
    },
  ],
  [
    'plantmom',
    'steady',
    {
      desc: 'Plant parents',
      base: { userCount: 410_000, viewCount: 3_100_000_000 },
      recentShare: flat(0.38),
    },
  ],
  [
    'coquette',
    'surging',
    {
      desc: 'Coquette aesthetic',
      base: { userCount: 2_100_000, viewCount: 19_000_000_000 },
      weeklyGrowth: 0.05,
    },
  ],
  [
    'learnontiktok',
    'steady',
    {
      desc: 'Learn on TikTok',
      base: { userCount: 6_200_000, viewCount: 120_000_000_000 },
      weeklyGrowth: 0.004,
      saturation: 1.8,
      posts: 140,
      likes: { median: 2400, sigma: 1.4 },
      themes: ['ai', 'marketing'],
      creatorShare: 0.02,
    },
  ],
  // Dead: old posts only, flat counts.
  [
    'mannequinchallenge',
    'dead',
    { desc: 'Freeze!', base: { userCount: 1_900_000, viewCount: 3_400_000_000 } },
  ],
  [
    'icebucketchallenge',
    'dead',
    { desc: 'Ice bucket challenge', base: { userCount: 760_000, viewCount: 1_600_000_000 }, posts: 38 },
  ],
  [
    'harlemshake',
    'dead',
    { desc: 'Harlem shake', base: { userCount: 320_000, viewCount: 900_000_000 }, posts: 24 },
  ],
  [
    'cottagecore',
    'dead',
    {
      desc: 'Cottagecore',
      base: { userCount: 1_100_000, viewCount: 11_000_000_000 },
      posts: 95,
      oldAgeDays: [200, 1400],
    },
  ],
  // Mega tags: astronomical counts, posts seconds old, no discovery value.
  ['fyp', 'mega', { id: '229207', desc: '', base: { userCount: 610_000_000, viewCount: 410_000_000_000 } }],
  ['foryou', 'mega', { id: '42164', desc: '', base: { userCount: 480_000_000, viewCount: 320_000_000_000 } }],
  ['viral', 'mega', { id: '1616', desc: '', base: { userCount: 260_000_000, viewCount: 180_000_000_000 } }],
  [
    'foryoupage',
    'mega',
    { id: '88764338', desc: '', base: { userCount: 170_000_000, viewCount: 95_000_000_000 } },
  ],
  // Branded challenges run by advertisers.
  [
    'zestcolachallenge',
    'commercial',
    {
      desc: 'Show us your Zest moment! Sponsored by Zest Cola',
      base: { userCount: 94_000, viewCount: 2_700_000_000 },
      type: 3,
    },
  ],
  [
    'lumiskinglow',
    'commercial',
    {
      desc: 'Glow with Lumi Skin #ad',
      base: { userCount: 41_000, viewCount: 860_000_000 },
      type: 3,
      likes: { median: 2600, sigma: 1.0 },
    },
  ],
  [
    'shopzetadeals',
    'commercial',
    { desc: 'Zeta Shop deals', base: { userCount: 12_500, viewCount: 310_000_000 }, type: 3, posts: 60 },
  ],
  // Limited: huge lifetime counts, a handful of stale posts.
  [
    'quickweightloss',
    'shadow-limited',
    { desc: '', base: { userCount: 2_400_000, viewCount: 8_100_000_000 } },
  ],
  [
    'thinspo',
    'shadow-limited',
    { desc: '', base: { userCount: 3_100_000, viewCount: 12_000_000_000 }, posts: 4 },
  ],
  // Exists, but nothing to sample.
  [
    'ghostkitchenreview',
    'empty',
    { desc: 'Ghost kitchen reviews', base: { userCount: 3_400, viewCount: 2_100_000 } },
  ],
  ['oldtrend2019', 'empty', { desc: '', base: { userCount: 950, viewCount: 480_000 } }],
  // Regional and non-Latin tags: posts only where the language lives.
  [
    '美食',
    'regional',
    {
      desc: '美食分享',
      base: { userCount: 3_800_000, viewCount: 61_000_000_000 },
      regions: { TW: 1.3, JP: 0.6 },
      likes: { median: 3100, sigma: 1.2 },
    },
  ],
  [
    '料理',
    'regional',
    { desc: '料理動画', base: { userCount: 1_200_000, viewCount: 19_000_000_000 }, regions: { JP: 1.2 } },
  ],
  [
    '먹방',
    'regional',
    {
      desc: '먹방',
      base: { userCount: 2_600_000, viewCount: 37_000_000_000 },
      regions: { KR: 1.4, JP: 0.4, US: 0.3 },
      likes: { median: 5200, sigma: 1.3 },
    },
  ],
  [
    'طبخ',
    'regional',
    {
      desc: 'وصفات طبخ',
      base: { userCount: 890_000, viewCount: 12_000_000_000 },
      regions: { SA: 1.2, AE: 0.7, EG: 1.0 },
    },
  ],
  [
    'café',
    'regional',
    {
      desc: 'Le café',
      base: { userCount: 710_000, viewCount: 6_400_000_000 },
      regions: { FR: 1.1, CA: 0.5, ES: 0.3, IT: 0.3 },
    },
  ],
  [
    'comida_caseira',
    'regional',
    {
      desc: 'Comida caseira',
      base: { userCount: 540_000, viewCount: 5_200_000_000 },
      regions: { BR: 1.3 },
      likes: { median: 2900, sigma: 1.1 },
    },
  ],
  [
    'negocioscaseros',
    'regional',
    {
      desc: 'Negocios caseros',
      base: { userCount: 97_000, viewCount: 820_000_000 },
      regions: { MX: 1.2, ES: 0.6, AR: 0.7, CO: 0.8 },
      themes: ['business'],
      creatorShare: 0.05,
    },
  ],
  [
    'petitcommerce',
    'regional',
    {
      desc: 'Petit commerce',
      base: { userCount: 38_000, viewCount: 240_000_000 },
      regions: { FR: 0.9 },
      themes: ['business', 'handmade'],
      creatorShare: 0.06,
    },
  ],
  [
    'kleinunternehmen',
    'regional',
    {
      desc: 'Kleinunternehmen',
      base: { userCount: 24_000, viewCount: 160_000_000 },
      regions: { DE: 1.0 },
      themes: ['business', 'handmade'],
      creatorShare: 0.18,
      weeklyGrowth: 0.05,
    },
  ],
  [
    'smallbusinessuk',
    'regional',
    {
      desc: 'UK small businesses',
      base: { userCount: 53_000, viewCount: 390_000_000 },
      regions: { GB: 1.1 },
      themes: ['business', 'handmade'],
      creatorShare: 0.2,
      likes: { median: 3600, sigma: 1.0 },
    },
  ],
  [
    'umkm',
    'regional',
    {
      desc: 'UMKM Indonesia',
      base: { userCount: 410_000, viewCount: 3_900_000_000 },
      regions: { ID: 1.4 },
      recentShare: flat(0.7),
    },
  ],
  // Edge hashtags for fault tests: never in the demo lists.
  ['brokenfields', 'edge', { behaviour: 'broken-fields' }],
  ['cursorloop', 'edge', { behaviour: 'cursor-loop', posts: 60 }],
  ['emptymore', 'edge', { behaviour: 'empty-more', posts: 30 }],
  ['duppages', 'edge', { behaviour: 'dup-pages', posts: 75 }],
  ['=cmd|calc', 'edge', { aliases: ['csvinject'] }],
  ['pipe|tag', 'edge', { aliases: ['pipetag'] }],
  ['new\nline', 'edge', { aliases: ['newlinetag'] }],
  ['sale\u200B\u202Egnp.exe', 'edge', { aliases: ['rtltag'] }],
  ['CaseMismatch', 'edge', {}],
];

const DEMO_TAGS = [
  'smallbusinesscheck',
  '#founderlife',
  'saasmarketing',
  'buildinpublic',
  '#aitools',
  'designtok',
  'uxdesign',
  'brandingtips',
  'desksetup',
  'productivityhacks',
  'sidehustle',
  'marketingtips',
  'startuplife',
  'contentcreatortips',
  'slowproductivity',
  'hustleculture',
  '#fyp',
  'zestcolachallenge',
  'quickweightloss',
  'notarealtag2026',
  'SmallBusinessCheck',
  'mannequinchallenge',
  'comida_caseira',
  'kleinunternehmen',
  'smallbusinessuk',
  'café',
  'ghostkitchenreview',
  'handmadejewelry',
  'womeninbusiness',
  'deinfluencing',
  '#먹방',
];

const DEMO_REGIONS: RegionCode[] = ['US', 'GB', 'DE', 'BR'];

/** The track record's test accounts: likes that follow the tags' scores, and likes that do not. */
const OWN_ACCOUNTS = [
  ['tagfit_follows', 'follows-scores'],
  ['tagfit_random', 'independent'],
] as const satisfies readonly (readonly [string, NonNullable<DatasetAuthor['own']>])[];

const NAME_A = [
  'luna',
  'max',
  'sofia',
  'kai',
  'mila',
  'leo',
  'nina',
  'omar',
  'ana',
  'yuki',
  'ravi',
  'emma',
  'noah',
  'lea',
  'joao',
  'ayse',
  'minji',
  'tom',
  'zara',
  'ivan',
  'chloe',
  'diego',
  'fatima',
  'hana',
  'liam',
  'maya',
  'sam',
  'jade',
  'pablo',
  'ines',
];
const NAME_B = [
  'bakes',
  'fit',
  'daily',
  'studio',
  'vibes',
  'cooks',
  'travels',
  'makes',
  'reads',
  'codes',
  'style',
  'films',
  'plants',
  'moves',
  'art',
  'life',
  'eats',
  'glow',
  'thrift',
  'clips',
];
const THEMES = [
  'design',
  'branding',
  'ux',
  'startup',
  'ai',
  'marketing',
  'business',
  'handmade',
  'desk',
  'productivity',
];

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
    const a = pick(rng, NAME_A);
    const b = pick(rng, NAME_B);
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
  const tags: DatasetTag[] = TAGS.map(([name, shape, spec]) => {
    let id = spec.id ?? tagId(rng);
    while (usedIds.has(id)) id = tagId(rng);
    usedIds.add(id);
    const { id: _id, ...rest } = spec;
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
export function lookupKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

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
