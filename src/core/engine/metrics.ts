// Raw per-hashtag metrics (velocity, density, overlap and the sample's shape) from sampled posts.
import type { RawMetrics, ScoringSettings } from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';
import { type AuthorTable, type CompactSample, compactPosts } from './compact-samples';

/** The raw metrics' shape lives in the shared model, where a scored tag extends it. */
export type { RawMetrics };

const SECONDS_PER_DAY = 86_400;

/** Author ids as the robust presets compare them, case-insensitively: both sides are NFC and lower case. */
export const normaliseAuthorId = (id: string): string => {
  let n = normalisedIds.get(id);
  if (n === undefined) {
    // Most ids are ASCII, where NFC changes nothing; the memo keeps a 10,000-tag re-score from redoing it per post.
    n = ASCII.test(id) ? id.toLowerCase() : id.normalize('NFC').toLowerCase();
    if (normalisedIds.size >= MEMO_LIMIT) normalisedIds.clear();
    normalisedIds.set(id, n);
  }
  return n;
};
const ASCII = /^[ -~]*$/; // printable ASCII: NFC leaves it as it is
const MEMO_LIMIT = 100_000;
const normalisedIds = new Map<string, string>();

/** The target list, normalised once per list rather than once per hashtag. */
const normalisedTargetLists = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
export function normaliseTargets(targets: ReadonlySet<string>): ReadonlySet<string> {
  let out = normalisedTargetLists.get(targets);
  if (!out) {
    out = new Set([...targets].map(normaliseAuthorId));
    normalisedTargetLists.set(targets, out);
  }
  return out;
}

/** How a preset compares author ids: seed exactly as the reference does (the raw `unique_id`), the robust presets
 * case-insensitively (NFC, lower case). */
export const authorKeyFor = (s: Pick<ScoringSettings, 'preset'>): ((id: string) => string) =>
  s.preset === 'seed' ? exactId : normaliseAuthorId;
const exactId = (id: string): string => id;

/** The target list keyed as the preset compares author ids. */
export const targetKeysFor = (
  targets: ReadonlySet<string>,
  s: Pick<ScoringSettings, 'preset'>,
): ReadonlySet<string> => (s.preset === 'seed' ? targets : normaliseTargets(targets));

/** The k-th smallest value (0-based), by quickselect: O(n), in place on a scratch copy. */
function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const scratch = values.slice();
  const mid = n >>> 1;
  const upper = select(scratch, mid);
  return n % 2 === 1 ? upper : (select(scratch, mid - 1) + upper) / 2;
}

/** Likes per post as the preset summarises them; 0 for an empty sample. */
export function summariseDensity(
  mode: ScoringSettings['density'],
  n: number,
  meanLikes: number,
  medianLikes: number,
  logSum: number,
): number {
  if (n === 0) return 0;
  if (mode === 'mean') return meanLikes;
  if (mode === 'median') return medianLikes;
  // The geometric mean of (1 + likes), minus 1: "typical likes per post", still in likes so people can
  // read it, but one viral post moves it little.
  return Math.expm1(logSum / n);
}

/** Each author of a table keyed as the preset compares ids (seed exactly, the others NFC and lower case), and which
 * keys are target creators: worked out once per table, comparison and target list, not once per post. */
export interface AuthorKeys {
  /** Author index → key index. */
  keyOf: Int32Array;
  isTarget: Uint8Array;
  /** Scratch: the last call that counted each key (distinct authors without a Set per sample). */
  stamp: Int32Array;
  calls: number;
}
const authorKeyMemo = new WeakMap<AuthorTable, Map<string, AuthorKeys>>();
const targetListIds = new WeakMap<ReadonlySet<string>, number>();
let targetListCount = 0;

