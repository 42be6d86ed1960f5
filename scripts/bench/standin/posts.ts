// The stand-in's posts for one hashtag in one region, and the order a page lists them in: the region's shared
// effect and the pair's own interaction on top of the tag's traits, heavy-tailed likes, Zipf-like authors.
import { hashString, logNormal, normal, rngFor, type Rng } from '../../../src/core/prng';
import { type World, type WorldRegion, type WorldTag, zipfRank } from './world';

export const PAGE_ORDERS = ['newest', 'popular', 'random'] as const;
export type StandinOrder = (typeof PAGE_ORDERS)[number];

export interface StandinPost {
  video_id: string;
  title: string | null;
  digg_count: number;
  comment_count: number;
  share_count: number;
  collect_count: number;
  play_count: number;
  create_time: number;
  author: { unique_id: string; nickname: string };
  music_info: { id: string; title: string };
  cover: string;
}

const DAY = 86_400;
const WINDOW_DAYS = 14;
const MAX_POSTS = 1000;
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The pair's effects: a random interaction for every pair, a strong one in a local tag's home region. */
function pairEffects(rng: Rng, tag: WorldTag, region: WorldRegion | null) {
  let like = 0.35 * normal(rng);
  let pace = 0.45 * normal(rng);
  let volume = logNormal(rng, 1, 0.45);
  if (region && tag.homeRegion === region.code) {
    like += 1.2;
    pace += 1.2;
    volume *= 3;
  } else if (tag.homeRegion) {
    like -= 0.3;
    volume *= 0.5;
  }
  return {
    like: like + (region?.likeShift ?? 0),
    pace: pace + (region?.paceShift ?? 0),
    volume: volume * (region?.volumeFactor ?? 1),
    targetShare: Math.min(0.8, tag.targetShare * logNormal(rng, 1, 0.7)),
  };
}

/** Likes: a lognormal body, older posts a little ahead, and now and then a viral post from a Pareto tail. */
function likesOf(rng: Rng, logMedian: number, ageDays: number): number {
  const body = Math.exp(logMedian + 1.2 * normal(rng) + 0.25 * Math.log1p(ageDays / 7));
  const viral = rng() < 0.015 ? 30 * Math.pow(1 / Math.max(rng(), 1e-9), 1 / 1.1) : 1;
  return Math.floor(body * viral);
}

/** Every post the tag has in the region (region null: no region asked), newest and oldest mixed, unordered. */
export function pairPosts(
  world: World,
  tag: WorldTag,
  region: WorldRegion | null,
  now: number,
): StandinPost[] {
  const rng = rngFor('standin-posts', world.seed, tag.name, region?.code ?? '-');
  const fx = pairEffects(rng, tag, region);
  const n = Math.min(MAX_POSTS, Math.round(tag.volume * fx.volume));
  const pace = sigmoid(tag.paceLogit + fx.pace);
  const logMedian = tag.likeLog + fx.like;
  // Target creators post mostly where they live: elsewhere a tag sees a third of its usual share, from anyone.
  const local = world.targetRegions.filter((t) => region && t.regions.includes(region.code)).map((t) => t.id);
  const targetShare = local.length ? fx.targetShare : fx.targetShare / 3;
  const targetPool = local.length ? local : world.targets;
  const pairId = hashString(`${tag.name}|${region?.code ?? '-'}`);
  const posts: StandinPost[] = [];
  for (let i = 0; i < n; i++) {
    const recent = rng() < pace;
    const ageDays = recent ? WINDOW_DAYS * rng() : WINDOW_DAYS + -Math.log(Math.max(rng(), 1e-9)) * 45;
    const likes = likesOf(rng, logMedian, ageDays);
    const author =
      rng() < targetShare
        ? targetPool[zipfRank(rng, targetPool.length, 1)]!
        : `user${tag.authorOffset + zipfRank(rng, tag.authorPool, 1.1)}`;
    posts.push({
      video_id: `73${String(pairId).padStart(10, '0')}${String(i).padStart(5, '0')}`,
      title: rng() < 0.03 ? null : `day ${i % 30} of trying this #${tag.name} #fyp`,
      digg_count: likes,
      comment_count: Math.floor(likes * 0.02 * rng()),
      share_count: Math.floor(likes * 0.01 * rng()),
      collect_count: Math.floor(likes * 0.05 * rng()),
      play_count: Math.floor(likes * logNormal(rng, 12, 0.5)) + 100,
      create_time: Math.floor(now / 1000 - ageDays * DAY),
      author: { unique_id: author, nickname: author.replace('_', ' ') },
      music_info: { id: String(6_900_000 + (i % 40)), title: `original sound ${i % 40}` },
      cover: `https://standin.invalid/cover/${tag.name}/${i}.jpg`,
    });
  }
  return posts;
}

/** The pair's posts in the order pages serve them: roughly newest first, roughly most liked first, or shuffled. */
export function orderPosts(
  posts: readonly StandinPost[],
  order: StandinOrder,
  seedParts: string,
): StandinPost[] {
  const rng = rngFor('standin-order', seedParts, order);
  const keyed = posts.map((p) => {
    const noise = normal(rng);
    const key =
      order === 'newest'
        ? p.create_time + noise * 2 * DAY
        : order === 'popular'
          ? Math.log1p(p.digg_count) + 0.6 * noise
          : rng();
    return { p, key };
  });
  return keyed.sort((a, b) => b.key - a.key).map((k) => k.p);
}
