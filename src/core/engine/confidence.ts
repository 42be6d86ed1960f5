// How sure a score is. Each region's tags are resampled by author (confidence-draws.ts), every resample scored as
// the preset scores, and each tag gets a bias-corrected 90 % interval (BC bootstrap: min-max of noisy estimates
// is biased, which the plain percentile interval inherits), widened to hold the reported score, a rank range
// whose ties share their places, and a label from what the resamples show: a coin toss with the neighbour its
// order swaps with most often, a rank that wanders, or too few posts to say. Confidence never changes a score.
import type { RegionResult, ScoreConfidence, ScoringSettings } from '../../shared/model';
import { type BootstrapOptions, DEFAULT_RESAMPLES, type Resampled, resampleRegion } from './confidence-draws';
import { normalCdf, normalQuantile } from './normal-dist';
import { NEIGHBOURS, resampledRanks } from './resampled-ranks';
import type { RegionEntry } from './score';

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

/** The q-quantile of sorted values, interpolated. */
function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** The k-th smallest rank (0-based) from per-rank counts of ranks 1…T (ResampledRanks.places' `side`). */
function kthRank(counts: Int32Array, at: number, T: number, k: number, side: number): number {
  let seen = 0;
  for (let r = 1; r <= T; r++) {
    seen += counts[(at + r) * 2 + side]!;
    if (seen > k) return r;
  }
  return T;
}

/** The q-quantile of B ranks counted per rank, interpolated as `quantile` does (sorting every tag's ranks was most
 * of a weights-only re-score's cost). */
function rankQuantile(counts: Int32Array, at: number, side: number, T: number, B: number, q: number): number {
  const i = (B - 1) * q;
  const lo = kthRank(counts, at, T, Math.floor(i), side);
  return lo + (kthRank(counts, at, T, Math.ceil(i), side) - lo) * (i - Math.floor(i));
}

/**
 * bcInterval of a tag's B resampled scores (in hundredths, k[from…from + B)) without sorting them: counted per
 * value in the same pass that finds their range (they usually lie within counts.length / 2 hundredths of the point),
 * which gives the same doubles in one pass over the counts; sorted otherwise. `counts` is all zeros on entry and
 * is left so (only the range used is cleared: a second pass over the scores to size it was a tenth of a re-score).
 */
export function scoreInterval(
  k: Int32Array,
  from: number,
  B: number,
  point: number,
  z: number,
  counts: Int32Array,
  sorted: Float64Array,
): [number, number] {
  // The reported score is a whole number of hundredths: a resampled score is under it (or equal) as its integer is.
  const P = Math.round(point * 100);
  const exact = P / 100 === point;
  const size = counts.length;
  const offset = (size >> 1) - P;
  let lo = 2_147_483_647;
  let hi = -2_147_483_648;
  let below = 0;
  let equal = 0;
  let outside = 0;
  for (let b = 0; b < B; b++) {
    const v = k[from + b]!;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    below += (v - P) >>> 31;
    equal += 1 - (((v - P) | (P - v)) >>> 31);
    const at = v + offset;
    if (at >= 0 && at < size) counts[at] = counts[at]! + 1;
    else outside += 1;
  }
  const first = Math.max(0, lo + offset);
  const last = Math.min(size - 1, hi + offset);
  if (!exact || outside > 0) {
    if (first <= last) counts.fill(0, first, last + 1);
    for (let b = 0; b < B; b++) sorted[b] = k[from + b]! / 100;
    return bcInterval(sorted.sort(), point, z);
  }
  const z0 = normalQuantile(bcShare(below, equal, B));
  // quantile()'s positions in the sorted scores, found in one pass over the counts.
  const iLo = (B - 1) * Math.min(1, Math.max(0, normalCdf(2 * z0 - z)));
  const iHi = (B - 1) * Math.min(1, Math.max(0, normalCdf(2 * z0 + z)));
  const want = [Math.floor(iLo), Math.ceil(iLo), Math.floor(iHi), Math.ceil(iHi)];
  const at = [0, 0, 0, 0];
  let next = 0;
  let seen = 0;
  for (let r = first; r <= last && next < 4; r++) {
    seen += counts[r]!;
    while (next < 4 && seen > want[next]!) at[next++] = (r - offset) / 100;
  }
  counts.fill(0, first, last + 1);
  const qLo = at[0]! + (at[1]! - at[0]!) * (iLo - want[0]!);
  const qHi = at[2]! + (at[3]! - at[2]!) * (iHi - want[2]!);
  return [Math.min(qLo, point), Math.max(qHi, point)];
}

/** The share of resamples under the point, ties counted half, kept off 0 and 1. */
const bcShare = (below: number, equal: number, B: number): number =>
  Math.min(1 - 0.5 / B, Math.max(0.5 / B, (below + equal / 2) / B));

/** The bias-corrected (BC) percentile interval of sorted resampled scores around the point. */
export function bcInterval(sorted: Float64Array, point: number, z: number): [number, number] {
  const B = sorted.length;
  let below = 0;
  let equal = 0;
  for (let b = 0; b < B; b++) {
    if (sorted[b]! < point) below += 1;
    else if (sorted[b]! === point) equal += 1;
  }
  const z0 = normalQuantile(bcShare(below, equal, B));
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
  return confidenceFromDraws(draws, result, settings, stopped, opts.stale);
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
  stale?: () => boolean,
): Map<string, ScoreConfidence> {
  const out = new Map<string, ScoreConfidence>();
  const { order, B, units } = draws;
  const T = order.length;
  const position = new Map(order.map((t, i) => [t.candidate, i] as const));
  const byRank = [...result.ranked].sort((a, b) => a.rank - b.rank);
  const tagAt = Int32Array.from(byRank, (t) => position.get(t.candidate)!);
  const wide = wideRankRange(T);
  const ranks = resampledRanks(draws, settings.weights, tagAt, stale);
  const { k, places } = ranks;
  const sorted = new Float64Array(B);
  const counts = new Int32Array(8 * B);
  byRank.forEach((tag, r) => {
    const rankLow = Math.min(tag.rank, Math.round(rankQuantile(places, r * (T + 2), 0, T, B, 0.05)));
    const rankHigh = Math.max(tag.rank, Math.round(rankQuantile(places, r * (T + 2), 1, T, B, 0.95)));
    const coin = coinTossNeighbour(ranks, B, r, byRank);
    const tooFew = tag.served === 0 || tag.sample < MIN_INTERVAL_SAMPLE;
    const small = !tooFew && tag.sample < settings.minStableSample && !stopped.get(tag.candidate);
    const [low, high] = tooFew
      ? [null, null]
      : scoreInterval(k, r * B, B, tag.score, intervalZ(units[tagAt[r]!]!), counts, sorted);
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