export function authorKeysOf(
  table: AuthorTable,
  targets: ReadonlySet<string>,
  s: Pick<ScoringSettings, 'preset'>,
): AuthorKeys {
  let listId = targetListIds.get(targets);
  if (listId === undefined) targetListIds.set(targets, (listId = ++targetListCount));
  // The table grows while a run samples (the live ranking): keys are worked out again when it has.
  const memoKey = `${s.preset === 'seed' ? 'exact' : 'folded'}|${listId}|${table.ids.length}`;
  let forTable = authorKeyMemo.get(table);
  const known = forTable?.get(memoKey);
  if (known) return known;
  const key = authorKeyFor(s);
  const keyedTargets = targetKeysFor(targets, s);
  const index = new Map<string, number>();
  const keyOf = new Int32Array(table.ids.length);
  const hits: number[] = [];
  table.ids.forEach((id, i) => {
    const k = key(id);
    let at = index.get(k);
    if (at === undefined) {
      index.set(k, (at = index.size));
      hits.push(keyedTargets.has(k) ? 1 : 0);
    }
    keyOf[i] = at;
  });
  const out: AuthorKeys = {
    keyOf,
    isTarget: Uint8Array.from(hits),
    stamp: new Int32Array(index.size),
    calls: 0,
  };
  if (!forTable) authorKeyMemo.set(table, (forTable = new Map()));
  if (forTable.size >= 8) forTable.clear();
  forTable.set(memoKey, out);
  return out;
}

export function computeMetrics(
  posts: readonly HeldPost[],
  targets: ReadonlySet<string>,
  nowSec: number,
  s: ScoringSettings,
): RawMetrics {
  return compactMetrics(compactPosts(posts), targets, nowSec, s);
}

let likesScratch = new Float64Array(256);

/** The raw metrics of one compact sample: the same operations in the same order as the posts would get, so the
 * doubles agree to the bit whichever form the sample is held in. */
export function compactMetrics(
  c: CompactSample,
  targets: ReadonlySet<string>,
  nowSec: number,
  s: ScoringSettings,
): RawMetrics {
  // One pass over the posts (this runs for every hashtag and region: 40,000 times in a 10,000-tag re-score).
  // Under dedupePosts a post whose id was already seen is skipped; a post without id cannot be matched.
  const served = c.likes.length;
  const cutoff = nowSec - s.windowDays * SECONDS_PER_DAY;
  if (likesScratch.length < served) likesScratch = new Float64Array(served * 2);
  const keys = authorKeysOf(c.authors, targets, s);
  const stamp = ++keys.calls;
  const logMean = s.density === 'log-mean';
  let n = 0;
  let recent = 0;
  let newestPostAt = 0;
  let logSum = 0;
  let sumLikes = 0;
  let distinct = 0;
  let targetAuthors = 0;
  for (let i = 0; i < served; i++) {
    if (s.dedupePosts && c.repeat[i] === 1) continue;
    const likes = c.likes[i]!;
    const at = c.createTime[i]!;
    likesScratch[n++] = likes;
    // Summed in the posts' order, as the reference's sum() does, so seed's means are identical to the bit.
    sumLikes += likes;
    // A negative count is bad data, not negative engagement: clamp before the log.
    if (logMean) logSum += Math.log1p(Math.max(0, likes));
    if (at >= cutoff) recent += 1;
    if (at > newestPostAt) newestPostAt = at;
    const a = c.author[i]!;
    if (a >= 0) {
      const k = keys.keyOf[a]!;
      if (keys.stamp[k] !== stamp) {
        keys.stamp[k] = stamp;
        distinct += 1;
        targetAuthors += keys.isTarget[k]!;
      }
    }
  }
  const meanLikes = n === 0 ? 0 : sumLikes / n;
  const medianLikes = median(likesScratch.subarray(0, n));
  const density = summariseDensity(s.density, n, meanLikes, medianLikes, logSum);
  const velocity = n === 0 ? 0 : recent / n;
  const overlap = distinct === 0 ? 0 : targetAuthors / distinct;
  return {
    velocity,
    density,
    overlap,
    sample: n,
    served,
    distinctAuthors: distinct,
    targetAuthors,
    medianLikes,
    meanLikes,
    newestPostAt,
  };
}
