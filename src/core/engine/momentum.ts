// How a tag moved between two runs: growth per week of its creators and views, its score and rank moves, and
// whether its velocity crossed the threshold. Pure maths over ranked rows; storing runs is workspace/history.ts.
import type { ComparedSide, ComparedTag, RunComparison } from '../../shared/history';
import type { RegionCode, RunResult, ScoredTag, TagHistory } from '../../shared/model';
import { hashtagKey } from '../../shared/hashtag';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Below this gap, a per-week growth is an extrapolation of rounding noise: reported as unknown. */
export const MIN_GROWTH_INTERVAL_MS = 60 * 60_000;

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
export interface RunLike {
  id?: string;
  now: string;
  regions: Record<RegionCode, { ranked: readonly RunRow[] }>;
}

/** Tags match across runs by name, as TikTok does: case and Unicode form do not matter. */
export const tagKey = hashtagKey;

/** Growth per week as a fraction: (now/prev)^(7 days/Δt) − 1; null when it cannot be known. */
export function growthPerWeek(current: number, previous: number, intervalMs: number): number | null {
  if (!(previous > 0) || !(current >= 0) || !(intervalMs >= MIN_GROWTH_INTERVAL_MS)) return null;
  const g = Math.pow(current / previous, WEEK_MS / intervalMs) - 1;
  return Number.isFinite(g) ? g : null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function indexRows(rows: readonly RunRow[]): Map<string, RunRow> {
  const m = new Map<string, RunRow>();
  for (const r of rows) if (!m.has(tagKey(r.tag))) m.set(tagKey(r.tag), r);
  return m;
}

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
  const interval = Date.parse(current.now) - Date.parse(previous.now);
  const regions: RunResult['regions'] = {};
  for (const [code, region] of Object.entries(current.regions)) {
    const prevRegion = previous.regions[code];
    if (!prevRegion) {
      regions[code] = region;
      continue;
    }
    const prev = indexRows(prevRegion.ranked);
    regions[code] = {
      ...region,
      ranked: region.ranked.map((row) => {
        const p = prev.get(tagKey(row.tag));
        const history: TagHistory = {
          previousRunAt: previous.now,
          userCountGrowthPerWeek: p ? growthPerWeek(row.userCount, p.userCount, interval) : null,
          viewCountGrowthPerWeek: p ? growthPerWeek(row.viewCount, p.viewCount, interval) : null,
          scoreChange: p ? round2(row.score - p.score) : null,
          rankChange: p ? p.rank - row.rank : null,
          previousVelocity: p ? p.velocity : null,
          crossedVelocityThreshold:
            p !== undefined && p.velocity < velocityThreshold && velocityThreshold <= row.velocity,
        };
        return { ...row, history };
      }),
    };
  }
  return { ...current, regions };
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
  const codes = [...new Set([...Object.keys(b.regions), ...Object.keys(a.regions)])];
  const regions: RunComparison['regions'] = {};
  for (const code of codes) {
    const before = a.regions[code]?.ranked ?? [];
    const after = b.regions[code]?.ranked ?? [];
    const prev = indexRows(before);
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
        scoreChange: p ? round2(r.score - p.score) : null,
        rankChange: p ? p.rank - r.rank : null,
        velocityChange: p ? r.velocity - p.velocity : null,
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
  };
}
