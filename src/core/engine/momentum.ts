// How a tag moved between two runs: growth per week of its creators and views, its score and rank moves, and
// whether its velocity crossed the threshold. Pure maths over ranked rows; storing runs is workspace/history.ts.
import type { ComparedSide, ComparedTag, RunComparison } from '../../shared/history';
import type { RegionCode, RunResult, ScoredTag, ScoringSettings } from '../../shared/model';
import { hashtagKey } from '../../shared/hashtag';
import { type ComparableRun, type Comparability, comparability } from './comparable';
import { normaliseMetrics } from './normalise';
import { weighScore } from './score';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Below a day between runs, a per-week growth extrapolates rounding and hourly noise: reported as unknown. */
export const MIN_GROWTH_INTERVAL_MS = DAY_MS;

/** What momentum and comparison need of a ranked row; a ScoredTag and a stored row both have it. */
export type RunRow = Pick<
  ScoredTag,
  | 'tag'
  | 'candidate'
  | 'rank'
  | 'score'
  | 'velocity'
  | 'density'
  | 'overlap'
  | 'sample'
  | 'userCount'
  | 'viewCount'
>;

/** A run as momentum and comparison see it: a RunResult and a stored run both are one. */
export interface RunLike extends ComparableRun {
  id?: string;
  now: string;
  regions: Record<RegionCode, { ranked: readonly RunRow[] }>;
}

/** Tags match across runs by name, as TikTok does: case and Unicode form do not matter. */
export const tagKey = hashtagKey;

/**
 * The step a lifetime count may have been rounded to: the API gives large counts as "1.2K", "1.2M", "1.2B", so a
 * count that is a whole number of those tenths may be one. Below a thousand, or off the step, it is taken as exact.
 */
export function roundingStep(n: number): number {
  for (const step of [100_000_000, 100_000, 100]) if (n >= step * 10 && n % step === 0) return step;
  return 1;
}

/**
 * Growth per week as a fraction: (now/prev)^(7 days/Δt) − 1; null when it cannot be known: a missing (zero) count,
 * runs less than a day apart, or a change no larger than the step the counts may have been rounded to.
 */
export function growthPerWeek(current: number, previous: number, intervalMs: number): number | null {
  if (!(previous > 0) || !(current > 0) || !(intervalMs >= MIN_GROWTH_INTERVAL_MS)) return null;
  // A count off the step shows the API is not rounding counts of that size: the finer of the two steps holds.
  const step = Math.min(roundingStep(current), roundingStep(previous));
  if (step > 1 && Math.abs(current - previous) <= step) return null;
  const g = Math.pow(current / previous, WEEK_MS / intervalMs) - 1;
  return Number.isFinite(g) ? g : null;
}

/**
 * A velocity change tested as a difference of two proportions (the share of sampled posts inside the window), from
 * the rows' sample sizes: its z (pooled standard error); null when a side has no posts.
 */
