// The bootstrap's draws: every resample's velocity, density and overlap for a region's ranked tags, normalised
// across them as the preset normalises. Authors are the resampling unit (a creator posting several times is one
// unit of evidence, so resampling posts would inflate the overlap); each tag draws from its own random stream,
// seeded from the tag and region, so adding a candidate does not redraw the other tags. The posts are read once
// into typed arrays and the draws remembered per sample, so a weights-only re-score costs no new draw.
import type { RegionResult, ScoringSettings } from '../../shared/model';
import { hashString } from '../prng';
import { authorKeyFor, median, summariseDensity, targetKeysFor } from './metrics';
import { normaliseMetrics } from './normalise';
import type { RegionEntry } from './score';

export interface BootstrapOptions {
  /** 1,000 by default. */
  resamples?: number;
  /** Mixed with the region and the tag, so every tag gets its own stream. */
  seed?: number;
}

export const DEFAULT_RESAMPLES = 1_000;
const DEFAULT_SEED = 20_261_120;
const SECONDS_PER_DAY = 86_400;

/** One ranked tag's posts as columns, grouped by author: what a resample needs and nothing else. */
interface Columns {
  likes: Float64Array;
  logLikes: Float64Array;
  recent: Uint8Array;
  /** Posts of cluster k are order[start[k]] … order[start[k + 1] - 1]; a post without author is a cluster alone. */
  start: Int32Array;
  order: Int32Array;
  /** 1 for an author's cluster (counts in the overlap), 0 for a post without author. */
  isAuthor: Uint8Array;
  isTarget: Uint8Array;
  /** Per cluster: its posts, recent posts, and sums of likes and of log1p(likes) (one add per draw, not per post). */
  count: Float64Array;
  recentSum: Float64Array;
  likesSum: Float64Array;
  logSum: Float64Array;
}

function columns(
  entry: RegionEntry,
  targets: ReadonlySet<string>,
  cutoff: number,
  settings: ScoringSettings,
): Columns {
  // The posts the metrics use: de-duplicated as computeMetrics does when the preset asks for it.
  const seenIds = settings.dedupePosts ? new Set<string>() : undefined;
  const posts = entry.posts.filter((p) => {
    if (!seenIds || p.id === '') return true;
    if (seenIds.has(p.id)) return false;
    seenIds.add(p.id);
    return true;
  });
  const key = authorKeyFor(settings);
  const keyedTargets = targetKeysFor(targets, settings);
  const clusters = new Map<string, number[]>();
  const loose: number[] = [];
  posts.forEach((p, i) => {
    if (p.authorId === '') return void loose.push(i);
    const id = key(p.authorId);
    const list = clusters.get(id);
    if (list) list.push(i);
    else clusters.set(id, [i]);
  });
  const C = clusters.size + loose.length;
  const start = new Int32Array(C + 1);
  const order = new Int32Array(posts.length);
  const isAuthor = new Uint8Array(C);
  const isTarget = new Uint8Array(C);
  let k = 0;
  let at = 0;
  for (const [id, list] of clusters) {
    start[k] = at;
    for (const i of list) order[at++] = i;
    isAuthor[k] = 1;
    isTarget[k] = keyedTargets.has(id) ? 1 : 0;
    k += 1;
  }
  for (const i of loose) {
    start[k++] = at;
    order[at++] = i;
  }
  start[C] = at;
  const likes = Float64Array.from(posts, (p) => p.likes);
  const logLikes = Float64Array.from(posts, (p) => Math.log1p(Math.max(0, p.likes)));
  const recent = Uint8Array.from(posts, (p) => (p.createTime >= cutoff ? 1 : 0));
  const count = new Float64Array(C);
  const recentSum = new Float64Array(C);
  const likesSum = new Float64Array(C);
  const logSum = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    for (let q = start[c]!; q < start[c + 1]!; q++) {
      const i = order[q]!;
      count[c] = count[c]! + 1;
      recentSum[c] = recentSum[c]! + recent[i]!;
      likesSum[c] = likesSum[c]! + likes[i]!;
      logSum[c] = logSum[c]! + logLikes[i]!;
    }
  }
  return { likes, logLikes, recent, start, order, isAuthor, isTarget, count, recentSum, likesSum, logSum };
}

/** Every resample's metrics for a region's ranked tags, normalised across them: what a change of weights does
 * not change. */
export interface Resampled {
  /** The ranked tags in input order (ties rank in it). */
  order: RegionResult['ranked'];
  /** The posts arrays they were drawn from and their lengths (pages are appended in place), to check that a
   * remembered draw still fits. */
  posts: readonly (readonly unknown[])[];
  lengths: readonly number[];
  /** [b][t] normalised velocity, density, overlap at (b * T + t) * 3. */
  normalised: Float64Array;
  B: number;
  /** Each tag's resampling units (distinct authors, and posts without author), in `order`. */
  units: readonly number[];
}

// A weights-only re-score (the app's sliders) reuses the draws: remembered per sample, dropped with it.
const remembered = new WeakMap<readonly unknown[], Map<string, Resampled>>();

