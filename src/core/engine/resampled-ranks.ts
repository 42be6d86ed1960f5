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
  const total = T * B + 2 * T * (T + 2) + 2 * TN + (4 + BUCKETS_PER_TAG) * T + 1;
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
    tagAt,
    cur: take(T),
    byRank: take(T),
    keys: take(T),
    ids: take(T),
    buckets: take(BUCKETS_PER_TAG * T + 1),
    penalty: Float64Array.from(order, (t) => (t.isCommerce ? AD_PENALTY : 0)),
  };
  rankResamples(norm, B, T, weights, s, ranks, stale);
  neighbourCounts(ranks.k, T, B, ranks.ahead, ranks.ties);
  return ranks;
}

interface Scratch {
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
 * The resamples scored and placed one by one (neighbourCounts compares them after). A function of its own, ending with its loop: V8 optimises a
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
  const { tagAt, cur, byRank, keys, ids, buckets, penalty } = s;
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

/**
 * How often each tag is ahead of, and tied with, each of its next NEIGHBOURS by reported rank, from their resampled
 * scores in k after every resample is scored: one pass over a tag's B scores and its four neighbours' side by side,
 * the counts in registers and without a branch (a neighbour's order flips unpredictably). Counted per resample
 * inside the loop, each count a load and a store, it took half as long again.
 */
function neighbourCounts(k: Int32Array, T: number, B: number, ahead: Int32Array, ties: Int32Array): void {
  ahead.fill(0);
  ties.fill(0);
  // Four neighbours written out (NEIGHBOURS is 4; were it not, every tag would take the general loop below).
  const unrolled = NEIGHBOURS === 4 ? Math.max(0, T - 4) : 0;
  for (let r = 0; r < unrolled; r++) {
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    let t4 = 0;
    for (let b = r * B, end = b + B; b < end; b++) {
      const x = k[b]!;
      const y1 = k[b + B]!;
      const y2 = k[b + 2 * B]!;
      const y3 = k[b + 3 * B]!;
      const y4 = k[b + 4 * B]!;
      a1 += (y1 - x) >>> 31;
      a2 += (y2 - x) >>> 31;
      a3 += (y3 - x) >>> 31;
      a4 += (y4 - x) >>> 31;
      t1 += 1 - (((x - y1) | (y1 - x)) >>> 31);
      t2 += 1 - (((x - y2) | (y2 - x)) >>> 31);
      t3 += 1 - (((x - y3) | (y3 - x)) >>> 31);
      t4 += 1 - (((x - y4) | (y4 - x)) >>> 31);
    }
    const at = r * 4;
    ahead[at] = a1;
    ahead[at + 1] = a2;
    ahead[at + 2] = a3;
    ahead[at + 3] = a4;
    ties[at] = t1;
    ties[at + 1] = t2;
    ties[at + 2] = t3;
    ties[at + 3] = t4;
  }
  // The last tags, with fewer than NEIGHBOURS after them.
  for (let r = unrolled; r < T; r++)
    for (let d = 1; d <= NEIGHBOURS && r + d < T; d++) {
      let a = 0;
      let t = 0;
      for (let b = r * B, end = b + B; b < end; b++) {
        const x = k[b]!;
        const y = k[b + d * B]!;
        a += (y - x) >>> 31;
        t += 1 - (((x - y) | (y - x)) >>> 31);
      }
      ahead[r * NEIGHBOURS + d - 1] = a;
      ties[r * NEIGHBOURS + d - 1] = t;
    }
}
