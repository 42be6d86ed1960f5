// How sure a score is. Each region's sampled posts are resampled with replacement (a bootstrap: 200 resamples,
// a seed fixed per region so a run repeats exactly); every resample is scored as the preset scores (metrics,
// normalisation across the region's tags, weights), and each tag's 5th-95th percentile score and rank are its
// 90 % interval and rank range. It works on the posts in hand and costs no credit. It is lean on purpose: the
// posts are read once into typed arrays, so 50 tags × 4 regions take milliseconds, not a full re-score per
// resample. Confidence sits beside the score; it never changes it.
import type { RegionResult, ScoreConfidence, ScoringSettings } from '../../shared/model';
import { hashString } from '../prng';
import { median, normaliseAuthorId, normaliseTargets, summariseDensity } from './metrics';
import { normaliseMetrics } from './normalise';
import { type RegionEntry, unroundedScore } from './score';

export interface BootstrapOptions {
  /** At least 200 by default. */
  resamples?: number;
  /** Mixed with the region, so every region gets its own stream. */
  seed?: number;
}

const DEFAULT_RESAMPLES = 200;
const DEFAULT_SEED = 20_261_120;
const SECONDS_PER_DAY = 86_400;

/** One ranked tag's posts as columns: what a resample needs and nothing else. */
interface Columns {
  candidate: string;
  isCommerce: boolean;
  likes: Float64Array;
  logLikes: Float64Array;
  recent: Uint8Array;
  /** Index into this tag's distinct authors, -1 for a post without author. */
  author: Int32Array;
  authorIsTarget: Uint8Array;
  /** The resample in which each author was last seen (distinct counting without a Set). */
  seen: Int32Array;
}

function columns(
  entry: RegionEntry,
  isCommerce: boolean,
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
  const lowered = normaliseTargets(targets);
  const authorIndex = new Map<string, number>();
  const author = new Int32Array(posts.length);
  posts.forEach((p, i) => {
    if (p.authorId === '') return void (author[i] = -1);
    const id = normaliseAuthorId(p.authorId);
    let k = authorIndex.get(id);
    if (k === undefined) authorIndex.set(id, (k = authorIndex.size));
    author[i] = k;
  });
  const authorIsTarget = new Uint8Array(authorIndex.size);
  for (const [id, k] of authorIndex) authorIsTarget[k] = lowered.has(id) ? 1 : 0;
  return {
    candidate: entry.candidate,
    isCommerce,
    likes: Float64Array.from(posts, (p) => p.likes),
    logLikes: Float64Array.from(posts, (p) => Math.log1p(Math.max(0, p.likes))),
    recent: Uint8Array.from(posts, (p) => (p.createTime >= cutoff ? 1 : 0)),
    author,
    authorIsTarget,
    seen: new Int32Array(authorIndex.size).fill(-1),
  };
}

/** The q-quantile of sorted values, interpolated. */
function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** A rank range wider than this many places is too wide to act on. */
const wideRankRange = (ranked: number): number => Math.max(4, Math.ceil(ranked / 5));

/** Every resample's metrics for a region's ranked tags, normalised across them: what a change of weights does
 * not change. */
interface Resampled {
  /** The ranked tags in input order (ties rank in it). */
  order: RegionResult['ranked'];
  /** The posts arrays they were drawn from and their lengths (pages are appended in place), to check that a
   * remembered draw still fits. */
  posts: readonly (readonly unknown[])[];
  lengths: readonly number[];
  /** [b][t] normalised velocity, density, overlap at (b * T + t) * 3. */
  normalised: Float64Array;
  B: number;
}

// A weights-only re-score (the app's sliders) reuses the draws: remembered per sample, dropped with it.
const remembered = new WeakMap<readonly unknown[], Map<string, Resampled>>();

