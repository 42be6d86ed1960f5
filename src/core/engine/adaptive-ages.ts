// A tag's later posts' recency from its posts in hand: the API documents no page order, but the ages of the posts in
// hand against their places say what order they come in. Served newest first, ages grow with the place, and the
// full sample's velocity follows from where the line crosses the window; served at random, ages do not grow and the
// later posts are expected as recent as the ones in hand. A line through ages by place, its scatter kept as it is,
// extrapolated to the places not yet fetched: no order is assumed, the posts in hand say which one it is.
import type { ScoringSettings } from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';

const DAY_S = 86_400;
/** Fewer posts in hand than this and no line is drawn. */
const MIN_POSTS = 6;

/** How many of `sorted` (ascending) are below `x`. */
function below(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line through a sample's ages (days) by place, in served order: its slope and the slope's standard error. */
export interface AgeLine {
  n: number;
  xMean: number;
  yMean: number;
  b: number;
  seB: number;
  seLevel: number;
  /** The ages' scatter about the line, ascending. */
  residuals: number[];
  recentInHand: number;
}

export function ageLine(
  posts: readonly HeldPost[],
  settings: ScoringSettings,
  nowSec: number,
): AgeLine | undefined {
  const n = posts.length;
  if (n < MIN_POSTS) return undefined;
  const ages = posts.map((p) => Math.max(0, (nowSec - p.createTime) / DAY_S));
  const xMean = (n - 1) / 2;
  const yMean = ages.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - xMean) ** 2;
    sxy += (i - xMean) * (ages[i]! - yMean);
  }
  const b = sxy / sxx;
  const residuals = ages.map((y, i) => y - yMean - b * (i - xMean)).sort((u, v) => u - v);
  const s2 = residuals.reduce((s, r) => s + r * r, 0) / (n - 2);
  return {
    n,
    xMean,
    yMean,
    b,
    seB: Math.sqrt(s2 / sxx),
    seLevel: Math.sqrt(s2 / n),
    residuals,
    recentInHand: ages.filter((a) => a <= settings.windowDays).length,
  };
}

/**
 * What the region's lines say of each slope: tags' slopes differ by their pace when pages come in time order and
 * by their noise alone when they come at random, so each slope is shrunk toward the lines' mean by how much the
 * slopes differ beyond their noise (empirical Bayes). Returns the slope to use and its standard error.
 */
export function shrinkSlopes(lines: readonly AgeLine[]): (l: AgeLine) => { b: number; seB: number } {
  if (lines.length < 5) return (l) => ({ b: l.b, seB: l.seB });
  const mean = lines.reduce((s, l) => s + l.b, 0) / lines.length;
  const spread = lines.reduce((s, l) => s + (l.b - mean) ** 2, 0) / (lines.length - 1);
  const noise = lines.reduce((s, l) => s + l.seB ** 2, 0) / lines.length;
  const tau2 = Math.max(0, spread - noise);
  return (l) => {
    // A line with no scatter (every age on it) keeps its own slope.
    const w = l.seB === 0 ? 1 : tau2 / (tau2 + l.seB ** 2);
    return {
      b: mean + w * (l.b - mean),
      seB: Math.sqrt(w * l.seB ** 2 + (1 - w) ** 2 * (spread / lines.length)),
    };
  };
}

/**
 * The full sample's velocity (its share of posts inside the window) expected from a line through the posts in
 * hand, when a full sample has `fullSize` posts, and the variance of what it will be: the line's own uncertainty
 * (its slope and level, each moved by a standard error) and the unseen posts' own chance of falling on either side.
 * Undefined when the posts in hand are already the full sample.
 */
