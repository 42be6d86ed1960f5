// What the dataset looks like at a given clock: lifetime counts, served posts and users, in TikLiveAPI's wire shapes.
// Answers depend only on (dataset, hashtag or user, region, clock quantised to the hour), so runs are reproducible.
import type { RegionCode } from '../../shared/model';
import { lookupKey, type Dataset, type DatasetAuthor, type DatasetTag } from './dataset';
import { logNormal, normal, pick, rngFor, unitFor, type Rng } from '../prng';

const HOUR = 3_600_000;
const DAY_S = 86_400;
const WEEK = 7 * 24 * HOUR;
/** Young posts stay younger than this, so a client whose clock is up to an hour past ours still counts them. */
const YOUNG_MAX_S = 13.9 * DAY_S;
const YOUNG_MIN_S = 5 * 60;

export interface WireChallenge {
  id: string;
  cha_name: string;
  desc: string;
  user_count: number;
  view_count: number;
  is_pgcshow: boolean;
  is_commerce: boolean;
  is_challenge: boolean;
  is_strong_music: boolean;
  type: number;
  cover: string;
}

export interface WireVideo {
  video_id: string;
  region: string;
  title: string | null;
  cover: string;
  duration: number;
  play_count: number;
  digg_count: number;
  comment_count: number;
  share_count: number;
  collect_count: number;
  download_count: number;
  create_time: number;
  is_ad: boolean;
  music_info: { id: string; title: string; author: string; original: boolean; duration: number };
  author: { id: string; unique_id: string; nickname: string; avatar: string };
}

export interface WirePostsPage {
  videos: unknown[];
  cursor: string;
  hasMore: boolean;
}

export interface WireUserInfo {
  user: {
    id: string;
    uniqueId: string;
    secUid: string;
    nickname: string;
    avatarThumb: string;
    signature: string;
    verified: boolean;
    region: string;
  };
  stats: {
    followerCount: number;
    followingCount: number;
    heartCount: number;
    videoCount: number;
    diggCount: number;
  };
}

export const hourOf = (nowMs: number): number => Math.floor(nowMs / HOUR) * HOUR;

/** Logistic growth from the epoch: ≈ weeklyGrowth per week at first, saturating at base × saturation. */
export function lifetimeCount(base: number, weeklyGrowth: number, saturation: number, weeks: number): number {
  if (weeklyGrowth <= 0 || base <= 0) return base;
  const cap = base * Math.max(saturation, 1.0001);
  const w = Math.max(-520, Math.min(5200, weeks));
  return cap / (1 + (cap / base - 1) * Math.exp(-Math.log1p(weeklyGrowth) * w));
}

/** Rounded to `sig` significant digits, as the API rounds big lifetime counts. */
function roundSig(n: number, sig: number): number {
  if (n < 10 ** sig) return Math.round(n);
  const step = 10 ** (Math.floor(Math.log10(n)) + 1 - sig);
  return Math.round(n / step) * step;
}

const smoothstep = (x: number): number => {
  const t = Math.max(0, Math.min(1, x));
  return t * t * (3 - 2 * t);
};

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

const cover = (kind: string, id: string): string => `https://sim.tagfit.invalid/${kind}/${id}.jpeg`;

const CAPTIONS = [
  'POV: you finally {x}',
  'Day {n} of {x}',
  'things nobody tells you about {x}',
  'how I {x} in 30 seconds',
  '{x} ✨',
  'replying to a comment: yes, {x}',
  'rate my {x} 1-10',
  'a slow morning of {x}',
  'storytime: {x} went wrong',
  'the {x} routine that changed everything',
];
const TOPICS = [
  'packing orders',
  'a rebrand',
  'my desk',
  'this launch',
  'cold emails',
  'a new glaze',
  'the first sale',
  'a tiny studio',
  'late night edits',
  'client feedback',
];
const SONGS = [
  'Espresso (sped up)',
  'original sound',
  'Lo-fi study beat',
  'Aesthetic',
  'Monkeys Spinning Monkeys',
  'Oh No',
  'Little Dark Age',
];

function caption(rng: Rng, tags: string[]): string | null {
  // A few real captions are empty and the API says null.
  if (rng() < 0.01) return null;
  const text = pick(rng, CAPTIONS)
    .replace('{x}', pick(rng, TOPICS))
    .replace('{n}', String(1 + Math.floor(rng() * 200)));
  return `${text} ${tags.map((t) => `#${t}`).join(' ')}`;
}