function resample(
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
    // The normalisation: the reference's for seed, the robust one otherwise.
    settings.preset === 'seed',
    nowSec,
    B,
    seed,
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
  const cols = order.map((t) =>
    columns(byCandidate.get(t.candidate)!, t.isCommerce, targets, cutoff, settings),
  );
  const T = cols.length;
  const raw = new Float64Array(B * T * 3);
  // xorshift32, inlined in the hot loop below (millions of draws per run): a closure call per draw doubled the cost.
  let x = hashString(`${seed}|${result.region}`) || 1;
  const scratch = new Float64Array(Math.max(0, ...cols.map((c) => c.likes.length)));
  const byMedian = settings.density === 'median';
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const c = cols[t]!;
      const n = c.likes.length;
      // The values whose mean is the density: log1p(likes) for the log-mean, likes otherwise.
      const values = settings.density === 'log-mean' ? c.logLikes : c.likes;
      let recent = 0;
      let sum = 0;
      let authors = 0;
      let hits = 0;
      for (let j = 0; j < n; j++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        const k = Math.floor(((x >>> 0) / 4294967296) * n);
        sum += values[k]!;
        recent += c.recent[k]!;
        if (byMedian) scratch[j] = c.likes[k]!;
        const a = c.author[k]!;
        if (a >= 0 && c.seen[a] !== b) {
          c.seen[a] = b;
          authors += 1;
          hits += c.authorIsTarget[a]!;
        }
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
  const out: Resampled = {
    order,
    posts,
    lengths: posts.map((p) => p.length),
    normalised: normaliseDraws(raw, T, B, settings),
    B,
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

/**
 * Each ranked tag's 90 % score interval and rank range, by candidate. `result` is the region scored from the
 * same entries (scoreRegion): its ranked tags are the ones resampled, its scores the points.
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
  const { order, B, normalised: norm } = resample(entries, result, targets, settings, nowSec, opts);
  const scores = order.map(() => new Float64Array(B));
  const ranks = order.map(() => new Float64Array(B));
  const n = { velocity: 0, density: 0, overlap: 0 };
  // Ranking key per tag: the score in hundredths, negated (highest first), then the input position (ties keep
  // it, as the ranking does), packed into one exact integer so a native numeric sort ranks a resample.
  const slots = 2 ** Math.ceil(Math.log2(T + 1));
  const keys = new Float64Array(T);
  const current = new Float64Array(T);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const at = (b * T + t) * 3;
      n.velocity = norm[at]!;
      n.density = norm[at + 1]!;
      n.overlap = norm[at + 2]!;
      // Rounded plainly: exact half-even ties (the reported score's) cannot move a percentile.
      current[t] = Math.round(unroundedScore(n, order[t]!.isCommerce, settings.weights) * 100) / 100;
      scores[t]![b] = current[t]!;
    }
    for (let t = 0; t < T; t++) keys[t] = -Math.round(current[t]! * 100) * slots + t;
    keys.sort();
    for (let r = 0; r < T; r++) {
      const t = keys[r]! - Math.floor(keys[r]! / slots) * slots;
      ranks[t]![b] = r + 1;
    }
  }
  const wide = wideRankRange(T);
  order.forEach((tag, t) => {
    const s = scores[t]!.sort();
    const r = ranks[t]!.sort();
    const conf: ScoreConfidence = {
      low: Math.round(quantile(s, 0.05) * 100) / 100,
      high: Math.round(quantile(s, 0.95) * 100) / 100,
      rankLow: Math.round(quantile(r, 0.05)),
      rankHigh: Math.round(quantile(r, 0.95)),
      label: 'confident',
    };
    const reasons: string[] = [];
    if (tag.served === 0) reasons.push('no posts in this region');
    else if (tag.sample < settings.minStableSample)
      reasons.push(
        `only ${tag.sample} post${tag.sample === 1 ? '' : 's'} sampled (under ${settings.minStableSample})`,
      );
    if (conf.rankHigh - conf.rankLow + 1 > wide)
      reasons.push(`it ranks anywhere from #${conf.rankLow} to #${conf.rankHigh} across resamples`);
    if (reasons.length > 0) {
      conf.label = 'uncertain';
      conf.reason = `${reasons.join('; ')}.`.replace(/^./, (m) => m.toUpperCase());
    }
    out.set(tag.candidate, conf);
  });
  return out;
}

/** A region's result with each ranked tag's confidence added (the scores and ranks unchanged). */
export function withConfidence(
  entries: readonly RegionEntry[],
  result: RegionResult,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  opts: BootstrapOptions = {},
): RegionResult {
  const conf = bootstrapRegion(entries, result, targets, settings, nowSec, opts);
  return { ...result, ranked: result.ranked.map((t) => ({ ...t, confidence: conf.get(t.candidate) })) };
}
