// A stopped tag's score as its full sample would say it: adaptive sampling stops a tag after page 1 or 2, and the
// API's page order (unknown: newest first flatters velocity, most liked first flatters likes) makes those pages a
// biased part of the full sample. The bias is learnt from the run's fully sampled pairs, pooled across regions (the
// order is the API's, not a region's), and added to the stopped tag's in-hand metrics with its standard error.
import type { ScoreEstimate, ScoringSettings } from '../../shared/model';
import { partStats } from './adaptive-estimate';
import { computeMetrics, type RawMetrics } from './metrics';
import { mulberry32 } from '../prng';
import { unroundedScore, weighScore } from './score';

/** Fewer fully sampled pairs than this and no drift is learnt at that depth: the stopped tag shows its posts in hand. */
export const MIN_PAIRS_FOR_DRIFT = 6;

const PARTS = ['velocity', 'logDensity', 'overlap'] as const;
type Part = (typeof PARTS)[number];
export type DriftParts = Record<Part, number>;

/** What a stopped pair's in-hand metrics are moved by, to estimate its full sample's. */
export interface PageOrderCorrection {
  /** Pages in hand, and pages a full sample has. */
  pages: number;
  of: number;
  /** Added to velocity and overlap (shares) and to log1p of density. */
  shift: DriftParts;
  /** The shift's standard error per part: the learnt mean's own, and how much tags differ beyond their noise. */
  se: DriftParts;
  /** Fully sampled pairs it was learnt from. */
  learntFrom: number;
  /** The settings it was learnt under: a re-score under others (another window, density or preset) shows the posts
   * in hand instead (appliesTo). */
  learntUnder: { preset: ScoringSettings['preset']; windowDays: number; density: ScoringSettings['density'] };
}

/** Whether a correction learnt under some settings holds under `settings` (seed always shows its samples as they are). */
export const appliesTo = (c: PageOrderCorrection, settings: ScoringSettings): boolean =>
  settings.preset !== 'seed' &&
  c.learntUnder.preset === settings.preset &&
  c.learntUnder.windowDays === settings.windowDays &&
  c.learntUnder.density === settings.density;

/** One part's drift at one depth: full − head = m + b·(x − x̄), x the head's own drift (its two halves, or its last
 * two pages), fitted over the run's complete samples; m and b each shrunk toward 0 by how sure they are (by
 * 1 − (2·se / estimate)², 0 under two standard errors), so at random order the noise of the fit is not added. */
interface PartFit {
  m: number;
  b: number;
  xMean: number;
  sxx: number;
  residual: number;
  /** Residual variance beyond the head's sampling noise (the bootstrap counts that). */
  extra: number;
}

/** The drift of the first `depth` pages against the full sample, per depth (1 … pages − 1). */
export type PageOrderDrift = Map<number, { fits: Record<Part, PartFit>; n: number }>;

type Held = Parameters<typeof computeMetrics>[0];

const partsOf = (m: Pick<RawMetrics, 'velocity' | 'density' | 'overlap'>): DriftParts => ({
  velocity: m.velocity,
  logDensity: Math.log1p(Math.max(0, m.density)),
  overlap: m.overlap,
});

const minus = (x: DriftParts, y: DriftParts): DriftParts => ({
  velocity: x.velocity - y.velocity,
  logDensity: x.logDensity - y.logDensity,
  overlap: x.overlap - y.overlap,
});

/** The head's own drift: its second half against its first (one page), or its last page against the one before. */
function ownDrift(
  head: Held,
  depth: number,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
): DriftParts {
  const P = settings.pageSize;
  const [a, b] =
    depth === 1
      ? [head.slice(0, P / 2), head.slice(P / 2, P)]
      : [head.slice((depth - 2) * P, (depth - 1) * P), head.slice((depth - 1) * P, depth * P)];
  const parts = (x: Held): DriftParts => partsOf(computeMetrics(x, targets, nowSec, settings));
  return minus(parts(b), parts(a));
}

/**
 * The page order's drift, learnt from the run's complete samples (every page the preset asks for, or all the API
 * had: a stopped tag's full sample may be short too, and a short one drifts less): per depth and part, a regression
 * of (full − first `depth` pages) on the head's own drift (pages served by popularity drift more for a tag whose
 * likes vary more; at random the fit comes out about 0). The residual beyond the head's sampling noise is the
 * correction's own uncertainty.
 */
