// How sure a score is. Each region's tags are resampled by author (confidence-draws.ts), every resample scored as
// the preset scores, and each tag gets a bias-corrected 90 % interval (BC bootstrap: min-max of noisy estimates
// is biased, which the plain percentile interval inherits), widened to hold the reported score, a rank range
// whose ties share their places, and a label from what the resamples show: a coin toss with the neighbour its
// order swaps with most often, a rank that wanders, or too few posts to say. Confidence never changes a score.
import type { RegionResult, ScoreConfidence, ScoringSettings } from '../../shared/model';
import { type BootstrapOptions, DEFAULT_RESAMPLES, type Resampled, resampleRegion } from './confidence-draws';
import { normalCdf, normalQuantile } from './normal-dist';
import { AD_PENALTY, type RegionEntry } from './score';

export type { BootstrapOptions };
export { DEFAULT_RESAMPLES };

/** Under this many posts no interval is given: on the calibration's simulated tags coverage holds (87-92 %) down
 * to 10 posts but falls to 84-89 % at 8 and 75-88 % at 5. */
export const MIN_INTERVAL_SAMPLE = 10;
/**
 * The interval's normal quantile for a tag with `units` resampling units (authors). Nominal 90 % is 1.645, but the
 * bias-corrected interval of min-max normalised scores falls short of it on simulated tags with a known truth
 * (82-85 % at 90 posts, 77-85 % at 30): a calibrated level, wider for fewer units, brings coverage to 87-93 % for
 * every preset at 30 and 90 posts (npm run bench -- --calibration; the table is in the README).
 */
export const intervalZ = (units: number): number => 1.65 + 3 / Math.sqrt(Math.max(1, units));

/** A neighbour whose order with this tag flips in at least this share of resamples makes it a coin toss. */
export const COIN_TOSS_SHARE = 0.4;
/** How many places either side of a tag's rank are looked at for its coin-toss neighbour. */
const NEIGHBOURS = 4;

/** The q-quantile of sorted values, interpolated. */
function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** The k-th smallest rank (0-based) from per-rank counts of ranks 1…T. */
function kthRank(counts: Int32Array, at: number, T: number, k: number): number {
  let seen = 0;
  for (let r = 1; r <= T; r++) {
    seen += counts[at + r]!;
    if (seen > k) return r;
  }
  return T;
}

/** The q-quantile of B ranks counted per rank, interpolated as `quantile` does (sorting every tag's ranks was most
 * of a weights-only re-score's cost). */
function rankQuantile(counts: Int32Array, at: number, T: number, B: number, q: number): number {
  const i = (B - 1) * q;
  const lo = kthRank(counts, at, T, Math.floor(i));
  return lo + (kthRank(counts, at, T, Math.ceil(i)) - lo) * (i - Math.floor(i));
}

/** A tag's B resampled scores (in hundredths, as integers) sorted into `out` as scores: a counting sort when they
 * span a narrow range (they usually do), a native sort otherwise. */
function sortScores(
  k: Int32Array,
  from: number,
  B: number,
  out: Float64Array,
  counts: Int32Array,
): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let b = 0; b < B; b++) {
    const v = k[from + b]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo + 1;
  if (range > counts.length) {
    for (let b = 0; b < B; b++) out[b] = k[from + b]! / 100;
    return out.sort();
  }
  counts.fill(0, 0, range);
  for (let b = 0; b < B; b++) {
    const at = k[from + b]! - lo;
    counts[at] = counts[at]! + 1;
  }
  let at = 0;
  for (let r = 0; r < range; r++) for (let c = counts[r]!; c > 0; c--) out[at++] = (r + lo) / 100;
  return out;
}

