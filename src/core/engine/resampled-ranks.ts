// A region's resamples scored under a set of weights and ranked: each tag's resampled scores, its best and worst
// place per resample counted per place, and how often each tag is ahead of / tied with its next few tags. The hot
// loop of a weights-only interval job (B resamples × T tags), so it works by reported rank throughout (the order
// resamples mostly keep) and reuses its buffers between calls.
import type { ScoringSettings } from '../../shared/model';
import { type Resampled, stopIfStale } from './confidence-draws';
import { AD_PENALTY } from './score';

/** How many places after a tag (by its reported rank) are compared with it for a coin toss. */
export const NEIGHBOURS = 4;

/** placePacked's buckets per tag: with two, fewer tags share a bucket for the insertion sort to order (one took 5 %
 * longer a region, four as long, eight 10 % longer). */
const BUCKETS_PER_TAG = 2;

/** Everything by reported rank index r (0 = rank 1), not by the draws' order. */
export interface ResampledRanks {
  /** Resampled scores in hundredths, [r * B + b]. */
  k: Int32Array;
  /** Each tag's best and worst place per resample, counted per place (1…T), side by side (a tag's best and worst
   * place are usually the same, one cache line then): [(r * (T + 2) + place) * 2 + (0 best | 1 worst)]. */
  places: Int32Array;
  /** For the tags at rank index r and r + d: resamples the first is ahead, and tied, at [r * NEIGHBOURS + d - 1]
   * (each pair once; the other direction follows from B). */
  ahead: Int32Array;
  ties: Int32Array;
}

// Reused between calls (a thread scores one region at a time; the answer is read before the next call): allocating
// and zeroing 2.5 MB a region was a tenth of its cost.
let buffers = new Int32Array(0);

/**
 * The resampled scores and ranks of `draws` under `weights`; `tagAt[r]` is the tag (index in draws.order) at
 * reported rank index r. The buffers returned are overwritten by the next call. `stale` is asked every 128
 * resamples (BootstrapOptions.stale).
 */
export function resampledRanks(
  draws: Resampled,
  weights: ScoringSettings['weights'],
  tagAt: Int32Array,
  stale?: () => boolean,
): ResampledRanks {
  const { order, B, normalised: norm } = draws;
  const T = order.length;
  const TN = T * NEIGHBOURS;
  const total = T * B + 2 * T * (T + 2) + 4 * TN + (4 + BUCKETS_PER_TAG) * T + 1;
  if (buffers.length < total) buffers = new Int32Array(total);
  let used = 0;
  const take = (n: number): Int32Array => buffers.subarray(used, (used += n));
  const ranks: ResampledRanks = {
    k: take(T * B),
    places: take(2 * T * (T + 2)).fill(0),
    ahead: take(TN),
    ties: take(TN),
  };
  const s: Scratch = {
    aheadBy: take(TN).fill(0),
    tiesBy: take(TN).fill(0),
    tagAt,
    cur: take(T),
    byRank: take(T),
    keys: take(T),
    ids: take(T),
    buckets: take(BUCKETS_PER_TAG * T + 1),
    penalty: Float64Array.from(order, (t) => (t.isCommerce ? AD_PENALTY : 0)),
  };
  rankResamples(norm, B, T, weights, s, ranks, stale);
  byTag(s.aheadBy, T, ranks.ahead);
  byTag(s.tiesBy, T, ranks.ties);
  return ranks;
}

interface Scratch {
  /** ahead and ties by neighbour, [(d - 1) * T + r]. */
  aheadBy: Int32Array;
  tiesBy: Int32Array;
  /** The tag (index in draws.order) at rank index r. */
  tagAt: Int32Array;
  /** One resample's scores in the draws' order. */
  cur: Int32Array;
  /** One resample's scores by rank index. */
  byRank: Int32Array;
  keys: Int32Array;
  ids: Int32Array;
  buckets: Int32Array;
  /** Each tag's ad penalty, in the draws' order. */
  penalty: Float64Array;
}

