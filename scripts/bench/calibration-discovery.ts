// Calibration of discovery: chance suggestions per region when caption tags are drawn independently of the
// candidates, and the power to suggest a tag on 30 % of a theme's posts. Seeded regions with a known truth, scored by
// the project's own suggestTags.
import { suggestTags } from '../../src/core/discover/cooccurrence';
import { mulberry32, type Rng } from '../../src/core/prng';
import type { Post, RegionResult, ScoredTag } from '../../src/shared/model';
import type { CalibrationRow } from './calibration-row';

/** The theme tag planted in the power regions. */
export const THEME_TAG = 'plantedtheme';

const CANDIDATES = 20;
const VOCABULARY = 400;

function row(name: string, rank: number): ScoredTag {
  return {
    tag: name,
    candidate: name,
    rank,
    score: 100 - rank * 4,
    velocity: 0.5,
    density: 100,
    overlap: 0,
    normalised: { velocity: 0.5, density: 0.5, overlap: 0 },
    sample: 0,
    served: 0,
    distinctAuthors: 0,
    targetAuthors: 0,
    medianLikes: 0,
    meanLikes: 0,
    newestPostAt: 0,
    userCount: 0,
    viewCount: 0,
    isCommerce: false,
    flags: [],
  };
}

/** A Zipf-like draw from the vocabulary: a few tags are common, most rare. */
const vocabTag = (rng: Rng): string => `v${Math.floor(VOCABULARY * rng() ** 2.5)}`;

export interface SimRegion {
  result: RegionResult;
  samples: Map<string, Post[]>;
  candidates: Set<string>;
}

/**
 * One region: 20 candidates of 30 posts each. Creators post 1 to 8 times in a candidate's sample and carry their
 * own signature tags on every post (as people do), plus one or two tags of the moment. `themeShare` > 0 plants
 * THEME_TAG on that share of the high scorers' (the top five's) posts, by distinct creators, and on 2 % elsewhere.
 */
export function simulateRegion(seed: number, themeShare = 0, postsPerTag = 30): SimRegion {
  const rng = mulberry32(seed);
  const names = Array.from({ length: CANDIDATES }, (_, i) => `cand${i}`);
  const samples = new Map<string, Post[]>();
  let postId = 0;
  let creatorId = 0;
  for (const [i, name] of names.entries()) {
    const high = i < 5;
    const posts: Post[] = [];
    while (posts.length < postsPerTag) {
      const author = `u${seed}-${creatorId++}`;
      const signature = Array.from({ length: 3 }, () => vocabTag(rng));
      const count = rng() < 0.2 ? 8 : 1 + Math.floor(rng() * 3);
      const themed = rng() < (high ? themeShare : themeShare > 0 ? 0.02 : 0);
      for (let k = 0; k < count && posts.length < postsPerTag; k++) {
        const tags = [...signature, vocabTag(rng), ...(rng() < 0.5 ? [vocabTag(rng)] : [])];
        if (themed) tags.push(THEME_TAG);
        posts.push({
          id: `p${seed}-${postId++}`,
          createTime: 1_795_000_000,
          likes: 10,
          comments: 0,
          shares: 0,
          plays: 0,
          authorId: author,
          caption: `#${name} ${tags.map((t) => `#${t}`).join(' ')}`,
        });
      }
    }
    samples.set(name, posts);
  }
  return {
    result: { region: 'US', ranked: names.map((n, i) => row(n, i + 1)), excluded: [] },
    samples,
    candidates: new Set(names),
  };
}

export interface DiscoveryCalibration {
  regions: number;
  /** Mean suggestions per region with independent captions (all are chance). */
  chancePerRegion: number;
  /** Share of regions where a tag on 30 % of the theme's posts was suggested. */
  power: number;
}

export function discoveryCalibration(regions = 200, seed = 1): DiscoveryCalibration {
  let chance = 0;
  let found = 0;
  for (let r = 0; r < regions; r++) {
    const nul = simulateRegion(seed * 100_003 + r);
    chance += suggestTags(nul.result, (c) => nul.samples.get(c) ?? [], nul.candidates).length;
    const alt = simulateRegion(seed * 100_003 + r + 50_000_000, 0.3);
    if (
      suggestTags(alt.result, (c) => alt.samples.get(c) ?? [], alt.candidates).some(
        (s) => s.tag === THEME_TAG,
      )
    )
      found += 1;
  }
  return { regions, chancePerRegion: chance / regions, power: found / regions };
}

/** The calibration table's rows for discovery (`quick`: fewer regions). */
export function discoveryRows(quick: boolean): CalibrationRow[] {
  const c = discoveryCalibration(quick ? 40 : 200);
  return [
    {
      measure: 'chance suggestions per region, captions independent of the candidates',
      regions: c.regions,
      value: c.chancePerRegion.toFixed(2),
      goal: '<= 1',
    },
    {
      measure: "regions suggesting a tag on 30 % of the theme's posts",
      regions: c.regions,
      value: `${(c.power * 100).toFixed(1)} %`,
      goal: '>= 90 %',
    },
  ];
}