export function velocityChangeZ(
  before: { velocity: number; sample: number },
  after: { velocity: number; sample: number },
): number | null {
  const n1 = before.sample;
  const n2 = after.sample;
  if (!(n1 > 0) || !(n2 > 0)) return null;
  const pooled = (before.velocity * n1 + after.velocity * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const d = after.velocity - before.velocity;
  return se > 0 ? d / se : d === 0 ? 0 : Math.sign(d) * Infinity;
}

/** Which way velocity crossed the threshold between two runs, or null when it stayed on its side. */
export function velocityCrossing(
  before: number,
  after: number,
  threshold: number,
): 'rose above' | 'fell below' | null {
  if (before < threshold && threshold <= after) return 'rose above';
  if (after < threshold && threshold <= before) return 'fell below';
  return null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function indexRows(rows: readonly RunRow[]): Map<string, RunRow> {
  const m = new Map<string, RunRow>();
  for (const r of rows) if (!m.has(tagKey(r.tag))) m.set(tagKey(r.tag), r);
  return m;
}

/** Both runs' scores and ranks over the tags both ranked, each re-normalised by its own settings. */
function sharedScores(
  before: readonly RunRow[],
  after: readonly RunRow[],
  sb: ScoringSettings,
  sa: ScoringSettings,
): {
  before: Map<string, { score: number; rank: number }>;
  after: Map<string, { score: number; rank: number }>;
} {
  const inAfter = new Set(after.map((r) => tagKey(r.tag)));
  const inBefore = new Set(before.map((r) => tagKey(r.tag)));
  const score = (rows: readonly RunRow[], keep: Set<string>, settings: ScoringSettings) => {
    const shared = [...indexRows(rows).values()].filter((r) => keep.has(tagKey(r.tag)));
    const n = normaliseMetrics(shared, settings);
    const scored = shared
      .map((r, i) => ({
        key: tagKey(r.tag),
        score: weighScore(n[i]!, (r as { isCommerce?: boolean }).isCommerce ?? false, settings.weights),
        order: r.rank,
      }))
      .sort((a, b) => b.score - a.score || a.order - b.order);
    return new Map(scored.map((x, i) => [x.key, { score: x.score, rank: i + 1 }]));
  };
  return { before: score(before, inAfter, sb), after: score(after, inBefore, sa) };
}

/** Whether unlike runs can still be compared by re-normalising both over the tags they share. */
const canRenormalise = (cmp: Comparability, a: RunLike, b: RunLike): boolean =>
  cmp.onlyCandidates && a.settings?.weights !== undefined && b.settings?.weights !== undefined;

const sharedNote = (cmp: Comparability): string =>
  `${cmp.differences.join('; ')}: scores and ranks compared over the tags both runs ranked, re-normalised`;

/**
 * The run with each ranked row's momentum against `previous` (a new object; `current` is not changed). A region
 * the previous run lacks gets no history; a tag new to a region gets history with nulls.
 */
export function computeMomentum(
  current: RunResult,
  previous: RunLike | undefined,
  velocityThreshold: number,
): RunResult {
  if (!previous) return current;
  const regions: RunResult['regions'] = {};
  for (const [code, region] of Object.entries(current.regions))
    regions[code] = previous.regions[code]
      ? { ...region, ranked: region.ranked.map((row) => ({ ...row })) }
      : region;
  const out = { ...current, regions };
  fillMomentum(out, previous, velocityThreshold);
  return out;
}

// The previous run's rows by tag key, per region: a re-score compares with the same run on every edit.
const indexed = new WeakMap<readonly RunRow[], Map<string, RunRow>>();
function indexOf(rows: readonly RunRow[]): Map<string, RunRow> {
  let m = indexed.get(rows);
  if (!m) indexed.set(rows, (m = indexRows(rows)));
  return m;
}

/**
 * computeMomentum on rows the caller has just built and owns: each ranked row's `history` set in place, so a
 * re-score makes one object per row, not two. The same numbers as computeMomentum (which builds on this).
 */
export function fillMomentum(
  current: RunResult,
  previous: RunLike | undefined,
  velocityThreshold: number,
): void {
  if (!previous) return;
  const interval = Date.parse(current.now) - Date.parse(previous.now);
  const cmp = comparability(previous, current);
  const renormalise = canRenormalise(cmp, previous, current);
  const note = cmp.comparable
    ? {}
    : renormalise
      ? { comparedOver: sharedNote(cmp) }
      : { notComparable: cmp.why };
  for (const [code, region] of Object.entries(current.regions)) {
    const prevRegion = previous.regions[code];
    if (!prevRegion) continue;
    const prev = indexOf(prevRegion.ranked);
    const shared = renormalise
      ? sharedScores(prevRegion.ranked, region.ranked, previous.settings as ScoringSettings, current.settings)
      : undefined;
    for (const row of region.ranked) {
      const k = tagKey(row.tag);
      const p = prev.get(k);
      // Lifetime counts do not depend on how a run sampled; scores and ranks are positions within the run's
      // list, and velocity counts posts inside its window: those move only between comparable runs, or between
      // runs that differ only in their candidates once both are re-normalised over the tags they share.
      const moves = p !== undefined && cmp.comparable;
      const b = shared?.before.get(k);
      const a = shared?.after.get(k);
      const vp = p !== undefined && cmp.velocityComparable ? p : undefined;
      const crossed = vp ? velocityCrossing(vp.velocity, row.velocity, velocityThreshold) : null;
      row.history = {
        previousRunAt: previous.now,
        userCountGrowthPerWeek: p ? growthPerWeek(row.userCount, p.userCount, interval) : null,
        viewCountGrowthPerWeek: p ? growthPerWeek(row.viewCount, p.viewCount, interval) : null,
        scoreChange: moves ? round2(row.score - p.score) : a && b ? round2(a.score - b.score) : null,
        rankChange: moves ? p.rank - row.rank : a && b ? b.rank - a.rank : null,
        previousVelocity: vp ? vp.velocity : null,
        crossedVelocityThreshold: crossed === 'rose above',
        velocityCrossed: crossed,
        ...note,
      };
    }
  }
}

/** A score (after − before) or rank (before − after: up is positive) change over the shared tags. */
function sharedChange(
  shared: ReturnType<typeof sharedScores> | undefined,
  k: string,
  what: 'score' | 'rank',
): number | null {
  const b = shared?.before.get(k);
  const a = shared?.after.get(k);
  if (!a || !b) return null;
  return what === 'score' ? round2(a.score - b.score) : b.rank - a.rank;
}

const side = (r: RunRow): ComparedSide => ({
  rank: r.rank,
  score: r.score,
  velocity: r.velocity,
  density: r.density,
  overlap: r.overlap,
  userCount: r.userCount,
  viewCount: r.viewCount,
});

/** Compares an earlier run `a` with a later run `b`, region by region (regions of either run). */
export function compareRuns(a: RunLike, b: RunLike): RunComparison {
  const interval = Date.parse(b.now) - Date.parse(a.now);
  const cmp = comparability(a, b);
  const renormalise = canRenormalise(cmp, a, b);
  const codes = [...new Set([...Object.keys(b.regions), ...Object.keys(a.regions)])];
  const regions: RunComparison['regions'] = {};
  for (const code of codes) {
    const before = a.regions[code]?.ranked ?? [];
    const after = b.regions[code]?.ranked ?? [];
    const prev = indexRows(before);
    const shared = renormalise
      ? sharedScores(before, after, a.settings as ScoringSettings, b.settings as ScoringSettings)
      : undefined;
    const seen = new Set<string>();
    const rows: ComparedTag[] = [];
    for (const r of [...after].sort((x, y) => x.rank - y.rank)) {
      const k = tagKey(r.tag);
      if (seen.has(k)) continue;
      seen.add(k);
      const p = prev.get(k);
      rows.push({
        tag: r.tag,
        candidate: r.candidate,
        status: p ? 'both' : 'new',
        before: p ? side(p) : null,
        after: side(r),
        scoreChange: p && cmp.comparable ? round2(r.score - p.score) : sharedChange(shared, k, 'score'),
        rankChange: p && cmp.comparable ? p.rank - r.rank : sharedChange(shared, k, 'rank'),
        velocityChange: p && cmp.velocityComparable ? r.velocity - p.velocity : null,
        userCountGrowthPerWeek: p ? growthPerWeek(r.userCount, p.userCount, interval) : null,
        viewCountGrowthPerWeek: p ? growthPerWeek(r.viewCount, p.viewCount, interval) : null,
      });
    }
    for (const p of [...before].sort((x, y) => x.rank - y.rank)) {
      const k = tagKey(p.tag);
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push({
        tag: p.tag,
        candidate: p.candidate,
        status: 'gone',
        before: side(p),
        after: null,
        scoreChange: null,
        rankChange: null,
        velocityChange: null,
        userCountGrowthPerWeek: null,
        viewCountGrowthPerWeek: null,
      });
    }
    regions[code] = {
      region: code,
      rows,
      newTags: rows.filter((r) => r.status === 'new').map((r) => r.tag),
      goneTags: rows.filter((r) => r.status === 'gone').map((r) => r.tag),
    };
  }
  return {
    before: { id: a.id, now: a.now },
    after: { id: b.id, now: b.now },
    days: interval / DAY_MS,
    regions,
    ...(cmp.comparable ? {} : renormalise ? { comparedOver: sharedNote(cmp) } : { notComparable: cmp.why }),
  };
}