/**
 * The resamples scored, compared and placed one by one. A function of its own, ending with its loop: V8 optimises a
 * long-running loop on the stack (OSR) before the code after it has run, and that code deoptimised the loop's
 * optimised code again on every call (the loop then ran unoptimised, three times slower).
 */
function rankResamples(
  norm: Float32Array,
  B: number,
  T: number,
  weights: ScoringSettings['weights'],
  s: Scratch,
  out: ResampledRanks,
  stale: (() => boolean) | undefined,
): void {
  const { velocity: wv, density: wd, overlap: wo, adPenalty: wa } = weights;
  const { aheadBy, tiesBy, tagAt, cur, byRank, keys, ids, buckets, penalty } = s;
  const { k, places } = out;
  // A rank index fits in the low `shift` bits of a sort key; the score below the resample's top in the rest.
  const shift = 32 - Math.clz32(Math.max(1, T - 1));
  for (let b = 0; b < B; b++) {
    if ((b & 127) === 127) stopIfStale(stale);
    scoreResample(norm, b * T * 3, T, wv, wd, wo, wa, penalty, cur);
    let top = -2_147_483_648;
    let bottom = 2_147_483_647;
    // Each tag's scores a resample apart into k: the 200 cache lines being filled stay in the cache (a copy per
    // resample and a transposition after cost more).
    for (let r = 0, at = b; r < T; r++, at += B) {
      const v = cur[tagAt[r]!]!;
      byRank[r] = v;
      k[at] = v;
      top = Math.max(top, v);
      bottom = Math.min(bottom, v);
    }
    const spread = top - bottom;
    compareNeighbours(byRank, T, aheadBy, tiesBy);
    if (spread < 2 ** (31 - shift)) placePacked(byRank, T, top, spread, shift, keys, ids, buckets, places);
    else placeResample(byRank, T, keys, ids, places);
  }
}

/** One resample's scores in hundredths, in the draws' order (read in the order they are stored), into `cur`:
 * unroundedScore's operations in its order, rounded as Math.round does (exact half-even ties, the reported score's,
 * cannot move a percentile). Math.round compiles to a ceiling and a branch on which way to go, taken at random here
 * (half of scoreResample's time was that branch mispredicted); floor(x + 0.5) is the same number for every double
 * but those just under one half (x + 0.5 rounds up to 1 there), which the rare, predicted branch puts right. */
function scoreResample(
  norm: Float32Array,
  base: number,
  T: number,
  wv: number,
  wd: number,
  wo: number,
  wa: number,
  penalty: Float64Array,
  cur: Int32Array,
): void {
  for (let t = 0, at = base; t < T; t++, at += 3) {
    const score = 100 * (wv * norm[at]! + wd * norm[at + 1]! + wo * norm[at + 2]! - wa * penalty[t]!);
    const x = score * 100;
    const y = Math.floor(x + 0.5);
    cur[t] = y === 1 && x < 0.5 ? 0 : y;
  }
}

/**
 * Counts each tag's best and worst place in one resample; tags with the same score share the places of their group
 * (tied tags get one rank range, not distinct ranks). The score below the top and the rank index are one sort key:
 * sorted in about 2T buckets first (a counting sort), then exactly by an insertion sort that only moves tags within
 * a bucket (a resample swaps each tag with about eight of its reported neighbours: a radix sort, or an insertion sort
 * from the reported order, took twice as long). For scores spanning under 2^(31 - shift) hundredths.
 */
