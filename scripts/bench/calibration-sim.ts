// Tags with a known truth, for the calibration harness and its unit tests: each tag's posts are drawn from a known
// velocity, likes distribution and target-author share, so a score's interval can be checked against the score
// the true parameters give when they are normalised and weighed exactly as the preset does.
import { normalCdf } from '../../src/core/engine/normal-dist';
import { normaliseMetrics } from '../../src/core/engine/normalise';
import { type RegionEntry, weighScore } from '../../src/core/engine/score';
import { hashString, mulberry32, normal, type Rng } from '../../src/core/prng';
import type { Post, ScoringSettings } from '../../src/shared/model';

/** The simulated clock (unix seconds). */
export const SIM_NOW = 1_795_000_000;
const DAY = 86_400;

/**
 * A tag's true parameters. A post is recent (inside a 14-day window) with probability `velocity`; its likes are
 * expm1(|Y|) with Y normal(mu, sigma) (a folded log-normal: heavy-tailed, never negative, with a closed-form
 * mean and log-mean); a new author is a target creator with probability `overlap`.
 */
export interface TagTruth {
  velocity: number;
  mu: number;
  sigma: number;
  overlap: number;
}

/**
 * `independent`: every post has its own author. `repeat`: a target creator posts 1 + Poisson(2) times in the
 * sample, other creators mostly once, so posts are not independent units of overlap evidence.
 */
export type AuthorMode = 'independent' | 'repeat';

export interface SimRegion {
  truths: TagTruth[];
  entries: RegionEntry[];
  targets: Set<string>;
}

/** The true density a preset's summary estimates: the mean, log-mean or median of expm1(|Y|). */
export function trueDensity(t: TagTruth, mode: ScoringSettings['density']): number {
  const { mu, sigma: s } = t;
  if (mode === 'mean') {
    // E[exp(|Y|)] for a folded normal (its moment-generating function at 1), minus 1.
    const a = Math.exp(mu + (s * s) / 2) * normalCdf(mu / s + s);
    const b = Math.exp(-mu + (s * s) / 2) * normalCdf(-mu / s + s);
    return a + b - 1;
  }
  if (mode === 'log-mean') {
    const meanAbs =
      s * Math.sqrt(2 / Math.PI) * Math.exp(-(mu * mu) / (2 * s * s)) + mu * (1 - 2 * normalCdf(-mu / s));
    return Math.expm1(meanAbs);
  }
  // The median m of |Y|: P(|Y| <= m) = 1/2, by bisection.
  let lo = 0;
  let hi = Math.abs(mu) + 10 * s;
  for (let i = 0; i < 80; i++) {
    const m = (lo + hi) / 2;
    if (normalCdf((m - mu) / s) - normalCdf((-m - mu) / s) < 0.5) lo = m;
    else hi = m;
  }
  return Math.expm1((lo + hi) / 2);
}

/** The scores the true parameters give: normalised across the region's tags and weighed as the preset does. */
export function trueScores(truths: readonly TagTruth[], settings: ScoringSettings): number[] {
  const metrics = truths.map((t) => ({
    velocity: t.velocity,
    density: trueDensity(t, settings.density),
    overlap: t.overlap,
  }));
  return normaliseMetrics(metrics, settings).map((n) => weighScore(n, false, settings.weights));
}

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}

/** A region's true parameters: spread so that tags differ on every metric, a third with no target creator. */
export function drawTruths(rng: Rng, tags: number): TagTruth[] {
  return Array.from({ length: tags }, () => ({
    velocity: 0.05 + 0.9 * rng(),
    mu: 2.5 + 4 * rng(),
    sigma: 0.6 + rng(),
    overlap: rng() < 1 / 3 ? 0 : 0.02 + 0.45 * rng(),
  }));
}

/** `n` posts of one tag drawn from its truth; target creators' ids are added to `targets`. */
export function drawPosts(
  rng: Rng,
  truth: TagTruth,
  n: number,
  mode: AuthorMode,
  prefix: string,
  targets: Set<string>,
): Post[] {
  const posts: Post[] = [];
  let author = 0;
  while (posts.length < n) {
    const target = rng() < truth.overlap;
    const id = `${prefix}-${target ? 'target' : 'creator'}-${author++}`;
    if (target) targets.add(id);
    const count = mode === 'independent' ? 1 : target ? 1 + poisson(rng, 2) : rng() < 0.15 ? 2 : 1;
    for (let k = 0; k < count && posts.length < n; k++) {
      const recent = rng() < truth.velocity;
      const age = recent ? 60 + rng() * (14 * DAY - 120) : 14 * DAY + 60 + rng() * 60 * DAY;
      posts.push({
        id: `${prefix}-${posts.length}`,
        createTime: Math.floor(SIM_NOW - age),
        likes: Math.expm1(Math.abs(truth.mu + truth.sigma * normal(rng))),
        comments: 0,
        shares: 0,
        plays: 0,
        authorId: id,
        caption: '',
      });
    }
  }
  return posts;
}

/** One simulated region: `tags` tags of `n` posts each, seeded from `seed`, so a case repeats exactly. */
export function simulateRegion(
  seed: string,
  tags: number,
  n: number,
  mode: AuthorMode,
  truths?: readonly TagTruth[],
): SimRegion {
  const rng = mulberry32(hashString(seed));
  const drawn = truths ? [...truths] : drawTruths(rng, tags);
  const targets = new Set<string>();
  const entries = drawn.map((truth, i) => {
    const name = `sim${i}`;
    return {
      candidate: name,
      challenge: { id: `${i}`, name, desc: '', userCount: 1_000, viewCount: 1_000_000, isCommerce: false },
      posts: drawPosts(rng, truth, n, mode, `${seed}-${name}`, targets),
    };
  });
  return { truths: drawn, entries, targets };
}