/** The bias-corrected (BC) percentile interval of sorted resampled scores around the point. */
function bcInterval(sorted: Float64Array, point: number, z: number): [number, number] {
  const B = sorted.length;
  let below = 0;
  let equal = 0;
  for (let b = 0; b < B; b++) {
    if (sorted[b]! < point) below += 1;
    else if (sorted[b]! === point) equal += 1;
  }
  // The share of resamples under the point, ties counted half, kept off 0 and 1.
  const share = Math.min(1 - 0.5 / B, Math.max(0.5 / B, (below + equal / 2) / B));
  const z0 = normalQuantile(share);
  const lo = quantile(sorted, normalCdf(2 * z0 - z));
  const hi = quantile(sorted, normalCdf(2 * z0 + z));
  return [Math.min(lo, point), Math.max(hi, point)];
}

/** A rank range wider than this many places is too wide to act on. */
const wideRankRange = (ranked: number): number => Math.max(4, Math.ceil(ranked / 5));

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Each ranked tag's 90 % score interval, rank range and label, by candidate. `result` is the region scored from
 * the same entries (scoreRegion): its ranked tags are the ones resampled, its scores the points.
 */
export function bootstrapRegion(
  entries: readonly RegionEntry[],
  result: RegionResult,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  opts: BootstrapOptions = {},
): Map<string, ScoreConfidence> {
  if (result.ranked.length === 0) return new Map();
  const draws = resampleRegion(entries, result, targets, settings, nowSec, opts);
  const stopped = new Map(entries.map((e) => [e.candidate, e.stoppedEarly] as const));
  return confidenceFromDraws(draws, result, settings, stopped);
}

/** Resampled scores in hundredths, [t * B + b], and each tag's best and worst place per resample as counts per
 * rank, [t * (T + 2) + rank]: what the intervals, rank ranges and coin tosses are read from. */
function resampledRanks(
  draws: Resampled,
  weights: ScoringSettings['weights'],
): { k: Int32Array; minCounts: Int32Array; maxCounts: Int32Array } {
  const { order, B, normalised: norm } = draws;
  const T = order.length;
  const k = new Int32Array(T * B);
  const minCounts = new Int32Array(T * (T + 2));
  const maxCounts = new Int32Array(T * (T + 2));
  const penalty = Float64Array.from(order, (t) => (t.isCommerce ? AD_PENALTY : 0));
  const { velocity: wv, density: wd, overlap: wo, adPenalty: wa } = weights;
  const cur = new Int32Array(T);
  const byResample = new Int32Array(T * B);
  const ord = new Int32Array(T);
  const tmp = new Int32Array(T);
  const bucket = new Int32Array(129);
  for (let b = 0; b < B; b++) {
    let at = b * T * 3;
    let top = -Infinity;
    let bottom = Infinity;
    for (let t = 0; t < T; t++, at += 3) {
      // unroundedScore's operations in its order; rounded plainly: exact half-even ties (the reported score's)
      // cannot move a percentile.
      const score = 100 * (wv * norm[at]! + wd * norm[at + 1]! + wo * norm[at + 2]! - wa * penalty[t]!);
      const hundredths = Math.round(score * 100);
      cur[t] = hundredths;
      if (hundredths > top) top = hundredths;
      if (hundredths < bottom) bottom = hundredths;
    }
    rankOrder(cur, top, bottom, ord, tmp, bucket);
    // Kept resample by resample, then turned tag by tag below: a write per tag a resample apart missed the cache.
    byResample.set(cur, b * T);
    // Tags with the same score share the places of their group: tied tags get one rank range, not distinct ranks.
    for (let i = 0; i < T;) {
      const v = cur[ord[i]!]!;
      let j = i;
      while (j + 1 < T && cur[ord[j + 1]!] === v) j++;
      for (let q = i; q <= j; q++) {
        const at2 = ord[q]! * (T + 2);
        minCounts[at2 + i + 1] = minCounts[at2 + i + 1]! + 1;
        maxCounts[at2 + j + 1] = maxCounts[at2 + j + 1]! + 1;
      }
      i = j + 1;
    }
  }
  // [b * T + t] → [t * B + b], in blocks that stay in the cache.
  for (let b0 = 0; b0 < B; b0 += 64) {
    const b1 = Math.min(B, b0 + 64);
    for (let t = 0; t < T; t++) for (let b = b0; b < b1; b++) k[t * B + b] = byResample[b * T + t]!;
  }
  return { k, minCounts, maxCounts };
}

