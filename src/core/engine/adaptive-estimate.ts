// Adaptive sampling's estimate of a tag's score and its standard error from the tag's own posts: the region's
// normalisation is fixed after page 1 (so one tag's interval does not move with the others' samples), likes are
// taken on a log scale and only from posts old enough to have collected them, and each part's standard error is
// scaled by its normalisation spread and weighted as the preset weighs the part.
import type { Challenge, ScoringSettings } from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';
import { authorKeyFor, targetKeysFor } from './metrics';
import { AD_PENALTY } from './score';

const DAY_S = 86_400;
/** Posts younger than this have not collected their likes yet (a young post's likes say little about the tag),
 * so the decision leaves them out of the density part when the tag has older posts enough. */
const MIN_DENSITY_AGE_S = 2 * DAY_S;
/** Fewer aged posts than this and the density part uses every post. */
const MIN_AGED_POSTS = 5;
/** Floors of the normalisation spreads: a part on which page 1 hardly separates the tags must not make a small
 * difference look decisive (shares in [0, 1]; density on log1p(likes)). */
const SPREAD_FLOOR = { velocity: 0.05, density: 0.5, overlap: 0.05 };

export interface Parts {
  velocity: number;
  density: number;
  overlap: number;
}

/** A region's normalisation, fixed after page 1: each part's low end and spread. */
export interface RegionScale {
  lo: Parts;
  spread: Parts;
}

/** One sample's parts with their sampling variances. */
export interface PartStats {
  value: Parts;
  variance: Parts;
  /** Posts used (after removing repeats). */
  n: number;
}

/** What the estimate needs of a candidate. */
export interface EstimateEntry {
  candidate: string;
  challenge: Challenge | null;
  posts: readonly HeldPost[];
}

/** Whether the preset ranks this entry at all (the same exclusions as scoreRegion for the robust presets). */
export const isRankable = (
  e: EstimateEntry,
  settings: ScoringSettings,
): e is EstimateEntry & { challenge: Challenge } =>
  e.challenge !== null && (!e.challenge.isCommerce || settings.keepCommercial) && e.posts.length > 0;

/**
 * How many distinct authors a sample of `n` posts would show at `size` posts, from how many it shows once and twice
 * (Chao et al. 2014's extrapolation of species richness). Overlap is a share of distinct authors, and a target
 * creator posts more often than most, so a first page overstates it: the full sample's is what the ranking uses.
 */
export function distinctAt(counts: readonly number[], n: number, size: number): number {
  const seen = counts.length;
  if (size <= n || n < 2) return seen;
  const f1 = counts.filter((c) => c === 1).length;
  const f2 = counts.filter((c) => c === 2).length;
  if (f1 === 0) return seen;
  const f0 = ((n - 1) / n) * (f2 > 0 ? (f1 * f1) / (2 * f2) : (f1 * (f1 - 1)) / 2);
  if (f0 === 0) return seen;
  return seen + f0 * (1 - (1 - f1 / (n * f0 + f1)) ** (size - n));
}

/**
 * The parts of `posts` and their variances: velocity and overlap as shares, density as the mean log1p(likes).
 * `size`: the sample size the full sample would have (overlap is extrapolated to it; default: as in hand).
 */
export function partStats(
  posts: readonly HeldPost[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  size = 0,
): PartStats {
  const seen = settings.dedupePosts ? new Set<string>() : undefined;
  const cutoff = nowSec - settings.windowDays * DAY_S;
  const key = authorKeyFor(settings);
  const keyedTargets = targetKeysFor(targets, settings);
  let n = 0;
  let recent = 0;
  const all: number[] = [];
  const aged: number[] = [];
  const authors = new Map<string, number>();
  for (const p of posts) {
    if (seen && p.id !== '') {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
    }
    n += 1;
    if (p.createTime >= cutoff) recent += 1;
    const x = Math.log1p(Math.max(0, p.likes));
    all.push(x);
    if (nowSec - p.createTime >= MIN_DENSITY_AGE_S) aged.push(x);
    if (p.authorId !== '') {
      const a = key(p.authorId);
      authors.set(a, (authors.get(a) ?? 0) + 1);
    }
  }
  const counts: number[] = [];
  const targetCounts: number[] = [];
  for (const [a, c] of authors) (keyedTargets.has(a) ? targetCounts : counts).push(c);
  const byAuthor = counts.reduce((s, c) => s + c, 0);
  const byTarget = targetCounts.reduce((s, c) => s + c, 0);
  const scaleUp = (byAuthor + byTarget > 0 ? size / (byAuthor + byTarget) : 1) || 1;
  const others = distinctAt(counts, byAuthor, byAuthor * scaleUp);
  const targetAuthors = distinctAt(targetCounts, byTarget, byTarget * scaleUp);
  const likes = aged.length >= MIN_AGED_POSTS ? aged : all;
  const mean = likes.reduce((s, x) => s + x, 0) / Math.max(1, likes.length);
  const ss = likes.reduce((s, x) => s + (x - mean) ** 2, 0);
  // Shares shrunk a little towards the middle, so 0 of 30 still has a variance.
  const share = (k: number, m: number): [number, number] => {
    const p = (k + 0.5) / (m + 1);
    return [m === 0 ? 0 : k / m, (p * (1 - p)) / Math.max(1, m)];
  };
  const [velocity, vVar] = share(recent, n);
  // The share extrapolated to the full sample, its variance from the authors actually seen.
  const overlap = targetAuthors + others > 0 ? targetAuthors / (targetAuthors + others) : 0;
  const oVar = share(Math.round(overlap * authors.size), authors.size)[1];
  // A log-likes spread of at least 1 for a tiny sample, whose own spread would claim too much.
  const dVar =
    (likes.length > 1 ? Math.max(ss / (likes.length - 1), likes.length < 10 ? 1 : 0) : 4) /
    Math.max(1, likes.length);
  return {
    value: { velocity, density: mean, overlap },
    variance: { velocity: vVar, density: dVar, overlap: oVar },
    n,
  };
}

/** The normalisation after page 1: the parts' range over the region's rankable tags. */
export function regionScale(stats: readonly PartStats[]): RegionScale {
  const parts = ['velocity', 'density', 'overlap'] as const;
  const lo = { velocity: 0, density: 0, overlap: 0 };
  const spread = { ...lo };
  for (const part of parts) {
    const xs = stats.map((s) => s.value[part]);
    const min = xs.length > 0 ? Math.min(...xs) : 0;
    const max = xs.length > 0 ? Math.max(...xs) : 0;
    lo[part] = min;
    spread[part] = max - min;
  }
  return { lo, spread };
}

/** A tag's score on the fixed scale (0-100 like the preset's, not equal to it) and its standard error. */
export function scoreOnScale(
  stats: PartStats,
  scale: RegionScale,
  settings: ScoringSettings,
  isCommerce: boolean,
): { score: number; se: number } {
  const w = settings.weights;
  const parts = ['velocity', 'density', 'overlap'] as const;
  let score = isCommerce ? -100 * w.adPenalty * AD_PENALTY : 0;
  let variance = 0;
  for (const part of parts) {
    // A part page 1 did not spread at all scores every tag alike (min-max gives 0.5): it decides nothing.
    if (scale.spread[part] === 0) continue;
    const k = (100 * w[part]) / Math.max(scale.spread[part], SPREAD_FLOOR[part]);
    score += k * (stats.value[part] - scale.lo[part]);
    variance += k * k * stats.variance[part];
  }
  return { score, se: Math.sqrt(variance) };
}
