// Adaptive sampling's decision, a thresholding rule re-decided after every page: page 1 for every tag, then another
// page only for a tag whose score is within z standard errors of a boundary that matters (between rank k and k+1,
// and between #1 and #2). Scores are on the region's scale fixed after page 1 (adaptive-estimate.ts). The order
// the API serves posts in is unknown, so how far a tag's later posts drift from its first ones is learnt from the
// region's tags together (empirical Bayes): none when pages come at random, some when newest or popular come first.
// What a tag's posts have not shown yet is also predicted from its other regions, as much as they agree
// (adaptive-pooling.ts): the decision's estimate of a tag's full sample, not the score a stopped tag shows.
import type { ScoringSettings } from '../../shared/model';
import {
  type EstimateEntry,
  isRankable,
  type Parts,
  type PartStats,
  partStats,
  type RegionScale,
  regionScale,
  scoreOnScale,
} from './adaptive-estimate';
import { type PartPriors, pooledPart } from './adaptive-pooling';

export type { RegionScale };

/** The places that matter by default: which tags are in the top k. */
export const ADAPTIVE_TOP_K = 10;
/** How many standard errors from a boundary a tag must be to stop: 1.28 leaves 10 % on each side. */
export const ADAPTIVE_Z = 1.28;
/**
 * The tie band's width: a tag whose 50 % interval (±0.67 standard errors) still holds the top-k boundary after its
 * last page, so it is about as likely on one side as the other (at 1.28 a third of a short list would be in it).
 */
export const TIE_BAND_Z = 0.67;
/** Fewer open tags than this at a depth and their drift is not estimated (taken as none). */
const MIN_TAGS_FOR_DRIFT = 5;

export interface TagEstimate {
  /** The score on the fixed scale, moved by the tag's expected drift over the pages it has not had. */
  point: number;
  /** Its standard error (for an open tag: about its full sample, fullSampleShare), the drift's uncertainty included. */
  se: number;
  /** The score on the fixed scale of the posts in hand: what the ranking shows if the tag stops here. */
  inHand: number;
}

/**
 * What an open tag's standard error is multiplied by: the question is not where the tag's true score lies but what
 * its full sample will say, and the posts in hand are part of that sample. The unseen rest is the only uncertainty
 * left: the finite-population correction √(1 − n/N), N the full sample's size (0.82 after page 1 of 3, 0.58 after
 * page 2). On the simulator under random order, so corrected, velocity's and likes' standard errors after page 1 are
 * within about a fifth of the measured spread of (page-1 part − full part); overlap's is about twice it (safe side).
 */
export function fullSampleShare(inHand: number, settings: ScoringSettings): number {
  return Math.sqrt(Math.max(0, 1 - inHand / (settings.pages * settings.pageSize)));
}

