// Raw per-hashtag metrics (velocity, density, overlap and the sample's shape) from sampled posts.
import type { Post, ScoringSettings } from '../../shared/model';

export interface RawMetrics {
  /** Share of the sample posted at or after the window's cutoff (0 when the sample is empty). */
  velocity: number;
  /** Likes per post, summarised per `settings.density` (mean, median or log-mean: a geometric mean); 0 when empty. */
  density: number;
  /** Distinct target authors / distinct non-empty authors (0 when there are none). */
  overlap: number;
  /** Posts used (after de-duplication when the preset asks for it). */
  sample: number;
  /** Posts served by the API. */
  served: number;
  distinctAuthors: number;
  targetAuthors: number;
  medianLikes: number;
  meanLikes: number;
  /** create_time of the newest post in the sample; 0 when empty. */
  newestPostAt: number;
}

const SECONDS_PER_DAY = 86_400;

/** Author ids compare case-insensitively: both sides are NFC and lower case. */
export const normaliseAuthorId = (id: string): string => id.normalize('NFC').toLowerCase();

/** Drops a post whose id was already seen; a post without id cannot be matched, so it stays. */
function dedupe(posts: readonly Post[]): Post[] {
  const seen = new Set<string>();
  const out: Post[] = [];
  for (const p of posts) {
    if (p.id !== '') {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
    }
    out.push(p);
  }
  return out;
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Sums in the posts' order, as the reference's sum() does, so seed's means are identical to the bit. */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function computeMetrics(
  posts: readonly Post[],
  targets: ReadonlySet<string>,
  nowSec: number,
  s: ScoringSettings,
): RawMetrics {
  const sample = s.dedupePosts ? dedupe(posts) : [...posts];
  const n = sample.length;
  const likes = sample.map((p) => p.likes);
  const meanLikes = n === 0 ? 0 : sum(likes) / n;
  const medianLikes = median([...likes].sort((a, b) => a - b));

  let density: number;
  if (n === 0) density = 0;
  else if (s.density === 'mean') density = meanLikes;
  else if (s.density === 'median') density = medianLikes;
  // The geometric mean of (1 + likes), minus 1: "typical likes per post", still in likes so people can read
  // it, but one viral post moves it little. A negative count is bad data, not negative engagement: clamp.
  else density = Math.expm1(sum(likes.map((l) => Math.log1p(Math.max(0, l)))) / n);

  const cutoff = nowSec - s.windowDays * SECONDS_PER_DAY;
  let recent = 0;
  let newestPostAt = 0;
  for (const p of sample) {
    if (p.createTime >= cutoff) recent += 1;
    if (p.createTime > newestPostAt) newestPostAt = p.createTime;
  }
  const velocity = n === 0 ? 0 : recent / n;

  const loweredTargets = new Set<string>();
  for (const t of targets) loweredTargets.add(normaliseAuthorId(t));
  const authors = new Set<string>();
  for (const p of sample) if (p.authorId !== '') authors.add(normaliseAuthorId(p.authorId));
  let targetAuthors = 0;
  for (const a of authors) if (loweredTargets.has(a)) targetAuthors += 1;
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