export function learnPageOrderDrift(
  completeSamples: readonly Held[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
): PageOrderDrift {
  const P = settings.pageSize;
  const out: PageOrderDrift = new Map();
  const parts = (x: Held): DriftParts => partsOf(computeMetrics(x, targets, nowSec, settings));
  for (let depth = 1; depth < settings.pages; depth++) {
    const full = completeSamples.filter((posts) => posts.length > depth * P);
    if (full.length < MIN_PAIRS_FOR_DRIFT) continue;
    const ys: DriftParts[] = [];
    const xs: DriftParts[] = [];
    const noise: DriftParts[] = [];
    for (const posts of full) {
      const head = posts.slice(0, depth * P);
      ys.push(minus(parts(posts), parts(head)));
      xs.push(ownDrift(head, depth, targets, settings, nowSec));
      // The head is part of the full sample: only the unseen share of its noise separates the two.
      const v = partStats(head, targets, settings, nowSec).variance;
      const unseen = 1 - head.length / posts.length;
      noise.push({
        velocity: v.velocity * unseen,
        logDensity: v.density * unseen,
        overlap: v.overlap * unseen,
      });
    }
    const n = ys.length;
    const fits = {} as Record<Part, PartFit>;
    for (const part of PARTS) {
      const xMean = xs.reduce((s, x) => s + x[part], 0) / n;
      const yMean = ys.reduce((s, y) => s + y[part], 0) / n;
      let sxx = 0;
      let sxy = 0;
      for (let i = 0; i < n; i++) {
        sxx += (xs[i]![part] - xMean) ** 2;
        sxy += (xs[i]![part] - xMean) * (ys[i]![part] - yMean);
      }
      const b = sxx > 0 ? sxy / sxx : 0;
      const residual =
        ys.reduce((s, y, i) => s + (y[part] - yMean - b * (xs[i]![part] - xMean)) ** 2, 0) /
        Math.max(1, n - 2);
      const meanNoise = noise.reduce((s, d) => s + d[part], 0) / n;
      const shrink = (est: number, variance: number): number =>
        est === 0 ? 0 : est * Math.max(0, 1 - (4 * variance) / est ** 2);
      fits[part] = {
        m: shrink(yMean, residual / n),
        b: sxx > 0 ? shrink(b, residual / sxx) : 0,
        xMean,
        sxx,
        residual,
        extra: Math.max(0, residual - meanNoise),
      };
    }
    out.set(depth, { fits, n });
  }
  return out;
}

/** The correction of a pair stopped with the posts in hand `posts`, if the drift at its depth was learnt. */
export function correctionFor(
  drift: PageOrderDrift,
  posts: Held,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
): PageOrderCorrection | undefined {
  const pages = Math.ceil(posts.length / settings.pageSize);
  const d = drift.get(pages);
  if (!d || posts.length >= settings.pages * settings.pageSize) return undefined;
  const x = ownDrift(posts, pages, targets, settings, nowSec);
  const shift = {} as DriftParts;
  const se = {} as DriftParts;
  for (const part of PARTS) {
    const f = d.fits[part];
    // Overlap is left as in hand: its drift is the sample's size (a short sample sees fewer distinct authors, in
    // any order), not the page order, and a complete short sample shows it too; correcting it toward a full-length
    // sample moved tags whose full sample is short by 6-8 points the wrong way.
    if (part === 'overlap') {
      shift[part] = 0;
      se[part] = 0;
      continue;
    }
    shift[part] = f.m + f.b * (x[part] - f.xMean);
    // The fitted line's own uncertainty at x, and how far tags stray from it beyond their noise.
    const lineVar = f.residual * (1 / d.n + (f.sxx > 0 ? (x[part] - f.xMean) ** 2 / f.sxx : 0));
    se[part] = Math.sqrt(lineVar + f.extra);
  }
  return {
    pages,
    of: settings.pages,
    shift,
    se,
    learntFrom: d.n,
    learntUnder: { preset: settings.preset, windowDays: settings.windowDays, density: settings.density },
  };
}

/** The metrics moved by a correction, kept inside their possible values. */
export function correctMetrics<M extends Pick<RawMetrics, 'velocity' | 'density' | 'overlap'>>(
  m: M,
  c: PageOrderCorrection,
): M {
  const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
  return {
    ...m,
    velocity: clamp01(m.velocity + c.shift.velocity),
    density: Math.expm1(Math.max(0, Math.log1p(Math.max(0, m.density)) + c.shift.logDensity)),
    overlap: clamp01(m.overlap + c.shift.overlap),
  };
}

type Triple = { velocity: number; density: number; overlap: number };

/** Each normalised part's range over the region (as normaliseMetrics takes it), 0 when flat. */
export function normalisedRanges(all: readonly Triple[], settings: ScoringSettings): Triple {
  const robust = settings.preset !== 'seed';
  const range = (xs: number[]): number => (xs.length > 0 ? Math.max(...xs) - Math.min(...xs) : 0);
  return {
    velocity: range(all.map((m) => m.velocity)),
    density: range(all.map((m) => (robust ? Math.log1p(Math.max(0, m.density)) : m.density))),
    overlap: range(all.map((m) => m.overlap)),
  };
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/**
 * What the row says of a corrected score: the in-hand score on the same normalisation (the region's ranges, from
 * the corrected metrics), the correction in score points and its standard error.
 */
export function scoreEstimate(
  c: PageOrderCorrection,
  inHand: Triple,
  corrected: Triple,
  normalised: Triple,
  ranges: Triple,
  isCommerce: boolean,
  settings: ScoringSettings,
): ScoreEstimate {
  const robust = settings.preset !== 'seed';
  const d = (m: Triple): number => (robust ? Math.log1p(Math.max(0, m.density)) : m.density);
  const back = (part: keyof Triple, diff: number): number =>
    ranges[part] === 0 ? normalised[part] : normalised[part] + diff / ranges[part];
  const share = (part: keyof Triple, se: number): number => (ranges[part] === 0 ? 0 : se / ranges[part]);
  return weighedEstimate(
    {
      pages: c.pages,
      of: c.of,
      inHandNormalised: {
        velocity: back('velocity', inHand.velocity - corrected.velocity),
        density: back('density', d(inHand) - d(corrected)),
        overlap: back('overlap', inHand.overlap - corrected.overlap),
      },
      partSe: {
        velocity: share('velocity', c.se.velocity),
        density: share('density', c.se.logDensity),
        overlap: share('overlap', c.se.overlap),
      },
      shift: { velocity: c.shift.velocity, logLikes: c.shift.logDensity, overlap: c.shift.overlap },
      learntFrom: c.learntFrom,
    },
    normalised,
    isCommerce,
    settings.weights,
  );
}

/** An estimate's parts that do not depend on the weights. */
type EstimateParts = Omit<ScoreEstimate, 'inHandScore' | 'correction' | 'se' | 'text'>;

/** The estimate's scores, error and words under weights `w` (the corrected normalised parts as `normalised`). */
function weighedEstimate(
  e: EstimateParts,
  normalised: Triple,
  isCommerce: boolean,
  w: ScoringSettings['weights'],
): ScoreEstimate {
  const inHandScore = weighScore(e.inHandNormalised, isCommerce, w);
  const se =
    100 *
    Math.sqrt(
      (w.velocity * e.partSe.velocity) ** 2 +
        (w.density * e.partSe.density) ** 2 +
        (w.overlap * e.partSe.overlap) ** 2,
    );
  const correction =
    unroundedScore(normalised, isCommerce, w) - unroundedScore(e.inHandNormalised, isCommerce, w);
  return {
    pages: e.pages,
    of: e.of,
    inHandScore,
    inHandNormalised: e.inHandNormalised,
    correction: Math.round(correction * 100) / 100,
    se: Math.round(se * 100) / 100,
    partSe: e.partSe,
    shift: e.shift,
    learntFrom: e.learntFrom,
    text:
      `estimated from ${e.pages} of ${e.of} pages: corrected for the page order by ${signed(correction)} ` +
      `(± ${se.toFixed(1)}, learnt from ${e.learntFrom} fully sampled pairs); ${inHandScore.toFixed(2)} from the posts in hand`,
  };
}

/** A row's estimate under other weights (a re-weigh from the samples in hand): its in-hand score, correction,
 * error and words as a full score with these weights gives them. */
export const reweighEstimate = (
  e: ScoreEstimate,
  normalised: Triple,
  isCommerce: boolean,
  w: ScoringSettings['weights'],
): ScoreEstimate => weighedEstimate(e, normalised, isCommerce, w);

// How the estimate joins the 'sampled-less' flag's words lives with the model (the reports and the app part them).
export { flagReasonWith, flagReasonWithout } from '../../shared/estimate-words';

/**
 * The bootstrap's draws of a corrected tag (confidence-draws.ts, raw metrics at (b * T + t) * 3): each resample is
 * moved by the correction, itself drawn from its standard error, so the interval is centred on the estimate and
 * widened by the correction's own uncertainty.
 */
export function shiftDraws(
  raw: Float64Array,
  t: number,
  T: number,
  B: number,
  c: PageOrderCorrection,
  seed: number,
): void {
  const rng = mulberry32(seed ^ 0x5bd1e995);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
  for (let b = 0; b < B; b++) {
    const at = (b * T + t) * 3;
    raw[at] = clamp01(raw[at]! + c.shift.velocity + c.se.velocity * normal());
    raw[at + 1] = Math.expm1(
      Math.max(0, Math.log1p(Math.max(0, raw[at + 1]!)) + c.shift.logDensity + c.se.logDensity * normal()),
    );
    raw[at + 2] = clamp01(raw[at + 2]! + c.shift.overlap + c.se.overlap * normal());
  }
}