export function velocityFromLine(
  l: AgeLine,
  slope: { b: number; seB: number },
  fullSize: number,
  settings: ScoringSettings,
): { value: number; variance: number } | undefined {
  const { n, xMean, yMean, residuals } = l;
  if (n >= fullSize) return undefined;
  const window = settings.windowDays;
  const unseen = fullSize - n;
  /** The unseen places' expected share inside the window, and their Bernoulli variance, under slope `bb`, level shift `da`. */
  const share = (bb: number, da: number): { p: number; bern: number } => {
    let p = 0;
    let bern = 0;
    for (let j = n; j < fullSize; j++) {
      // An unseen post at place j is inside the window when its age (the line plus one of the scatters) is.
      const q = below(residuals, window - (yMean + da + bb * (j - xMean)) + 1e-9) / n;
      p += q;
      bern += q * (1 - q);
    }
    return { p: p / unseen, bern: bern / unseen };
  };
  const mid = share(slope.b, 0);
  const bSpread = (share(slope.b + slope.seB, 0).p - share(slope.b - slope.seB, 0).p) / 2;
  const level = (share(slope.b, l.seLevel).p - share(slope.b, -l.seLevel).p) / 2;
  const w = unseen / fullSize;
  return {
    value: (l.recentInHand + unseen * mid.p) / fullSize,
    variance: w * w * (bSpread * bSpread + level * level + mid.bern / unseen),
  };
}

/** velocityFromLine of the posts' own line, its slope unshrunk. */
export function velocityFromAges(
  posts: readonly HeldPost[],
  fullSize: number,
  settings: ScoringSettings,
  nowSec: number,
): { value: number; variance: number } | undefined {
  const l = ageLine(posts, settings, nowSec);
  return l ? velocityFromLine(l, l, fullSize, settings) : undefined;
}

/**
 * Whether a line through ages by place predicts later posts better than the posts in hand do, tested inside the
 * samples' first `size` posts: each sample's first half's line predicts how many of its second half are inside the
 * window, against the first half's own share (no order at all), squared errors summed over the samples. Pages served
 * in time order make the line win; at random or by likes the line only adds its noise. The API's order is the same
 * for every sample, so the test pools them; fewer than 5 samples and the line is not used.
 */
export function linePredictsBetter(
  samples: readonly (readonly HeldPost[])[],
  size: number,
  settings: ScoringSettings,
  nowSec: number,
): boolean {
  let byLine = 0;
  let byShare = 0;
  let count = 0;
  const half = Math.floor(size / 2);
  for (const s of samples) {
    if (s.length < size) continue;
    const first = s.slice(0, half);
    const l = ageLine(first, settings, nowSec);
    if (!l) continue;
    const actual = s
      .slice(half, size)
      .filter((p) => (nowSec - p.createTime) / DAY_S <= settings.windowDays).length;
    const predicted = velocityFromLine(l, l, size, settings)!.value * size - l.recentInHand;
    byLine += (predicted - actual) ** 2;
    byShare += ((l.recentInHand / half) * (size - half) - actual) ** 2;
    count += 1;
  }
  return count >= 5 && byLine < byShare;
}

/**
 * Each open sample's full velocity from its ages by place (`samples`: candidate → posts in hand), when here the line
 * predicts better than the posts in hand do (linePredictsBetter), each slope as the region's lines say it
 * (shrinkSlopes); empty otherwise.
 */
export function velocityByAges(
  samples: ReadonlyMap<string, readonly HeldPost[]>,
  fullSize: number,
  settings: ScoringSettings,
  nowSec: number,
): Map<string, { value: number; variance: number }> {
  const out = new Map<string, { value: number; variance: number }>();
  if (!linePredictsBetter([...samples.values()], settings.pageSize, settings, nowSec)) return out;
  const lines = new Map<string, AgeLine>();
  for (const [c, posts] of samples) {
    const l = ageLine(posts, settings, nowSec);
    if (l) lines.set(c, l);
  }
  const slopeOf = shrinkSlopes([...lines.values()]);
  for (const [c, l] of lines) {
    const v = velocityFromLine(l, slopeOf(l), fullSize, settings);
    if (v) out.set(c, v);
  }
  return out;
}
