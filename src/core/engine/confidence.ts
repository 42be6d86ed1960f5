// How sure a score is. Each region's tags are resampled by author (confidence-draws.ts), every resample scored as
// the preset scores, and each tag gets a bias-corrected 90 % interval (BC bootstrap: min-max of noisy estimates
// is biased, which the plain percentile interval inherits), widened to hold the reported score, a rank range
// whose ties share their places, and a label from what the resamples show: a coin toss with the neighbour its
// order swaps with most often, a rank that wanders, or too few posts to say. Confidence never changes a score.
import type { RegionResult, ScoreConfidence, ScoringSettings } from '../../shared/model';
import { type BootstrapOptions, DEFAULT_RESAMPLES, resampleRegion } from './confidence-draws';
import { normalCdf, normalQuantile } from './normal-dist';
import { type RegionEntry, unroundedScore } from './score';

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

/** The q-quantile of ranks 1…T, interpolated as `quantile` does, by counting (sorting every tag's ranks was
 * most of a weights-only re-score's cost). */
function rankQuantile(ranks: Float64Array, T: number, q: number): number {
  const counts = new Int32Array(T + 2);
  for (let b = 0; b < ranks.length; b++) counts[ranks[b]!] = counts[ranks[b]!]! + 1;
  const kth = (k: number): number => {
    let seen = 0;
    for (let r = 1; r <= T; r++) {
      seen += counts[r]!;
      if (seen > k) return r;
    }
    return T;
  };
  const i = (ranks.length - 1) * q;
  const lo = kth(Math.floor(i));
  return lo + (kth(Math.ceil(i)) - lo) * (i - Math.floor(i));
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
  const out = new Map<string, ScoreConfidence>();
  const T = result.ranked.length;
  if (T === 0) return out;
  const {
    order,
    B,
    normalised: norm,
    units,
  } = resampleRegion(entries, result, targets, settings, nowSec, opts);
  const stopped = new Map(entries.map((e) => [e.candidate, e.stoppedEarly] as const));
  // [t][b] score, and the best and worst place of its tie group in resample b.
  const scores = order.map(() => new Float64Array(B));
  const rankMin = order.map(() => new Float64Array(B));
  const rankMax = order.map(() => new Float64Array(B));
  const n = { velocity: 0, density: 0, overlap: 0 };
  // Ranking key per tag: the score in hundredths, negated (highest first), then the tag's index, packed into one
  // exact integer so a native numeric sort ranks a resample (a comparator function made re-weighting 40x slower).
  const slots = 2 ** Math.ceil(Math.log2(T + 1));
  const keys = new Float64Array(T);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const at = (b * T + t) * 3;
      n.velocity = norm[at]!;
      n.density = norm[at + 1]!;
      n.overlap = norm[at + 2]!;
      // Rounded plainly: exact half-even ties (the reported score's) cannot move a percentile.
      const score = round2(unroundedScore(n, order[t]!.isCommerce, settings.weights));
      scores[t]![b] = score;
      keys[t] = -Math.round(score * 100) * slots + t;
    }
    keys.sort();
    // Tags with the same score share the places of their group: tied tags get one rank range, not distinct ranks.
    for (let i = 0; i < T;) {
      const group = Math.floor(keys[i]! / slots);
      let j = i;
      while (j + 1 < T && Math.floor(keys[j + 1]! / slots) === group) j++;
      for (let k = i; k <= j; k++) {
        const t = keys[k]! - group * slots;
        rankMin[t]![b] = i + 1;
        rankMax[t]![b] = j + 1;
      }
      i = j + 1;
    }
  }
  const position = new Map(order.map((t, i) => [t.candidate, i] as const));
  const byRank = [...result.ranked].sort((a, b) => a.rank - b.rank);
  const wide = wideRankRange(T);
  byRank.forEach((tag, r) => {
    const t = position.get(tag.candidate)!;
    const s = scores[t]!;
    const rankLow = Math.min(tag.rank, Math.round(rankQuantile(rankMin[t]!, T, 0.05)));
    const rankHigh = Math.max(tag.rank, Math.round(rankQuantile(rankMax[t]!, T, 0.95)));
    const coin = coinTossNeighbour(s, r, byRank, position, scores);
    const tooFew = tag.served === 0 || tag.sample < MIN_INTERVAL_SAMPLE;
    const small = !tooFew && tag.sample < settings.minStableSample && !stopped.get(tag.candidate);
    const [low, high] = tooFew ? [null, null] : bcInterval(s.slice().sort(), tag.score, intervalZ(units[t]!));
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
 * The neighbour (within NEIGHBOURS places) whose order with this tag flips most often across resamples, when it
 * flips in at least COIN_TOSS_SHARE of them; `above` is this tag's share ahead of it, in percent. Tags tied in
 * (almost) every resample are no coin toss: they share a rank range instead.
 */
function coinTossNeighbour(
  s: Float64Array,
  r: number,
  byRank: RegionResult['ranked'],
  position: ReadonlyMap<string, number>,
  scores: readonly Float64Array[],
): ScoreConfidence['coinToss'] {
  const B = s.length;
  let best: { minority: number; u: number; ahead: number } | undefined;
  for (let q = Math.max(0, r - NEIGHBOURS); q < Math.min(byRank.length, r + NEIGHBOURS + 1); q++) {
    if (q === r) continue;
    const u = position.get(byRank[q]!.candidate)!;
    const o = scores[u]!;
    let ahead = 0;
    let ties = 0;
    for (let b = 0; b < B; b++) {
      if (s[b]! > o[b]!) ahead += 1;
      else if (s[b] === o[b]) ties += 1;
    }
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