function placePacked(
  byRank: Int32Array,
  T: number,
  top: number,
  spread: number,
  shift: number,
  keys: Int32Array,
  scratch: Int32Array,
  buckets: Int32Array,
  places: Int32Array,
): void {
  let S = 0;
  while (spread >> S >= BUCKETS_PER_TAG * T) S++;
  const nb = (spread >> S) + 1;
  buckets.fill(0, 0, nb + 1);
  for (let i = 0; i < T; i++) {
    const d = top - byRank[i]!;
    scratch[i] = (d << shift) | i;
    buckets[(d >> S) + 1] = buckets[(d >> S) + 1]! + 1;
  }
  for (let d = 0; d < nb; d++) buckets[d + 1] = buckets[d + 1]! + buckets[d]!;
  for (let i = 0; i < T; i++) {
    const key = scratch[i]!;
    const d = (key >>> shift) >> S;
    keys[buckets[d]!] = key;
    buckets[d] = buckets[d]! + 1;
  }
  for (let i = 1; i < T; i++) {
    const key = keys[i]!;
    let j = i;
    while (j > 0 && keys[j - 1]! > key) {
      keys[j] = keys[j - 1]!;
      j--;
    }
    keys[j] = key;
  }
  const T2 = T + 2;
  const mask = (1 << shift) - 1;
  for (let i = 0; i < T;) {
    const v = keys[i]! >>> shift;
    let j = i;
    while (j + 1 < T && keys[j + 1]! >>> shift === v) j++;
    for (let q = i; q <= j; q++) {
      const at = (keys[q]! & mask) * T2;
      places[(at + i + 1) * 2] = places[(at + i + 1) * 2]! + 1;
      places[(at + j + 1) * 2 + 1] = places[(at + j + 1) * 2 + 1]! + 1;
    }
    i = j + 1;
  }
}

/** placePacked for scores too far apart to pack (not reachable with weights up to 1): an insertion sort of scores
 * and rank indexes side by side. */
function placeResample(
  byRank: Int32Array,
  T: number,
  keys: Int32Array,
  ids: Int32Array,
  places: Int32Array,
): void {
  for (let i = 0; i < T; i++) {
    const key = byRank[i]!;
    let j = i;
    while (j > 0 && keys[j - 1]! < key) {
      keys[j] = keys[j - 1]!;
      ids[j] = ids[j - 1]!;
      j--;
    }
    keys[j] = key;
    ids[j] = i;
  }
  const T2 = T + 2;
  for (let i = 0; i < T;) {
    const v = keys[i]!;
    let j = i;
    while (j + 1 < T && keys[j + 1] === v) j++;
    for (let q = i; q <= j; q++) {
      const at = ids[q]! * T2;
      places[(at + i + 1) * 2] = places[(at + i + 1) * 2]! + 1;
      places[(at + j + 1) * 2 + 1] = places[(at + j + 1) * 2 + 1]! + 1;
    }
    i = j + 1;
  }
}

/** Each tag against its next NEIGHBOURS by reported rank in one resample, by neighbour ([(d - 1) * T + r]: four
 * long loops rather than T short ones): ahead counted without a branch (a neighbour's order flips unpredictably,
 * and mispredicted branches were half this loop's cost), a tie with one (ties are rare, so it is predicted). */
function compareNeighbours(byRank: Int32Array, T: number, aheadBy: Int32Array, tiesBy: Int32Array): void {
  for (let d = 1; d <= NEIGHBOURS; d++) {
    const base = (d - 1) * T;
    for (let r = 0, u = d; u < T; r++, u++) {
      const x = byRank[r]!;
      const y = byRank[u]!;
      aheadBy[base + r] = aheadBy[base + r]! + ((y - x) >>> 31);
      if (x === y) tiesBy[base + r] = tiesBy[base + r]! + 1;
    }
  }
}

/** The neighbour counts by neighbour turned to ResampledRanks' layout, by tag. */
function byTag(by: Int32Array, T: number, out: Int32Array): void {
  for (let d = 1; d <= NEIGHBOURS; d++)
    for (let r = 0; r < T; r++) out[r * NEIGHBOURS + d - 1] = by[(d - 1) * T + r]!;
}