/** Makes the simulator's answers for one dataset; generated lists are cached per hour. */
export interface Generator {
  dataset: Dataset;
  findTag(name: string): DatasetTag | undefined;
  tagById(id: string): DatasetTag | undefined;
  authorByUniqueId(uniqueId: string): DatasetAuthor | undefined;
  authorById(id: string): DatasetAuthor | undefined;
  challenge(tag: DatasetTag, nowMs: number): WireChallenge;
  /** Share of posts younger than 14 days the tag aims for in a region (ground truth for tests). */
  recentShare(tag: DatasetTag, region: RegionCode | undefined, nowMs: number): number;
  /** Every post the tag serves in the region at this clock, in served order. */
  posts(tag: DatasetTag, region: RegionCode | undefined, nowMs: number): WireVideo[];
  postsPage(
    tag: DatasetTag,
    region: RegionCode | undefined,
    nowMs: number,
    cursor: string,
    count: number,
  ): WirePostsPage;
  userInfo(author: DatasetAuthor): WireUserInfo;
  userPosts(author: DatasetAuthor, nowMs: number): WireVideo[];
}

export function createGenerator(dataset: Dataset): Generator {
  const byName = new Map<string, DatasetTag>();
  const byId = new Map<string, DatasetTag>();
  for (const tag of dataset.tags) {
    byId.set(tag.id, tag);
    for (const n of [tag.name, ...tag.aliases]) byName.set(lookupKey(n), tag);
  }
  const authorsByUnique = new Map(dataset.authors.map((a) => [a.uniqueId.toLowerCase(), a]));
  const authorsById = new Map(dataset.authors.map((a) => [a.id, a]));
  const creatorSet = new Set(dataset.creators);
  const creators = dataset.authors.filter((a) => creatorSet.has(a.uniqueId));
  const ordinary = dataset.authors.filter((a) => !creatorSet.has(a.uniqueId) && a.own === undefined);
  const plainTags = dataset.tags.filter((t) => t.shape !== 'edge' && t.posts > 0);
  const cache = new Map<string, WireVideo[]>();

  const weeksAt = (nowMs: number): number => (hourOf(nowMs) - dataset.epoch) / WEEK;

  function recentShare(tag: DatasetTag, region: RegionCode | undefined, nowMs: number): number {
    const c = tag.recentShare;
    const base = c.from + (c.to - c.from) * smoothstep(weeksAt(nowMs) / c.overWeeks);
    // Regions differ a little, so the same tag can rank differently across regions.
    const shift = region && base > 0.02 && base < 0.98 ? (unitFor(tag.id, region, 'share') - 0.5) * 0.2 : 0;
    return clamp01(base + shift);
  }

  function postCount(tag: DatasetTag, region: RegionCode | undefined): number {
    if (region === undefined) return tag.posts;
    if (!(region in dataset.regions) && tag.shape !== 'edge') return 0;
    const weight = tag.regions === null ? 1 : (tag.regions[region] ?? 0);
    if (weight === 0 || tag.posts === 0) return 0;
    if (tag.shape === 'edge' || tag.shape === 'shadow-limited') return tag.posts;
    // Ordinary tags vary by region but never fall under their base (a full tag keeps 3 full pages everywhere).
    const spread = tag.posts < 90 ? 0.15 : 0.4;
    return Math.round(tag.posts * weight * (1 + spread * unitFor(tag.id, region, 'count')));
  }

  function pickAuthor(rng: Rng, tag: DatasetTag, region: RegionCode | undefined): DatasetAuthor {
    const regional = region ? 0.5 + unitFor(tag.id, region, 'creators') : 1;
    if (tag.creatorShare > 0 && rng() < tag.creatorShare * regional) {
      const matching = creators.filter((c) => c.themes.some((t) => tag.themes.includes(t)));
      const pool = matching.length > 0 ? matching : creators;
      // A power law inside the pool: one or two creators dominate a tag, as in real feeds.
      const i = Math.floor(pool.length * rng() ** 1.7);
      const chosen = pool[(i + Math.floor(unitFor(tag.id, 'lead') * pool.length)) % pool.length];
      if (chosen) return chosen;
    }
    const offset = Math.floor(unitFor(tag.id, region ?? '', 'community') * ordinary.length);
    const size = Math.min(tag.community, ordinary.length);
    const i = Math.floor(size * rng() ** 2.2);
    return ordinary[(offset + i * 7) % ordinary.length] as DatasetAuthor;
  }

  function otherTags(rng: Rng, tag: DatasetTag | undefined, themes: string[]): string[] {
    const related = plainTags.filter((t) => t.id !== tag?.id && t.themes.some((x) => themes.includes(x)));
    const out: string[] = [];
    const n = Math.floor(rng() * 3);
    for (let i = 0; i < n; i++)
      out.push(pick(rng, related.length > 0 && rng() < 0.7 ? related : plainTags).name);
    if (rng() < 0.35) out.push(pick(rng, ['fyp', 'foryou', 'viral', 'foryoupage']));
    return [...new Set(out)].filter((n) => n !== tag?.name);
  }

  function video(
    rng: Rng,
    hour: number,
    ageS: number,
    likesMedian: number,
    sigma: number,
    author: DatasetAuthor,
    region: string,
    tags: string[],
  ): WireVideo {
    const createTime = Math.floor(hour / 1000) - Math.round(ageS);
    // Young posts have not collected their likes yet.
    const ripeness = Math.min(1, Math.sqrt(Math.max(ageS, 600) / (2 * DAY_S)));
    let likes = logNormal(rng, likesMedian, sigma) * ripeness;
    // The occasional viral post, two orders of magnitude above the median.
    if (rng() < 0.012) likes *= 60 + rng() * 120;
    const digg = Math.max(0, Math.round(likes));
    const rand32 = Math.floor(rng() * 2 ** 32);
    const videoId = ((BigInt(createTime) << 32n) | BigInt(rand32)).toString();
    const duration = 7 + Math.floor(rng() * 170);
    const original = rng() < 0.6;
    return {
      video_id: videoId,
      region,
      title: caption(rng, tags),
      cover: cover('cover', videoId),
      duration,
      play_count: Math.round(digg * (6 + rng() * 14) + rng() * 500),
      digg_count: digg,
      comment_count: Math.round(digg * (0.005 + rng() * 0.03)),
      share_count: Math.round(digg * (0.002 + rng() * 0.02)),
      collect_count: Math.round(digg * (0.01 + rng() * 0.08)),
      download_count: Math.round(digg * rng() * 0.005),
      create_time: createTime,
      is_ad: false,
      music_info: {
        id: String(7_000_000_000_000_000_000n + BigInt(Math.floor(rng() * 1e15))),
        title: original ? `original sound - ${author.uniqueId}` : pick(rng, SONGS),
        author: original ? author.nickname : 'Various',
        original,
        duration,
      },
      author: {
        id: author.id,
        unique_id: author.uniqueId,
        nickname: author.nickname,
        avatar: cover('avatar', author.id),
      },
    };
  }

  function generatePosts(tag: DatasetTag, region: RegionCode | undefined, nowMs: number): WireVideo[] {
    const hour = hourOf(nowMs);
    const n = postCount(tag, region);
    if (n === 0) return [];
    const rng = rngFor(tag.id, region ?? '*', hour);
    const share = recentShare(tag, region, nowMs);
    const regionalLikes = region ? Math.exp((unitFor(tag.id, region, 'likes') - 0.5) * 0.8) : 1;
    const [oldMin, oldMax] = tag.oldAgeDays;
    const rows: { key: number; v: WireVideo }[] = [];
    for (let i = 0; i < n; i++) {
      const young = rng() < share;
      const ageS = young
        ? YOUNG_MIN_S + (YOUNG_MAX_S - YOUNG_MIN_S) * rng() ** 1.4
        : (oldMin + (oldMax - oldMin) * rng() ** 1.5) * DAY_S;
      const author = pickAuthor(rng, tag, region);
      const tags = [tag.name, ...otherTags(rng, tag, tag.themes)];
      const served = region ?? pick(rng, Object.keys(dataset.regions));
      const v = video(
        rng,
        hour,
        ageS,
        tag.likes.median * regionalLikes,
        tag.likes.sigma,
        author,
        served,
        tags,
      );
      // Roughly newest first: the feed mixes in popular older posts, so order by log-age with wide noise.
      rows.push({ key: Math.log(ageS) + 1.6 * normal(rng), v });
    }
    rows.sort((a, b) => a.key - b.key);
    const posts = rows.map((r) => r.v);
    return tag.behaviour === 'broken-fields' ? breakFields(posts, hour) : posts;
  }

  function posts(tag: DatasetTag, region: RegionCode | undefined, nowMs: number): WireVideo[] {
    const key = `${tag.id}|${region ?? '*'}|${hourOf(nowMs)}`;
    let list = cache.get(key);
    if (!list) {
      if (cache.size > 4000) cache.clear();
      list = generatePosts(tag, region, nowMs);
      cache.set(key, list);
    }
    return list;
  }

  function postsPage(
    tag: DatasetTag,
    region: RegionCode | undefined,
    nowMs: number,
    cursor: string,
    count: number,
  ): WirePostsPage {
    const all = posts(tag, region, nowMs);
    const offset = Math.max(0, Number.parseInt(cursor, 10) || 0);
    const page = all.slice(offset, offset + count);
    const next = offset + page.length;
    switch (tag.behaviour) {
      case 'cursor-loop':
        return { videos: page, cursor, hasMore: true };
      case 'empty-more':
        return { videos: page, cursor: String(offset + count), hasMore: true };
      case 'dup-pages':
        // The next page starts 10 posts early, so those 10 are served twice.
        return { videos: page, cursor: String(Math.max(next - 10, offset + 1)), hasMore: next < all.length };
      default:
        return { videos: page, cursor: String(next), hasMore: next < all.length };
    }
  }

  function challenge(tag: DatasetTag, nowMs: number): WireChallenge {
    const w = weeksAt(nowMs);
    return {
      id: tag.id,
      cha_name: tag.name,
      desc: tag.desc,
      user_count: Math.round(lifetimeCount(tag.base.userCount, tag.weeklyGrowth, tag.saturation, w)),
      view_count: roundSig(lifetimeCount(tag.base.viewCount, tag.weeklyGrowth * 1.1, tag.saturation, w), 4),
      is_pgcshow: false,
      is_commerce: tag.isCommerce,
      is_challenge: tag.isChallenge,
      is_strong_music: false,
      type: tag.type,
      cover: tag.isCommerce ? cover('challenge', tag.id) : '',
    };
  }

  function userInfo(a: DatasetAuthor): WireUserInfo {
    return {
      user: {
        id: a.id,
        uniqueId: a.uniqueId,
        secUid: a.secUid,
        nickname: a.nickname,
        avatarThumb: cover('avatar', a.id),
        signature: a.themes.length > 0 ? `${a.themes.join(' · ')} | links below` : '',
        verified: a.verified,
        region: a.region,
      },
      stats: {
        followerCount: a.followers,
        followingCount: a.following,
        heartCount: a.hearts,
        videoCount: a.videos,
        diggCount: Math.round(a.following * 37),
      },
    };
  }

  // The own accounts' tags: the demo candidates that post in the account's region, neither commercial nor mega.
  const ownPool = (region: RegionCode): DatasetTag[] =>
    dataset.demo.tags
      .map((n) => byName.get(lookupKey(n.replace(/^#/, ''))))
      .filter(
        (t): t is DatasetTag =>
          t !== undefined &&
          t.shape !== 'edge' &&
          t.shape !== 'mega' &&
          !t.isCommerce &&
          t.posts > 0 &&
          (t.regions === null || (t.regions[region] ?? 0) > 0),
      );

  /**
   * A tag's quality in [0, 1] at a moment, from what Tagfit's score measures: its share of recent posts (35 %),
   * its typical likes on a log scale (30 %) and its share of target creators (30 %), each scaled across the pool.
   */
  function quality(pool: readonly DatasetTag[], region: RegionCode, atMs: number): Map<string, number> {
    const scale = (xs: number[]): number[] => {
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      return xs.map((x) => (hi === lo ? 0.5 : (x - lo) / (hi - lo)));
    };
    const v = scale(pool.map((t) => recentShare(t, region, atMs)));
    const d = scale(pool.map((t) => Math.log(t.likes.median)));
    const o = scale(pool.map((t) => t.creatorShare));
    return new Map(pool.map((t, i) => [t.id, (0.35 * v[i]! + 0.3 * d[i]! + 0.3 * o[i]!) / 0.95]));
  }

  /**
   * An own account posts every 0.9 days (give or take 0.2) from 300 days before the dataset epoch on, two or three
   * demo candidates each. Each post is drawn from a stream of its own, so a post is the same at every clock (as a
   * real post is) and its likes are independent of every other draw. Likes per the account's kind. The newest 120
   * posts made before the clock are served, newest first.
   */
  function ownPosts(a: DatasetAuthor, nowMs: number): WireVideo[] {
    const hour = hourOf(nowMs);
    const pool = ownPool(a.region);
    const first = dataset.epoch - 300 * DAY_S * 1000;
    const out: WireVideo[] = [];
    for (let k = Math.floor((hour - first) / (0.9 * DAY_S * 1000)); k >= 0 && out.length < 120; k--) {
      const rng = rngFor('own', a.id, String(k));
      const at = first + (k * 0.9 + (rng() - 0.5) * 0.4) * DAY_S * 1000;
      const ageS = (hour - at) / 1000;
      if (ageS < 3600) continue;
      const chosen = new Set<DatasetTag>();
      const n = 2 + Math.floor(rng() * 2);
      while (chosen.size < Math.min(n, pool.length)) chosen.add(pick(rng, pool));
      const tags = [...chosen];
      const q = quality(pool, a.region, at);
      const mean = tags.reduce((s, t) => s + q.get(t.id)!, 0) / tags.length;
      // Follows the scores: about four times the likes from the worst tags to the best; otherwise one median.
      const median = a.own === 'follows-scores' ? 800 * Math.exp(3 * (mean - 0.5)) : 800;
      const sigma = a.own === 'follows-scores' ? 0.35 : 0.6;
      out.push(
        video(
          rng,
          hour,
          ageS,
          median,
          sigma,
          a,
          a.region,
          tags.map((t) => t.name),
        ),
      );
    }
    return out;
  }

  function userPosts(a: DatasetAuthor, nowMs: number): WireVideo[] {
    const key = `user|${a.id}|${hourOf(nowMs)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    if (a.own) {
      const own = ownPosts(a, nowMs);
      cache.set(key, own);
      return own;
    }
    const hour = hourOf(nowMs);
    const rng = rngFor('user', a.id, hour);
    const n = Math.min(a.videos, 20 + Math.floor(unitFor(a.id, 'n') * 40));
    const themed = plainTags.filter((t) => t.themes.some((x) => a.themes.includes(x)));
    const out: WireVideo[] = [];
    let ageS = rng() * DAY_S;
    for (let i = 0; i < n; i++) {
      const own = themed.length > 0 && rng() < 0.8 ? pick(rng, themed) : pick(rng, plainTags);
      const tags = [own.name, ...otherTags(rng, own, a.themes)];
      const median = Math.max(30, a.followers * 0.04);
      out.push(video(rng, hour, ageS, median, 1.0, a, a.region, tags));
      ageS += (0.3 + rng() * 3) * DAY_S;
    }
    if (cache.size > 4000) cache.clear();
    cache.set(key, out);
    return out;
  }

  return {
    dataset,
    findTag: (name) => byName.get(lookupKey(name)),
    tagById: (id) => byId.get(id),
    authorByUniqueId: (u) => authorsByUnique.get(u.toLowerCase()),
    authorById: (id) => authorsById.get(id),
    challenge,
    recentShare,
    posts,
    postsPage,
    userInfo,
    userPosts,
  };
}

/** The field faults of `brokenfields`: every kind of bad value the client must survive, in a fixed rotation. */
function breakFields(posts: WireVideo[], hour: number): WireVideo[] {
  return posts.map((p, i) => {
    const v: Record<string, unknown> = { ...p, author: { ...p.author } };
    switch (i % 10) {
      case 0:
        delete v.digg_count;
        break;
      case 1:
        v.digg_count = null;
        break;
      case 2:
        v.digg_count = String(p.digg_count || 123);
        break;
      case 3:
        v.digg_count = -5;
        v.comment_count = -1;
        break;
      case 4:
        delete v.author;
        break;
      case 5:
        v.title = null;
        break;
      case 6:
        v.create_time = p.create_time * 1000;
        break;
      case 7:
        v.create_time = Math.floor(hour / 1000) + 3 * DAY_S;
        break;
      case 8:
        v.author = { nickname: p.author.nickname };
        v.play_count = '1.2K';
        break;
      default:
        break;
    }
    return v as unknown as WireVideo;
  });
}
