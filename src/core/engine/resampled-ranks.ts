// A region's resamples scored under a set of weights and ranked: each tag's resampled scores, its best and worst
// place per resample counted per place, and how often each tag is ahead of / tied with its next few tags by rank.
// The hot loop of a weights-only interval job (B resamples × T tags), so it reuses its buffers between calls.
import type { ScoringSettings } from '../../shared/model';
import type { Resampled } from './confidence-draws';
import { AD_PENALTY } from './score';

/** How many places after a tag (by its reported rank) are compared with it for a coin toss. */
export const NEIGHBOURS = 4;
const PACKED_SPAN = 32_767;

export interface ResampledRanks {
  /** Resampled scores in hundredths, [t * B + b] (t in draws.order). */
  k: Int32Array;
  /** Each tag's best and worst place per resample, counted per place: [t * (T + 2) + place]. */
  minCounts: Int32Array;
  maxCounts: Int32Array;
  /** For the tag at rank index r and the one d places after it: resamples it is ahead, and tied, at
   * [r * NEIGHBOURS + d - 1] (each pair once; the other direction follows from B). */
  ahead: Int32Array;
  ties: Int32Array;
}

// Reused between calls (a thread scores one region at a time; the answer is read before the next call): allocating
// and zeroing 2.5 MB a region was a tenth of its cost.
let buffers = new Int32Array(0);

/**
 * The resampled scores and ranks of `draws` under `weights`; `tagAt[r]` is the tag (index in draws.order) at
 * reported rank index r. The buffers returned are overwritten by the next call.
 */
export function resampledRanks(
  draws: Resampled,
  weights: ScoringSettings['weights'],
  tagAt: Int32Array,
): ResampledRanks {
  const { order, B, normalised: norm } = draws;
  const T = order.length;
  const TN = T * NEIGHBOURS;
  const total = 2 * T * B + 2 * T * (T + 2) + 3 * TN + 5 * T + 1;
  if (buffers.length < total) buffers = new Int32Array(total);
  let used = 0;
  const take = (n: number): Int32Array => buffers.subarray(used, (used += n));
  const k = take(T * B);
  const byResample = take(T * B);
  const minCounts = take(T * (T + 2)).fill(0);
  const maxCounts = take(T * (T + 2)).fill(0);
  const ahead = take(TN).fill(0);
  const ties = take(TN).fill(0);
  const pairs = take(TN).fill(0);
  const [cur, byRank, keys, ids, buckets] = [take(T), take(T), take(T), take(T), take(T + 1)];
  const penalty = Float64Array.from(order, (t) => (t.isCommerce ? AD_PENALTY : 0));
  rankResamples(
    norm,
    B,
    T,
    weights,
    penalty,
    tagAt,
    cur,
    byRank,
    keys,
    ids,
    buckets,
    byResample,
    minCounts,
    maxCounts,
    ahead,
    ties,
    pairs,
  );
  transpose(byResample, k, T, B);
  return { k, minCounts, maxCounts, ahead, ties };
}

/**
 * The resamples scored, compared and placed one by one. A function of its own, ending with its loop: V8 optimises a
 * long-running loop on the stack (OSR) before the code after it has run, and that code deoptimised the loop's
 * optimised code again on every call (the loop then ran unoptimised, three times slower).
 */
function rankResamples(
  norm: Float64Array,
  B: number,
  T: number,
  weights: ScoringSettings['weights'],
  penalty: Float64Array,
  tagAt: Int32Array,
  cur: Int32Array,
  byRank: Int32Array,
  keys: Int32Array,
  ids: Int32Array,
  buckets: Int32Array,
  byResample: Int32Array,
  minCounts: Int32Array,
  maxCounts: Int32Array,
  ahead: Int32Array,
  ties: Int32Array,
  pairs: Int32Array,
): void {
  const { velocity: wv, density: wd, overlap: wo, adPenalty: wa } = weights;
  // A place's rank index fits in the low `shift` bits of a sort key; the score below the resample's top in the rest.
  const shift = 32 - Math.clz32(Math.max(1, T - 1));
  for (let b = 0; b < B; b++) {
    scoreResample(norm, b, T, wv, wd, wo, wa, penalty, cur);
    byResample.set(cur, b * T);
    let top = -2_147_483_648;
    let bottom = 2_147_483_647;
    for (let r = 0; r < T; r++) {
      const v = cur[tagAt[r]!]!;
      byRank[r] = v;
      if (v > top) top = v;
      if (v < bottom) bottom = v;
    }
    compareNeighbours(byRank, T, pairs);
    // 16 bits hold a count up to 65,535 and the high half must stay positive: emptied every 32,767 resamples.
    if (b % PACKED_SPAN === PACKED_SPAN - 1 || b === B - 1) unpackPairs(pairs, ahead, ties);
    if (top - bottom < 2 ** (31 - shift))
      placePacked(byRank, tagAt, T, top, bottom, shift, keys, ids, buckets, minCounts, maxCounts);
    else placeResample(byRank, tagAt, T, keys, ids, minCounts, maxCounts);
  }
}

