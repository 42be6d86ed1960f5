// Synthetic samples for the large re-score: many candidates × regions × posts, deterministic, built in memory.
import type { Challenge, Post, RegionCode } from '../../src/shared/model';
import { sampleKey, type RunSamples } from '../../src/core/pipeline/run';
import { logNormal, mulberry32, pick, type Rng } from '../../src/core/prng';

const SEED = 20261120;
const DAY_S = 86_400;
const AUTHOR_POOL = 5_000;
/** Share of posts by a target creator, and of commercial tags: enough for overlap and exclusions to matter. */
const TARGET_SHARE = 0.05;
const COMMERCIAL_SHARE = 0.02;

export interface SyntheticRun {
  candidates: string[];
  data: RunSamples;
  posts: number;
}

function syntheticPost(rng: Rng, id: string, nowSec: number, targets: readonly string[]): Post {
  const recent = rng() < 0.5;
  const ageDays = recent ? rng() * 14 : 14 + rng() * 120;
  const author = rng() < TARGET_SHARE ? pick(rng, targets) : `creator_${Math.floor(rng() * AUTHOR_POOL)}`;
  return {
    id,
    createTime: Math.floor(nowSec - ageDays * DAY_S),
    likes: Math.round(logNormal(rng, 1_500, 1.2)),
    comments: Math.round(rng() * 200),
    shares: Math.round(rng() * 100),
    plays: Math.round(rng() * 200_000),
    authorId: author,
    caption: '',
  };
}

function syntheticChallenge(rng: Rng, i: number): Challenge {
  return {
    id: String(7_000_000_000 + i),
    name: `synthetic${i}`,
    desc: '',
    userCount: Math.round(logNormal(rng, 50_000, 1.5)),
    viewCount: Math.round(logNormal(rng, 200_000_000, 1.5)),
    isCommerce: rng() < COMMERCIAL_SHARE,
  };
}

/** `tags` candidates with `postsPerSample` posts in each region, as a pipeline run would have fetched them. */
export function buildSyntheticRun(
  tags: number,
  regions: readonly RegionCode[],
  postsPerSample: number,
  targets: readonly string[],
  nowSec: number,
): SyntheticRun {
  const rng = mulberry32(SEED);
  const candidates: string[] = [];
  const data: RunSamples = { challenges: new Map(), samples: new Map() };
  let posts = 0;
  for (let i = 0; i < tags; i++) {
    const challenge = syntheticChallenge(rng, i);
    candidates.push(challenge.name);
    data.challenges.set(challenge.name, challenge);
    for (const region of regions) {
      const sample = Array.from({ length: postsPerSample }, (_, j) =>
        syntheticPost(rng, `${challenge.id}${region}${j}`, nowSec, targets),
      );
      data.samples.set(sampleKey(region, challenge.name), sample);
      posts += sample.length;
    }
  }
  return { candidates, data, posts };
}