/**
 * `ord` = the tags by score in hundredths (`cur`), highest first, ties in input order: a stable radix sort of
 * (top - score) in two 7-bit passes, a few microseconds a resample (a native sort of 200 keys took 40). Scores
 * spanning more than 16,384 hundredths cannot occur with weights up to 1; a comparison sort covers them anyway.
 */
function rankOrder(
  cur: Int32Array,
  top: number,
  bottom: number,
  ord: Int32Array,
  tmp: Int32Array,
  bucket: Int32Array,
): void {
  const T = cur.length;
  for (let t = 0; t < T; t++) ord[t] = t;
  if (top - bottom >= 16_384) {
    ord.sort((a, b) => cur[b]! - cur[a]! || a - b);
    return;
  }
  let from = ord;
  let to = tmp;
  for (let shift = 0; shift <= 7; shift += 7) {
    bucket.fill(0);
    for (let i = 0; i < T; i++) {
      const d = ((top - cur[from[i]!]!) >>> shift) & 127;
      bucket[d + 1] = bucket[d + 1]! + 1;
    }
    for (let d = 0; d < 128; d++) bucket[d + 1] = bucket[d + 1]! + bucket[d]!;
    for (let i = 0; i < T; i++) {
      const t = from[i]!;
      const d = ((top - cur[t]!) >>> shift) & 127;
      to[bucket[d]!] = t;
      bucket[d] = bucket[d]! + 1;
    }
    [from, to] = [to, from];
  }
  // Two passes: the result is back in `ord`.
}

/**
 * Each ranked tag's interval, rank range and label from a region's draws under `result`'s weights and scores: the
 * part of the confidence a change of weights redoes (the draws stay). `stopped`: why a tag's sample was cut short.
 */
export function confidenceFromDraws(
  draws: Resampled,
  result: RegionResult,
  settings: ScoringSettings,
  stopped: ReadonlyMap<string, string | undefined>,
): Map<string, ScoreConfidence> {
  const out = new Map<string, ScoreConfidence>();
  const { order, B, units } = draws;
  const T = order.length;
  const { k, minCounts, maxCounts } = resampledRanks(draws, settings.weights);
  const position = new Map(order.map((t, i) => [t.candidate, i] as const));
  const byRank = [...result.ranked].sort((a, b) => a.rank - b.rank);
  const wide = wideRankRange(T);
  const pairs = neighbourCounts(
    k,
    B,
    Int32Array.from(byRank, (t) => position.get(t.candidate)!),
  );
  const sorted = new Float64Array(B);
  const counts = new Int32Array(8 * B);
  byRank.forEach((tag, r) => {
    const t = position.get(tag.candidate)!;
    const rankLow = Math.min(tag.rank, Math.round(rankQuantile(minCounts, t * (T + 2), T, B, 0.05)));
    const rankHigh = Math.max(tag.rank, Math.round(rankQuantile(maxCounts, t * (T + 2), T, B, 0.95)));
    const coin = coinTossNeighbour(pairs, B, r, byRank);
    const tooFew = tag.served === 0 || tag.sample < MIN_INTERVAL_SAMPLE;
    const small = !tooFew && tag.sample < settings.minStableSample && !stopped.get(tag.candidate);
    const [low, high] = tooFew
      ? [null, null]
      : bcInterval(sortScores(k, t * B, B, sorted, counts), tag.score, intervalZ(units[t]!));
    const conf: ScoreConfidence = {
      low: low === null ? null : round2(low),
      high: high === null ? null : round2(high),
      rankLow,
      rankHigh,
      label: 'confident',
      resamples: B,
    };
    if (coin) conf.coinToss = coin;
    if (small) conf.smallSample = true;
    const reasons: string[] = [];
    if (tooFew) {
      conf.label = 'too few posts';
      reasons.push(
        tag.served === 0
          ? 'no posts in this region'
          : `too few posts for an interval: ${tag.sample} sampled (an interval needs at least ${MIN_INTERVAL_SAMPLE})`,
      );
    } else {
      if (coin) reasons.push(`coin toss with #${coin.tag} (${coin.above} / ${coin.below})`);
      if (rankHigh - rankLow + 1 > wide)
        reasons.push(`it ranks anywhere from #${rankLow} to #${rankHigh} across resamples`);
      if (reasons.length > 0) {
        conf.label = 'uncertain';
        if (small) reasons.push(`small sample: ${tag.sample} posts (under ${settings.minStableSample})`);
      }
    }
    if (reasons.length > 0) conf.reason = `${reasons.join('; ')}.`.replace(/^./, (m) => m.toUpperCase());
    out.set(tag.candidate, conf);
  });
  return out;
}

