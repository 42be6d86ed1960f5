// Synthetic samples for the scale table: `tags` hashtags × `regions` regions × 90 posts, seeded, built in memory
// as a run holds them after its fetch: API-shaped posts with captions, parsed from JSON page by page as the client
// parses them, then made lean as the run makes each completed pair (lean-posts.ts), so no 1.1 M full posts live at
// once. Each tag has its own pace, typical likes and share of target creators, so a ranking has the spread of real
// tags rather than 500 copies of one.
import { logNormal, mulberry32, pick } from '../../src/core/prng';
import { internTableOf, leanSample, makeSamplesLean } from '../../src/core/pipeline/lean-posts';
import { type RunSamples, sampleKey } from '../../src/core/pipeline/run';
import type { Post, RegionCode } from '../../src/shared/model';

const SEED = 20_261_206;
const DAY_S = 86_400;
const POSTS = 90;
/** Posts per page, as the API serves them (the default page size). */
const PAGE = 30;
export const SCALE_NOW = new Date('2026-11-20T00:00:00Z');
/** 25 regions TikTok serves, in the order a list would take the first N of. */
export const SCALE_REGIONS: readonly RegionCode[] = [
  'US',
  'GB',
  'DE',
  'FR',
  'BR',
  'IT',
  'ES',
  'NL',
  'SE',
  'NO',
  'DK',
  'FI',
  'PL',
  'PT',
  'IE',
  'CA',
  'AU',
  'NZ',
  'JP',
  'KR',
  'MX',
  'AR',
  'ID',
  'TR',
  'ZA',
];
export const SCALE_TARGETS: readonly string[] = Array.from({ length: 40 }, (_, i) => `target_creator_${i}`);
const WORDS = [
  'new',
  'drop',
  'today',
  'how',
  'we',
  'made',
  'this',
  'small',
  'studio',
  'tips',
  'day',
  'in',
  'life',
];

export interface ScaleSamples {
  candidates: string[];
  regions: RegionCode[];
  targets: readonly string[];
  data: RunSamples;
  posts: number;
  nowSec: number;
}

export function buildScaleSamples(tags: number, regionCount: number): ScaleSamples {
  const rng = mulberry32(SEED);
  const nowSec = SCALE_NOW.getTime() / 1000;
  const regions = SCALE_REGIONS.slice(0, regionCount);
  const data: RunSamples = { challenges: new Map(), samples: new Map() };
  const candidates: string[] = [];
  let posts = 0;
  for (let i = 0; i < tags; i++) {
    const name = `scaletag${i}`;
    candidates.push(name);
    data.challenges.set(name, {
      id: String(8_000_000_000 + i),
      name,
      desc: '',
      userCount: Math.round(logNormal(rng, 40_000, 1.5)),
      viewCount: Math.round(logNormal(rng, 100_000_000, 1.5)),
      isCommerce: rng() < 0.02,
    });
    // The tag's own shape: how recent its posts are, how liked, how many by target creators, how many creators.
    const recentShare = 0.1 + rng() * 0.8;
    const likes = logNormal(rng, 1_500, 1);
    const targetShare = rng() * 0.12;
    const creators = 20 + Math.floor(rng() * 400);
    for (const region of regions) {
      const sample: Post[] = Array.from({ length: POSTS }, (_, j) => {
        const recent = rng() < recentShare;
        const author =
          rng() < targetShare ? pick(rng, SCALE_TARGETS) : `creator_${i}_${Math.floor(rng() * creators)}`;
        return {
          id: `${8_000_000_000 + i}${region}${j}`,
          createTime: Math.floor(nowSec - (recent ? rng() * 14 : 14 + rng() * 120) * DAY_S),
          likes: Math.round(logNormal(rng, likes, 1.2)),
          comments: Math.round(rng() * 200),
          shares: Math.round(rng() * 100),
          plays: Math.round(rng() * 200_000),
          authorId: author,
          caption: `${Array.from({ length: 8 }, () => pick(rng, WORDS)).join(' ')} #${name} #fyp #${region.toLowerCase()}${j}`,
        };
      });
      // Through JSON a page at a time, as the API client reads them (flat strings, not the rope a template literal
      // builds), then lean, as the run holds a completed pair.
      const parsed: Post[] = [];
      for (let at = 0; at < sample.length; at += PAGE)
        parsed.push(...(JSON.parse(JSON.stringify(sample.slice(at, at + PAGE))) as Post[]));
      data.samples.set(sampleKey(region, name), leanSample(parsed, internTableOf(data.samples)));
      posts += sample.length;
    }
  }
  makeSamplesLean(data.samples);
  return { candidates, regions, targets: SCALE_TARGETS, data, posts, nowSec };
}
