// What the dataset looks like at a given clock: lifetime counts, served posts and users, in TikLiveAPI's wire shapes.
// Answers depend only on (dataset, hashtag or user, region, clock quantised to the hour), so runs are reproducible.
import type { RegionCode } from '../../shared/model';
import { normal, pick, rngFor, unitFor, type Rng } from '../prng';
import { clamp01, DAY_S, hourOf, smoothstep, WEEK } from './clock';
import { lookupKey } from './dataset';
import type { Dataset, DatasetAuthor, DatasetTag } from './dataset-types';
import { localHour, timeZoneOf } from '../plan/time-zones';
import type { HourEffect, PageOrder } from './simulator-types';
import { createOwnPosts } from './own-posts';
import { breakFields, video } from './video';
import { challengeAt, userInfoOf } from './wire-records';
import { plantedNames, plantedTags } from './variants';
import type { WireChallenge, WirePostsPage, WireUserInfo, WireVideo } from './wire-shapes';

/** Young posts stay younger than this, so a client whose clock is up to an hour past ours still counts them. */
const YOUNG_MAX_S = 13.9 * DAY_S;
const YOUNG_MIN_S = 5 * 60;

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

export function createGenerator(
  dataset: Dataset,
  pageOrder: PageOrder = 'newest',
  hourEffect?: HourEffect,
): Generator {
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
  const planted = plantedNames(dataset.variants);
  const plainTags = dataset.tags.filter((t) => t.shape !== 'edge' && t.posts > 0 && !planted.has(t.name));
  const cache = new Map<string, WireVideo[]>();
  const findTag = (name: string): DatasetTag | undefined => byName.get(lookupKey(name));

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

  function generatePosts(tag: DatasetTag, region: RegionCode | undefined, nowMs: number): WireVideo[] {
    const hour = hourOf(nowMs);
    const n = postCount(tag, region);
    if (n === 0) return [];
    const rng = rngFor(tag.id, region ?? '*', hour);
    const share = recentShare(tag, region, nowMs);
    const regionalLikes = region ? Math.exp((unitFor(tag.id, region, 'likes') - 0.5) * 0.8) : 1;
    const [oldMin, oldMax] = tag.oldAgeDays;
    const rows: { key: number; v: WireVideo }[] = [];
    // Planted variants draw from their own stream, so the posts' other fields stay as without them.
    const plant = dataset.variants ? rngFor(tag.id, region ?? '*', hour, 'variants') : undefined;
    for (let i = 0; i < n; i++) {
      const young = rng() < share;
      const ageS = young
        ? YOUNG_MIN_S + (YOUNG_MAX_S - YOUNG_MIN_S) * rng() ** 1.4
        : (oldMin + (oldMax - oldMin) * rng() ** 1.5) * DAY_S;
      const author = pickAuthor(rng, tag, region);
      const tags = [
        ...new Set([
          tag.name,
          ...otherTags(rng, tag, tag.themes),
          ...plantedTags(dataset.variants, tag.name, region, plant),
        ]),
      ];
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
      if (hourEffect && hourEffect.region === region) {
        const h = localHour(timeZoneOf(region), v.create_time * 1000);
        if (h >= hourEffect.fromHour && h < hourEffect.toHour)
          v.digg_count = Math.round(v.digg_count * hourEffect.factor);
      }
      // Roughly newest first: the feed mixes in popular older posts, so order by log-age with wide noise.
      const newest = Math.log(ageS) + 1.6 * normal(rng);
      rows.push({ key: pageOrder === 'newest' ? newest : -Math.log1p(v.digg_count), v });
    }
    // The other orders draw from their own stream, so the posts (and every default answer) stay the same.
    if (pageOrder === 'random') {
      const shuffle = rngFor(tag.id, region ?? '*', hour, 'order');
      for (const r of rows) r.key = shuffle();
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

  const ownPosts = createOwnPosts(dataset, findTag, recentShare);

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
    findTag,
    tagById: (id) => byId.get(id),
    authorByUniqueId: (u) => authorsByUnique.get(u.toLowerCase()),
    authorById: (id) => authorsById.get(id),
    challenge: (tag, nowMs) => challengeAt(tag, weeksAt(nowMs)),
    recentShare,
    posts,
    postsPage,
    userInfo: userInfoOf,
    userPosts,
  };
}