/** B resamples of one tag's raw metrics into raw[(b * T + t) * 3 …], from the tag's own stream. */
function drawTag(
  c: Columns,
  raw: Float64Array,
  t: number,
  T: number,
  B: number,
  stream: number,
  settings: ScoringSettings,
): void {
  const C = c.isAuthor.length;
  const sums = settings.density === 'log-mean' ? c.logSum : c.likesSum;
  const byMedian = settings.density === 'median';
  let scratch = new Float64Array(byMedian ? c.likes.length * 2 : 0);
  // xorshift32, inlined (millions of draws per run): a closure call per draw doubled the cost.
  let x = stream || 1;
  for (let b = 0; b < B; b++) {
    let n = 0;
    let recent = 0;
    let sum = 0;
    let authors = 0;
    let hits = 0;
    for (let j = 0; j < C; j++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const k = Math.floor(((x >>> 0) / 4294967296) * C);
      authors += c.isAuthor[k]!;
      hits += c.isTarget[k]!;
      sum += sums[k]!;
      recent += c.recentSum[k]!;
      if (byMedian) {
        for (let q = c.start[k]!; q < c.start[k + 1]!; q++) {
          if (n + q - c.start[k]! >= scratch.length) {
            const grown = new Float64Array(scratch.length * 2 + 16);
            grown.set(scratch);
            scratch = grown;
          }
          scratch[n + q - c.start[k]!] = c.likes[c.order[q]!]!;
        }
      }
      n += c.count[k]!;
    }
    const at = (b * T + t) * 3;
    raw[at] = n === 0 ? 0 : recent / n;
    raw[at + 1] = summariseDensity(
      settings.density,
      n,
      n === 0 ? 0 : sum / n,
      byMedian ? median(scratch.subarray(0, n)) : 0,
      sum,
    );
    raw[at + 2] = authors === 0 ? 0 : hits / authors;
  }
}

export function resampleRegion(
  entries: readonly RegionEntry[],
  result: RegionResult,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  opts: BootstrapOptions,
): Resampled {
  const byCandidate = new Map<string, RegionEntry>();
  for (const e of entries) if (!byCandidate.has(e.candidate)) byCandidate.set(e.candidate, e);
  // Input order, as scoreRegion ranks ties; every ranked tag comes from an entry.
  const position = new Map(entries.map((e, i) => [e.candidate, i] as const).reverse());
  const order = [...result.ranked].sort((a, b) => position.get(a.candidate)! - position.get(b.candidate)!);
  const posts = order.map((t) => byCandidate.get(t.candidate)!.posts);
  const B = opts.resamples ?? DEFAULT_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  const key = [
    result.region,
    settings.windowDays,
    settings.density,
    settings.dedupePosts,
    // The normalisation and the author ids: the reference's for seed, the robust ones otherwise.
    settings.preset === 'seed',
    nowSec,
    B,
    seed,
    order.map((t) => t.candidate).join('\u0000'),
    [...targets].sort().join('\u0000'),
  ].join('|');
  const anchor = posts[0]!;
  const known = remembered.get(anchor)?.get(key);
  if (
    known &&
    known.posts.length === posts.length &&
    known.posts.every((p, i) => p === posts[i] && p.length === known.lengths[i])
  )
    return { ...known, order };

  const cutoff = nowSec - settings.windowDays * SECONDS_PER_DAY;
  const T = order.length;
  const raw = new Float64Array(B * T * 3);
  const units = order.map((tag, t) => {
    const c = columns(byCandidate.get(tag.candidate)!, targets, cutoff, settings);
    drawTag(c, raw, t, T, B, hashString(`${seed}|${result.region}|${tag.candidate}`), settings);
    return c.isAuthor.length;
  });
  const out: Resampled = {
    order,
    posts,
    lengths: posts.map((p) => p.length),
    normalised: normaliseDraws(raw, T, B, settings),
    B,
    units,
  };
  let forAnchor = remembered.get(anchor);
  if (!forAnchor) remembered.set(anchor, (forAnchor = new Map()));
  if (forAnchor.size >= 8) forAnchor.clear();
  forAnchor.set(key, out);
  return out;
}

/** Each resample's raw metrics normalised across the region as the preset normalises them (normaliseMetrics),
 * in place. */
function normaliseDraws(raw: Float64Array, T: number, B: number, settings: ScoringSettings): Float64Array {
  const metrics = Array.from({ length: T }, () => ({ velocity: 0, density: 0, overlap: 0 }));
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const at = (b * T + t) * 3;
      const m = metrics[t]!;
      m.velocity = raw[at]!;
      m.density = raw[at + 1]!;
      m.overlap = raw[at + 2]!;
    }
    normaliseMetrics(metrics, settings).forEach((n, t) => {
      const at = (b * T + t) * 3;
      raw[at] = n.velocity;
      raw[at + 1] = n.density;
      raw[at + 2] = n.overlap;
    });
  }
  return raw;
}