/** For each tag by rank and each of the NEIGHBOURS tags after it: in how many resamples it is ahead and tied, at
 * [r * NEIGHBOURS + d - 1] (each pair counted once; the other direction follows from B). */
function neighbourCounts(
  k: Int32Array,
  B: number,
  tagAt: Int32Array,
): { ahead: Int32Array; ties: Int32Array } {
  const T = tagAt.length;
  const ahead = new Int32Array(T * NEIGHBOURS);
  const ties = new Int32Array(T * NEIGHBOURS);
  for (let r = 0; r < T; r++) {
    const s = tagAt[r]! * B;
    for (let d = 1; d <= NEIGHBOURS && r + d < T; d++) {
      const o = tagAt[r + d]! * B;
      let a = 0;
      let e = 0;
      for (let b = 0; b < B; b++) {
        const x = k[s + b]!;
        const y = k[o + b]!;
        a += x > y ? 1 : 0;
        e += x === y ? 1 : 0;
      }
      ahead[r * NEIGHBOURS + d - 1] = a;
      ties[r * NEIGHBOURS + d - 1] = e;
    }
  }
  return { ahead, ties };
}

/**
 * The neighbour (within NEIGHBOURS places) whose order with the tag at rank index r flips most often across
 * resamples, when it flips in at least COIN_TOSS_SHARE of them; `above` is this tag's share ahead of it, in percent.
 * Tags tied in (almost) every resample are no coin toss: they share a rank range instead.
 */
function coinTossNeighbour(
  pairs: { ahead: Int32Array; ties: Int32Array },
  B: number,
  r: number,
  byRank: RegionResult['ranked'],
): ScoreConfidence['coinToss'] {
  let best: { minority: number; u: number; ahead: number } | undefined;
  for (let q = Math.max(0, r - NEIGHBOURS); q < Math.min(byRank.length, r + NEIGHBOURS + 1); q++) {
    if (q === r) continue;
    const at = q > r ? r * NEIGHBOURS + q - r - 1 : q * NEIGHBOURS + r - q - 1;
    const ties = pairs.ties[at]!;
    const ahead = q > r ? pairs.ahead[at]! : B - pairs.ahead[at]! - ties;
    if (ties * 2 > B) continue;
    const share = (ahead + ties / 2) / B;
    const minority = Math.min(share, 1 - share);
    if (minority >= COIN_TOSS_SHARE && (!best || minority > best.minority))
      best = { minority, u: q, ahead: share };
  }
  if (!best) return undefined;
  const other = byRank[best.u]!;
  const above = Math.round(best.ahead * 100);
  return { tag: other.tag, candidate: other.candidate, above, below: 100 - above };
}

/**
 * A region's result with each ranked tag's confidence added (the scores and ranks unchanged); it takes
 * bootstrapRegion's arguments, so the two cannot drift apart.
 */
export function withConfidence(...args: Parameters<typeof bootstrapRegion>): RegionResult {
  const [, result] = args;
  const conf = bootstrapRegion(...args);
  return { ...result, ranked: result.ranked.map((t) => ({ ...t, confidence: conf.get(t.candidate) })) };
}
