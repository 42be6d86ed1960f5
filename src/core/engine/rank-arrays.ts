// A region's ranking held as typed arrays (each tag's normalised velocity, density and overlap, and its ad
// penalty), so a change of weights re-ranks without touching a post or allocating per tag: the weighs and ranks are
// scoreRegion's own (weighScore, a stable sort by score), so the answer is the full re-score's to the bit.
import type { RegionResult, ScoreConfidence, ScoredTag, TagHistory, Weights } from '../../shared/model';
import { flagReasonWith, flagReasonWithout, reweighEstimate } from './adaptive-correction';
import { weighScore } from './score';

export interface RankArrays {
  /** The ranked tags in input order (the order ties keep). */
  rows: readonly ScoredTag[];
  /** [t * 3 …]: normalised velocity, density, overlap. */
  normalised: Float64Array;
  isCommerce: Uint8Array;
  /** Filled by rerank: each tag's score and its place (1 = best). */
  scores: Float64Array;
  ranks: Int32Array;
  /** Scratch for the sort: score in hundredths and input index packed into one exact double. */
  keys: Float64Array;
}

/** The arrays of a scored region; `inputOrder` is the candidates' order as scored (ties rank in it). */
export function rankArraysOf(result: RegionResult, inputOrder: ReadonlyMap<string, number>): RankArrays {
  const ranked = result.ranked;
  const T = ranked.length;
  // Input order by a numeric sort of (order × slots + place) keys, as rerank sorts: no comparator called per pair.
  const slots = 2 ** Math.ceil(Math.log2(T + 1));
  const keys = new Float64Array(T);
  for (let i = 0; i < T; i++) keys[i] = (inputOrder.get(ranked[i]!.candidate) ?? 0) * slots + i;
  keys.sort();
  const rows = new Array<ScoredTag>(T);
  const normalised = new Float64Array(T * 3);
  const isCommerce = new Uint8Array(T);
  for (let t = 0; t < T; t++) {
    const key = keys[t]!;
    const r = ranked[key - Math.floor(key / slots) * slots]!;
    // Copied into rowWith's one shape: the rows a worker sends differ in which optional fields they carry, and
    // every weights edit's rowWith reads them (one shape is several times faster to read than many).
    rows[t] = rowWith(r, r.score, r.rank, r.confidence, r.history);
    normalised[t * 3] = r.normalised.velocity;
    normalised[t * 3 + 1] = r.normalised.density;
    normalised[t * 3 + 2] = r.normalised.overlap;
    isCommerce[t] = r.isCommerce ? 1 : 0;
  }
  return {
    rows,
    normalised,
    isCommerce,
    scores: new Float64Array(T),
    ranks: new Int32Array(T),
    keys,
  };
}

// One object reused for weighScore's argument: no allocation per tag.
const n = { velocity: 0, density: 0, overlap: 0 };

/** Scores and ranks every tag under `w` into `a.scores` and `a.ranks`. */
export function rerank(a: RankArrays, w: Weights): void {
  const T = a.scores.length;
  // Scores are multiples of 0.01 within ±10^6, so hundredths × slots + index is an exact double: a native numeric
  // sort of these keys is the stable sort by score, highest first.
  const slots = 2 ** Math.ceil(Math.log2(T + 1));
  for (let t = 0; t < T; t++) {
    n.velocity = a.normalised[t * 3]!;
    n.density = a.normalised[t * 3 + 1]!;
    n.overlap = a.normalised[t * 3 + 2]!;
    const score = weighScore(n, a.isCommerce[t] === 1, w);
    a.scores[t] = score;
    a.keys[t] = -Math.round(score * 100) * slots + t;
  }
  a.keys.sort();
  for (let i = 0; i < T; i++) {
    const key = a.keys[i]!;
    const t = key - Math.floor(key / slots) * slots;
    a.ranks[t] = i + 1;
  }
}

/** The region as re-ranked under `w`: each row with its new score and rank, in rank order, confidence left to
 * follow; a stopped tag's estimate (its in-hand score, correction and words) re-weighed too. */
export function rerankedRegion(a: RankArrays, base: RegionResult, w: Weights): RegionResult {
  const ranked: ScoredTag[] = new Array<ScoredTag>(a.rows.length);
  for (let t = 0; t < a.rows.length; t++) {
    const rank = a.ranks[t]!;
    const row = a.rows[t]!;
    ranked[rank - 1] = rowWith(
      row.estimate ? reweighed(row, w) : row,
      a.scores[t]!,
      rank,
      undefined,
      undefined,
    );
  }
  return { ...base, ranked };
}

/** A corrected row's estimate and its flag's words under `w` (the few stopped tags; the rest are copied as is). */
function reweighed(row: ScoredTag, w: Weights): ScoredTag {
  const old = row.estimate!;
  const estimate = reweighEstimate(old, row.normalised, row.isCommerce, w);
  const flags = row.flags.map((f) =>
    f.kind === 'sampled-less'
      ? { ...f, reason: flagReasonWith(flagReasonWithout(f.reason, old), estimate) }
      : f,
  );
  return { ...row, flags, estimate, inHandScore: estimate.inHandScore };
}

/**
 * A copy of `row` with the score, rank, confidence and history given. Every key is written out: V8 builds a literal
 * of one fixed shape many times faster than it spreads a row taken in from a worker (about 1.5 µs a row, 8 ms for
 * 5,000), and the type makes a field added to ScoredTag fail to compile here until it is copied. Absent optional
 * fields come out as keys holding undefined.
 */
export function rowWith(
  row: ScoredTag,
  score: number,
  rank: number,
  confidence: ScoreConfidence | undefined,
  history: TagHistory | undefined,
): ScoredTag {
  const out: { [K in keyof Required<ScoredTag>]: ScoredTag[K] } = {
    tag: row.tag,
    candidate: row.candidate,
    rank,
    score,
    velocity: row.velocity,
    density: row.density,
    overlap: row.overlap,
    normalised: row.normalised,
    sample: row.sample,
    served: row.served,
    distinctAuthors: row.distinctAuthors,
    targetAuthors: row.targetAuthors,
    medianLikes: row.medianLikes,
    meanLikes: row.meanLikes,
    newestPostAt: row.newestPostAt,
    userCount: row.userCount,
    viewCount: row.viewCount,
    isCommerce: row.isCommerce,
    flags: row.flags,
    history,
    stoppedEarly: row.stoppedEarly,
    tieBand: row.tieBand,
    confidence,
    inHandScore: row.inHandScore,
    estimate: row.estimate,
  };
  return out;
}
