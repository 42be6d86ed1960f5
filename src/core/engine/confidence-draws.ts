// The bootstrap's draws: every resample's velocity, density and overlap for a region's ranked tags, normalised
// across them as the preset normalises. Authors are the resampling unit (a creator posting several times is one
// unit of evidence, so resampling posts would inflate the overlap); each tag draws from its own random stream,
// seeded from the tag and region, so adding a candidate does not redraw the other tags. The posts are read once
// into typed arrays and the draws remembered per sample, so a weights-only re-score costs no new draw.
import type { RegionResult, ScoringSettings } from '../../shared/model';
import { appliesTo, shiftDraws } from './adaptive-correction';
import { TagfitError } from '../errors';
import { hashString } from '../prng';
import { type CompactSample, compactPosts } from './compact-samples';
import { authorKeysOf, median, summariseDensity } from './metrics';
import { type RegionEntry, servedOf } from './score';

export interface BootstrapOptions {
  /** 1,000 by default. */
  resamples?: number;
  /** Mixed with the region and the tag, so every tag gets its own stream. */
  seed?: number;
  /** Asked between tags' draws and every 128 resamples ranked: true stops the work with TagfitError('cancelled')
   * (a newer edit asked for other intervals; nothing half-done is remembered). */
  stale?: () => boolean;
}

/** Stops a computation a newer one made pointless. */
export function stopIfStale(stale: (() => boolean) | undefined): void {
  if (stale?.()) throw new TagfitError('cancelled', 'A newer edit replaced these intervals.');
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
  sample: CompactSample,
  targets: ReadonlySet<string>,
  cutoff: number,
  settings: ScoringSettings,
): Columns {
  // The posts the metrics use: de-duplicated as the metrics are when the preset asks for it.
  const used: number[] = [];
  for (let i = 0; i < sample.likes.length; i++)
    if (!settings.dedupePosts || sample.repeat[i] === 0) used.push(i);
  const keys = authorKeysOf(sample.authors, targets, settings);
  // Clusters in the order their author first posts, then the posts without author, as the draws have always used.
  const clusters = new Map<number, number[]>();
  const loose: number[] = [];
  used.forEach((p, i) => {
    const a = sample.author[p]!;
    if (a < 0) return void loose.push(i);
    const id = keys.keyOf[a]!;
    const list = clusters.get(id);
    if (list) list.push(i);
    else clusters.set(id, [i]);
  });
  const C = clusters.size + loose.length;
  const start = new Int32Array(C + 1);
  const order = new Int32Array(used.length);
  const isAuthor = new Uint8Array(C);
  const isTarget = new Uint8Array(C);
  let k = 0;
  let at = 0;
  for (const [id, list] of clusters) {
    start[k] = at;
    for (const i of list) order[at++] = i;
    isAuthor[k] = 1;
    isTarget[k] = keys.isTarget[id]!;
    k += 1;
  }
  for (const i of loose) {
    start[k++] = at;
    order[at++] = i;
  }
  start[C] = at;
  const likes = Float64Array.from(used, (p) => sample.likes[p]!);
  const logLikes = likes.map((l) => Math.log1p(Math.max(0, l)));
  const recent = Uint8Array.from(used, (p) => (sample.createTime[p]! >= cutoff ? 1 : 0));
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
  /** The samples they were drawn from (posts arrays or compact samples) and their lengths (pages are appended to
   * a posts array in place), to check that a remembered draw still fits. */
  posts: readonly object[];
  lengths: readonly number[];
  /** [b][t] normalised velocity, density, overlap at (b * T + t) * 3, held in single precision (half the memory:
   * 200 tags × 25 regions fit a worker's budget twice over); a resample's score is still computed in doubles. */
  normalised: Float32Array;
  B: number;
  /** Each tag's resampling units (distinct authors, and posts without author), in `order`. */
  units: readonly number[];
}

