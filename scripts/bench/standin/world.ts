// The stand-in's world: hashtags, regions and target creators drawn from a seed, designed from the API description
// alone (not from the project's simulator), so the adaptive rule can be measured on a world it was not tuned on.
import { hashString, logNormal, mulberry32, normal, type Rng } from '../../../src/core/prng';

/** One hashtag's latent traits, shared by every region. */
export interface WorldTag {
  id: string;
  name: string;
  /** Logit of the share of posts made in the last 14 days. */
  paceLogit: number;
  /** Log of the median likes of a post. */
  likeLog: number;
  /** Share of posts by the target creators (0 for most tags). */
  targetShare: number;
  /** How many ordinary creators post under the tag, and where their ids start in the global pool. */
  authorPool: number;
  authorOffset: number;
  /** Median posts the tag has in a region before the region's and the pair's effects. */
  volume: number;
  commercial: boolean;
  mega: boolean;
  /** A tag much stronger in one region: its code, else null. */
  homeRegion: string | null;
}

/** A region's effect, shared by every tag. */
export interface WorldRegion {
  code: string;
  name: string;
  likeShift: number;
  paceShift: number;
  volumeFactor: number;
}

/** A target creator posts mostly in a few regions of their own. */
export interface WorldTarget {
  id: string;
  regions: string[];
}

export interface World {
  seed: number;
  tags: WorldTag[];
  regions: WorldRegion[];
  /** The target creators' ids (`unique_id`), and where each mostly posts. */
  targets: string[];
  targetRegions: WorldTarget[];
}

const REGION_NAMES: Record<string, string> = {
  US: 'United States',
  GB: 'United Kingdom',
  DE: 'Germany',
  FR: 'France',
  BR: 'Brazil',
  MX: 'Mexico',
  ES: 'Spain',
  IT: 'Italy',
  JP: 'Japan',
  KR: 'South Korea',
  ID: 'Indonesia',
  PH: 'Philippines',
  VN: 'Vietnam',
  TH: 'Thailand',
  IN: 'India',
  TR: 'Turkey',
  SA: 'Saudi Arabia',
  AE: 'United Arab Emirates',
  EG: 'Egypt',
  NG: 'Nigeria',
  ZA: 'South Africa',
  AU: 'Australia',
  CA: 'Canada',
  AR: 'Argentina',
  CO: 'Colombia',
  PL: 'Poland',
  NL: 'Netherlands',
  SE: 'Sweden',
  PK: 'Pakistan',
  MY: 'Malaysia',
};

const HEADS = [
  'glow',
  'meal',
  'gym',
  'cozy',
  'thrift',
  'book',
  'plant',
  'street',
  'budget',
  'desk',
  'van',
  'pet',
  'skin',
  'coffee',
  'retro',
  'tiny',
  'late',
  'slow',
  'camp',
  'code',
];
const TAILS = ['tok', 'prep', 'hack', 'core', 'life', 'haul', 'check', 'vibes', 'diary', 'routine'];
const MEGA = ['fyp', 'viral'];

/** Zipf-like rank in [0, n): P(rank k) ∝ (k + 1)^-s, drawn by inverting the continuous approximation. */
export function zipfRank(rng: Rng, n: number, s: number): number {
  const u = rng();
  const a = 1 - s;
  const x = a === 0 ? Math.pow(n + 1, u) - 1 : Math.pow(1 + u * (Math.pow(n + 1, a) - 1), 1 / a) - 1;
  return Math.min(n - 1, Math.max(0, Math.floor(x)));
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function drawTag(rng: Rng, index: number, name: string, regions: readonly WorldRegion[]): WorldTag {
  const mega = MEGA.includes(name);
  const u = rng();
  // Most tags have no target creators; a quarter a few, one in eight a lot.
  const targetShare = u < 0.62 ? 0 : u < 0.88 ? 0.01 + 0.07 * rng() : 0.15 + 0.4 * rng();
  const home = rng() < 0.14 ? regions[Math.floor(rng() * regions.length)]!.code : null;
  return {
    id: String(7_000_000_000_000 + index * 7919 + Math.floor(rng() * 7000)),
    name,
    paceLogit: mega ? 0.5 : -1.3 + 1.3 * normal(rng),
    likeLog: mega ? 7 : 4.2 + 1.1 * normal(rng),
    targetShare: mega ? 0.005 : targetShare,
    authorPool: mega ? 50_000 : Math.round(logNormal(rng, 600, 1.1)) + 20,
    authorOffset: Math.floor(rng() * 200_000),
    volume: mega ? 2000 : logNormal(rng, 240, 0.7),
    commercial: !mega && rng() < 0.05,
    mega,
    homeRegion: mega ? null : home,
  };
}

/** Builds the world: 30 regions, `tagCount` tags (two mega tags first), 14 target creators with home regions. */
export function buildWorld(seed = 21, tagCount = 200): World {
  const rng = mulberry32(hashString(`standin|${seed}`));
  const regions: WorldRegion[] = Object.entries(REGION_NAMES).map(([code, name]) => ({
    code,
    name,
    likeShift: 0.45 * normal(rng),
    paceShift: 0.4 * normal(rng),
    volumeFactor: clamp(logNormal(rng, 1, 0.45), 0.3, 3),
  }));
  const names: string[] = [...MEGA];
  for (let i = 0; names.length < tagCount; i++) {
    const head = HEADS[i % HEADS.length]!;
    const tail = TAILS[Math.floor(i / HEADS.length) % TAILS.length]!;
    const round = Math.floor(i / (HEADS.length * TAILS.length));
    names.push(`${head}${tail}${round ? round + 1 : ''}`);
  }
  const tags = names.map((n, i) => drawTag(rng, i, n, regions));
  const targetRegions = Array.from({ length: 14 }, (_, i) => ({
    id: `maker_${(hashString(`t${seed}|${i}`) % 9000) + 1000}`,
    regions: regions.filter(() => rng() < 0.15).map((r) => r.code),
  }));
  return { seed, tags, regions, targets: targetRegions.map((t) => t.id), targetRegions };
}
