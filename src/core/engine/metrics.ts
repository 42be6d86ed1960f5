// Raw per-hashtag metrics (velocity, density, overlap and the sample's shape) from sampled posts.
import type { Post, RawMetrics, ScoringSettings } from '../../shared/model';

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

/** Sums in the posts' order, as the reference's sum() does, so seed's means are identical to the bit. */
function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
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

export function computeMetrics(
  posts: readonly Post[],
  targets: ReadonlySet<string>,
  nowSec: number,
  s: ScoringSettings,
): RawMetrics {
  // One pass over the posts (this runs for every hashtag and region: 40,000 times in a 10,000-tag re-score).
  // Under dedupePosts a post whose id was already seen is skipped; a post without id cannot be matched.
  const seenIds = s.dedupePosts ? new Set<string>() : undefined;
  const cutoff = nowSec - s.windowDays * SECONDS_PER_DAY;
  const likes = new Float64Array(posts.length);
  let n = 0;
  let recent = 0;
  let newestPostAt = 0;
  let logSum = 0;
  // Distinct raw ids first, then normalise only those: a sample repeats its authors.
  const rawAuthors = new Set<string>();
  for (const p of posts) {
    if (seenIds && p.id !== '') {
      if (seenIds.has(p.id)) continue;
      seenIds.add(p.id);
    }
    likes[n++] = p.likes;
    // A negative count is bad data, not negative engagement: clamp before the log.
    if (s.density === 'log-mean') logSum += Math.log1p(Math.max(0, p.likes));
    if (p.createTime >= cutoff) recent += 1;
    if (p.createTime > newestPostAt) newestPostAt = p.createTime;
    if (p.authorId !== '') rawAuthors.add(p.authorId);
  }
  const used = n === likes.length ? likes : likes.subarray(0, n);
  // Summed in the posts' order, as the reference's sum() does, so seed's means are identical to the bit.
  const meanLikes = n === 0 ? 0 : sum(used) / n;
  const medianLikes = median(used);

  const density = summariseDensity(s.density, n, meanLikes, medianLikes, logSum);
  const velocity = n === 0 ? 0 : recent / n;

  const keyedTargets = targetKeysFor(targets, s);
  const key = authorKeyFor(s);
  // Usually every id is already in its compared form: then the raw set is the set.
  let authors: Set<string> = rawAuthors;
  for (const a of rawAuthors) {
    if (key(a) !== a) {
      authors = new Set([...rawAuthors].map(key));
      break;
    }
  }
  let targetAuthors = 0;
  for (const a of authors) if (keyedTargets.has(a)) targetAuthors += 1;
  const overlap = authors.size === 0 ? 0 : targetAuthors / authors.size;

  return {
    velocity,
    density,
    overlap,
    sample: n,
    served: posts.length,
    distinctAuthors: authors.size,
    targetAuthors,
    medianLikes,
    meanLikes,
    newestPostAt,
  };
}