/** Resample b's scores in hundredths into `cur`: unroundedScore's operations in its order, rounded plainly (exact
 * half-even ties, the reported score's, cannot move a percentile). */
function scoreResample(
  norm: Float64Array,
  b: number,
  T: number,
  wv: number,
  wd: number,
  wo: number,
  wa: number,
  penalty: Float64Array,
  cur: Int32Array,
): void {
  let at = b * T * 3;
  for (let t = 0; t < T; t++, at += 3) {
    const score = 100 * (wv * norm[at]! + wd * norm[at + 1]! + wo * norm[at + 2]! - wa * penalty[t]!);
    cur[t] = Math.round(score * 100);
  }
}

/** placeResample with the score and the rank index in one sort key (one array moved, not two): what a region's
 * scores allow unless they span over 2^(31 - shift) hundredths. */
function placePacked(
  byRank: Int32Array,
  tagAt: Int32Array,
  T: number,
  top: number,
  bottom: number,
  shift: number,
  keys: Int32Array,
  scratch: Int32Array,
  buckets: Int32Array,
  minCounts: Int32Array,
  maxCounts: Int32Array,
): void {
  // Sorted by score in about T buckets first (a counting sort), then exactly by an insertion sort that only moves
  // tags within a bucket: a resample swaps each tag with about eight neighbours of the reported order, which an
  // insertion sort from that order paid for one by one.
  let S = 0;
  while ((top - bottom) >> S >= T) S++;
  const nb = ((top - bottom) >> S) + 1;
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
      const at = tagAt[keys[q]! & mask]! * T2;
      minCounts[at + i + 1] = minCounts[at + i + 1]! + 1;
      maxCounts[at + j + 1] = maxCounts[at + j + 1]! + 1;
    }
    i = j + 1;
  }
}

/**
 * Counts each tag's best and worst place in one resample; tags with the same score share the places of their group
 * (tied tags get one rank range, not distinct ranks). The places come from an insertion sort that starts from the
 * reported order (`byRank`, the tags' scores by reported rank): a resample moves few tags far from it, so this is
 * a fraction of a general sort's work (a radix sort of 200 tags took 7 µs a resample, three quarters of the job).
 */
function placeResample(
  byRank: Int32Array,
  tagAt: Int32Array,
  T: number,
  keys: Int32Array,
  ids: Int32Array,
  minCounts: Int32Array,
  maxCounts: Int32Array,
): void {
  for (let i = 0; i < T; i++) {
    const key = byRank[i]!;
    const id = tagAt[i]!;
    let j = i;
    while (j > 0 && keys[j - 1]! < key) {
      keys[j] = keys[j - 1]!;
      ids[j] = ids[j - 1]!;
      j--;
    }
    keys[j] = key;
    ids[j] = id;
  }
  const T2 = T + 2;
  for (let i = 0; i < T;) {
    const v = keys[i]!;
    let j = i;
    while (j + 1 < T && keys[j + 1] === v) j++;
    for (let q = i; q <= j; q++) {
      const at = ids[q]! * T2;
      minCounts[at + i + 1] = minCounts[at + i + 1]! + 1;
      maxCounts[at + j + 1] = maxCounts[at + j + 1]! + 1;
    }
    i = j + 1;
  }
}

/** Each tag against its next NEIGHBOURS by reported rank in one resample (`byRank`: the scores by reported rank),
 * into `pairs` (ahead in the low 16 bits, tied in the high ones: one add, not two), without branches (a
 * neighbour's order flips unpredictably: mispredicted branches were half this loop's cost). */
function compareNeighbours(byRank: Int32Array, T: number, pairs: Int32Array): void {
  for (let r = 0; r < T; r++) {
    const x = byRank[r]!;
    const end = Math.min(T - 1, r + NEIGHBOURS);
    for (let u = r + 1, p = r * NEIGHBOURS; u <= end; u++, p++) {
      const y = byRank[u]!;
      pairs[p] = pairs[p]! + ((y - x) >>> 31) + ((1 - (((x - y) | (y - x)) >>> 31)) << 16);
    }
  }
}

/** Adds the packed neighbour counts to `ahead` and `ties` and clears them. */
function unpackPairs(pairs: Int32Array, ahead: Int32Array, ties: Int32Array): void {
  for (let p = 0; p < pairs.length; p++) {
    const v = pairs[p]!;
    ahead[p] = ahead[p]! + (v & 0xffff);
    ties[p] = ties[p]! + (v >>> 16);
    pairs[p] = 0;
  }
}

/** [b * T + t] → [t * B + b] (a write per tag a resample apart missed the cache), in blocks that stay in it. */
function transpose(byResample: Int32Array, k: Int32Array, T: number, B: number): void {
  for (let b0 = 0; b0 < B; b0 += 64) {
    const b1 = Math.min(B, b0 + 64);
    for (let t = 0; t < T; t++) for (let b = b0; b < b1; b++) k[t * B + b] = byResample[b * T + t]!;
  }
}