/** The scale fixed after page 1: the rankable entries' first `pageSize` posts. */
export function firstPageScale(
  entries: readonly EstimateEntry[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
): RegionScale {
  return regionScale(
    entries
      .filter((e) => isRankable(e, settings))
      .map((e) => partStats(e.posts.slice(0, settings.pageSize), targets, settings, nowSec)),
  );
}

/**
 * Every rankable tag's estimate. An `open` tag (more pages to come) is moved by its expected drift: the difference
 * between the two halves of page 1 (or between its last two pages), shrunk by how much such differences vary
 * between tags beyond their noise, and extrapolated linearly to the full sample's pages.
 */
export function estimateRegion(
  entries: readonly EstimateEntry[],
  open: ReadonlySet<string>,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  scale: RegionScale,
  priors?: PartPriors,
): Map<string, TagEstimate> {
  const P = settings.pageSize;
  const stats = (posts: EstimateEntry['posts'], size = 0) =>
    partStats(posts, targets, settings, nowSec, size);
  const est = (posts: EstimateEntry['posts'], isCommerce: boolean, size = 0) =>
    scoreOnScale(stats(posts, size), scale, settings, isCommerce);
  const out = new Map<string, TagEstimate>();
  // An open tag's unseen posts are expected as its other regions and its posts here together predict them.
  const withPriors = (full: PartStats, isOpen: boolean, e: EstimateEntry): PartStats => {
    const prior = isOpen ? priors?.get(e.candidate) : undefined;
    if (!prior) return full;
    const value = { ...full.value };
    const variance = { ...full.variance };
    for (const part of ['velocity', 'density', 'overlap'] as const) {
      const p = prior[part];
      if (!p) continue;
      const moved = pooledPart(value[part], variance[part], p, e.posts.length / (settings.pages * P));
      value[part] = part === 'density' ? Math.max(0, moved.value) : Math.min(1, Math.max(0, moved.value));
      variance[part] = moved.variance;
    }
    return { ...full, value, variance };
  };
  type Drift = { candidate: string; d: number; noise: number; factor: number; parts: Parts; full: PartStats };
  const drifts = new Map<number, Drift[]>();
  const commerce = new Map<string, boolean>();
  for (const e of entries) {
    if (!isRankable(e, settings)) continue;
    commerce.set(e.candidate, e.challenge.isCommerce);
    // An open tag is judged as its full sample would be (overlap extrapolated to every page).
    const isOpen = open.has(e.candidate);
    const full = withPriors(stats(e.posts, isOpen ? settings.pages * P : 0), isOpen, e);
    const { score, se: seOfPosts } = scoreOnScale(full, scale, settings, e.challenge.isCommerce);
    const se = isOpen ? seOfPosts * fullSampleShare(e.posts.length, settings) : seOfPosts;
    const inHand = isOpen ? est(e.posts, e.challenge.isCommerce).score : score;
    out.set(e.candidate, { point: score, se, inHand });
    if (!isOpen) continue;
    const m = Math.max(1, Math.ceil(e.posts.length / P));
    if (m >= settings.pages) continue;
    // Two parts whose difference shows the drift: the halves of page 1, or the last two pages.
    const [a, b, dist] =
      m === 1
        ? [e.posts.slice(0, P / 2), e.posts.slice(P / 2, P), P / 2]
        : [e.posts.slice((m - 2) * P, (m - 1) * P), e.posts.slice((m - 1) * P, m * P), P];
    if (a.length < 3 || b.length < 3) continue;
    const [sa, sb] = [stats(a), stats(b)];
    const x = scoreOnScale(sa, scale, settings, false);
    const y = scoreOnScale(sb, scale, settings, false);
    const group = drifts.get(m) ?? [];
    group.push({
      candidate: e.candidate,
      d: y.score - x.score,
      noise: x.se ** 2 + y.se ** 2,
      parts: {
        velocity: sb.value.velocity - sa.value.velocity,
        density: sb.value.density - sa.value.density,
        overlap: sb.value.overlap - sa.value.overlap,
      },
      full,
      // From the centre of the posts in hand to the centre of a full sample, in units of `dist`.
      factor: ((settings.pages - m) * P) / 2 / dist,
    });
    drifts.set(m, group);
  }
  for (const group of drifts.values()) {
    if (group.length < MIN_TAGS_FOR_DRIFT) continue;
    // A drift the region's tags share moves no rank; what moves ranks is how much the drifts differ beyond noise.
    const mean = group.reduce((s, g) => s + g.d, 0) / group.length;
    const spread = group.reduce((s, g) => s + (g.d - mean) ** 2, 0) / (group.length - 1);
    const noise = group.reduce((s, g) => s + g.noise, 0) / group.length;
    const tau2 = Math.max(0, spread - noise);
    const meanPart = (part: keyof Parts): number =>
      group.reduce((s, g) => s + g.parts[part], 0) / group.length;
    const means = {
      velocity: meanPart('velocity'),
      density: meanPart('density'),
      overlap: meanPart('overlap'),
    };
    for (const g of group) {
      const shrink = tau2 / (tau2 + g.noise);
      const t = out.get(g.candidate)!;
      // Each part moved by the region's drift and the tag's own (shrunk), kept inside the part's possible values.
      const moved = (part: keyof Parts, lo: number, hi: number): number =>
        Math.min(
          hi,
          Math.max(
            lo,
            g.full.value[part] + g.factor * (means[part] + shrink * (g.parts[part] - means[part])),
          ),
        );
      const value = {
        velocity: moved('velocity', 0, 1),
        density: moved('density', 0, Number.POSITIVE_INFINITY),
        overlap: moved('overlap', 0, 1),
      };
      t.point = scoreOnScale({ ...g.full, value }, scale, settings, commerce.get(g.candidate)!).score;
      t.se = Math.sqrt(t.se ** 2 + g.factor ** 2 * tau2 * (1 - shrink));
    }
  }
  return out;
}

/** The boundaries that matter, from the estimates: between rank k and k+1 (when there is a rest) and #1 and #2, with
 * their standard errors. */
function boundaries(
  estimates: ReadonlyMap<string, TagEstimate>,
  topK: number,
): { k?: number; first?: number; seK: number; seFirst: number } {
  const ts = [...estimates.values()].sort((a, b) => b.point - a.point);
  // A boundary is the midpoint of two estimates, so it has a standard error of its own: with each tag's narrowed to
  // what its full sample will say (fullSampleShare), leaving it out made the rule too sure (more top-10s moved).
  const mid = (i: number) => ({
    at: (ts[i]!.point + ts[i + 1]!.point) / 2,
    se: Math.sqrt(ts[i]!.se ** 2 + ts[i + 1]!.se ** 2) / 2,
  });
  const k = ts.length > topK ? mid(topK - 1) : undefined;
  const first = ts.length > 1 ? mid(0) : undefined;
  return {
    ...(k ? { k: k.at } : {}),
    ...(first ? { first: first.at } : {}),
    seK: k?.se ?? 0,
    seFirst: first?.se ?? 0,
  };
}

export interface SampleDecision {
  /** Candidates to fetch another page for. */
  fetch: Set<string>;
  /** Candidates that stop here though the API has more, with the reason in words. */
  stop: Map<string, string>;
  /** Of those, the ones stopped as outside the top k, and as inside it (the final ranking can prove either wrong). */
  outside: Set<string>;
  inside: Set<string>;
}

export interface DecideOptions {
  topK?: number;
  z?: number;
  /** z at the #1/#2 boundary (default: z). */
  zFirst?: number;
  /** The scale fixed after page 1 (default: computed from the entries' first pages). */
  scale?: RegionScale;
  /** What each tag's other regions predict here (default: nothing). */
  priors?: PartPriors;
}

const fmt = (x: number): string => x.toFixed(1);

/**
 * Which candidates of a region need another page. `canFetchMore` names those the API still has pages for (and the
 * preset's page limit allows); the others are final whatever the decision.
 */
export function decideSampling(
  entries: readonly EstimateEntry[],
  canFetchMore: ReadonlySet<string>,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  opts: DecideOptions = {},
): SampleDecision {
  const topK = opts.topK ?? ADAPTIVE_TOP_K;
  const z = opts.z ?? ADAPTIVE_Z;
  const zFirst = opts.zFirst ?? z;
  const scale = opts.scale ?? firstPageScale(entries, targets, settings, nowSec);
  const estimates = estimateRegion(entries, canFetchMore, targets, settings, nowSec, scale, opts.priors);
  const cut = boundaries(estimates, topK);
  const fetch = new Set<string>();
  const stop = new Map<string, string>();
  const outside = new Set<string>();
  const inside = new Set<string>();
  for (const candidate of canFetchMore) {
    const t = estimates.get(candidate);
    // Not rankable (unknown, excluded or empty): another page would not change the ranking.
    if (!t) continue;
    // Stopping is safe when the full sample's expected score is clearly on one side of the boundary, the
    // uncertainty of both the tag and the boundary counted: a stopped tag shows that estimate (its in-hand score
    // corrected for the page order, adaptive-correction.ts), not its in-hand score.
    const gap = (b: number, seB: number): number => Math.abs(t.point - b) / Math.sqrt(t.se ** 2 + seB ** 2);
    const near = (b: number | undefined, seB: number, zb: number): boolean =>
      b !== undefined && gap(b, seB) < zb;
    if (near(cut.k, cut.seK, z) || near(cut.first, cut.seFirst, zFirst)) {
      fetch.add(candidate);
      continue;
    }
    // Said in standard errors: the estimate's scale (fixed after page 1) is not the score's.
    const away = (b: number, seB: number): string =>
      `${fmt(gap(b, seB))} standard errors from it, ${z} needed`;
    const where =
      cut.k === undefined
        ? `clearly behind #1 (${away(cut.first ?? 0, cut.seFirst)})`
        : t.point > cut.k
          ? `clearly in the top ${topK} (${away(cut.k, cut.seK)})`
          : `clearly outside the top ${topK} (${away(cut.k, cut.seK)})`;
    stop.set(candidate, `the ranking was decided: ${where}`);
    if (cut.k !== undefined && t.point < cut.k) outside.add(candidate);
    else if (cut.k !== undefined) inside.add(candidate);
  }
  return { fetch, stop, outside, inside };
}

/**
 * The tie band after sampling: tags still within TIE_BAND_Z standard errors of the boundary between rank k and k+1
 * on the samples they ended with. Their rank k or k+1 is not decided by the posts in hand; the reason says so.
 * `ranked`: the candidates in the order the preset ranks them, whose k-th and k+1-th place the boundary between
 * (default: the estimates' own order).
 */
export function tieBand(
  entries: readonly EstimateEntry[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  opts: DecideOptions & { ranked?: readonly string[] } = {},
): Map<string, string> {
  const topK = opts.topK ?? ADAPTIVE_TOP_K;
  const z = opts.z ?? TIE_BAND_Z;
  const scale = opts.scale ?? firstPageScale(entries, targets, settings, nowSec);
  const estimates = estimateRegion(entries, new Set(), targets, settings, nowSec, scale);
  const around = opts.ranked?.slice(topK - 1, topK + 1).map((c) => estimates.get(c)?.point);
  const k =
    around === undefined
      ? boundaries(estimates, topK).k
      : around.length === 2 && around[0] !== undefined && around[1] !== undefined
        ? (around[0] + around[1]) / 2
        : undefined;
  const out = new Map<string, string>();
  if (k === undefined) return out;
  for (const e of entries) {
    const t = estimates.get(e.candidate);
    if (!t || Math.abs(t.point - k) >= z * t.se) continue;
    const pages = Math.ceil(e.posts.length / settings.pageSize);
    out.set(
      e.candidate,
      `in the tie band at the top-${topK} boundary: ${fmt(Math.abs(t.point - k) / t.se)} standard errors from it ` +
        `(${z} needed) after ${pages} of ${settings.pages} pages, so rank ${topK} or ${topK + 1} is not decided`,
    );
  }
  return out;
}