// A weights-only re-score (the app's sliders) reuses the draws: remembered per sample, dropped with it, and
// at most DRAW_BUDGET bytes of them in a thread, the oldest let go first (200 tags × 25 regions at 1,000
// resamples take 60 MB, 500 × 25 150 MB, split over the scoring workers: 75 MB each of two; a preset edit's draws
// replace the last preset's rather than pile up, so a budget just over one preset's keeps a 500 × 25 edit under
// 1 GB; past the budget some regions are drawn again rather than a laptop's memory filled).
const remembered = new WeakMap<object, Map<string, Resampled>>();
const DRAW_BUDGET = 80 * 2 ** 20;
const held = new Map<Resampled, { forAnchor: Map<string, Resampled>; key: string }>();
let heldBytes = 0;

/** Makes room for `bytes` of new draws by forgetting the oldest. */
function makeRoom(bytes: number): void {
  for (const [r, at] of held) {
    if (heldBytes + bytes <= DRAW_BUDGET) return;
    held.delete(r);
    heldBytes -= r.normalised.byteLength;
    if (at.forAnchor.get(at.key) === r) at.forAnchor.delete(at.key);
  }
}

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
  const sources = order.map((t) => byCandidate.get(t.candidate)!);
  const posts = sources.map((e) => e.sample ?? e.posts);
  const lengths = sources.map(servedOf);
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
    // A stopped tag's correction for the page order moves its draws (adaptive-correction.ts).
    sources.some((e) => e.correction) ? JSON.stringify(sources.map((e) => e.correction ?? 0)) : '',
  ].join('|');
  const anchor = posts[0]!;
  const known = remembered.get(anchor)?.get(key);
  if (
    known &&
    known.posts.length === posts.length &&
    known.posts.every((p, i) => p === posts[i] && lengths[i] === known.lengths[i])
  ) {
    // Used again: the last to be let go.
    const at = held.get(known);
    if (at && held.delete(known)) held.set(known, at);
    return { ...known, order };
  }

  const cutoff = nowSec - settings.windowDays * SECONDS_PER_DAY;
  const T = order.length;
  makeRoom(B * T * 3 * 4);
  const raw = new Float64Array(B * T * 3);
  const units = order.map((tag, t) => {
    stopIfStale(opts.stale);
    const e = sources[t]!;
    const c = columns(e.sample ?? compactPosts(e.posts), targets, cutoff, settings);
    drawTag(c, raw, t, T, B, hashString(`${seed}|${result.region}|${tag.candidate}`), settings);
    if (e.correction && appliesTo(e.correction, settings))
      shiftDraws(raw, t, T, B, e.correction, hashString(`${seed}|${tag.candidate}|drift`));
    return c.isAuthor.length;
  });
  const out: Resampled = {
    order,
    posts,
    lengths,
    normalised: normaliseDraws(raw, T, B, settings),
    B,
    units,
  };
  let forAnchor = remembered.get(anchor);
  if (!forAnchor) remembered.set(anchor, (forAnchor = new Map()));
  const replaced = forAnchor.get(key);
  if (replaced && held.delete(replaced)) heldBytes -= replaced.normalised.byteLength;
  forAnchor.set(key, out);
  held.set(out, { forAnchor, key });
  heldBytes += out.normalised.byteLength;
  return out;
}

/** Each resample's raw metrics normalised across the region as the preset normalises them (normaliseMetrics: the
 * same operations, so the same doubles, then kept as singles), without an object per tag. */
function normaliseDraws(raw: Float64Array, T: number, B: number, settings: ScoringSettings): Float32Array {
  const out = new Float32Array(raw.length);
  const robust = settings.preset !== 'seed';
  for (let b = 0; b < B; b++) {
    const base = b * T * 3;
    if (robust)
      for (let t = 0; t < T; t++) raw[base + t * 3 + 1] = Math.log1p(Math.max(0, raw[base + t * 3 + 1]!));
    for (let m = 0; m < 3; m++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let t = 0; t < T; t++) {
        const v = raw[base + t * 3 + m]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      for (let t = 0; t < T; t++) {
        const at = base + t * 3 + m;
        out[at] = hi === lo ? 0.5 : (raw[at]! - lo) / (hi - lo);
      }
    }
  }
  return out;
}
