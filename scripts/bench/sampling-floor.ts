// Why adaptive sampling cannot go below a floor: the ranking shows a stopped tag's score from the posts in hand, so
// a tag whose first page alone would move it across the full ranking's top-10 boundary (or change its #1) must be
// sampled on, whatever the rule. Measured from full samples, per page order: how page 1 differs from the full
// sample (mean per part), how many pairs are so forced to a page 2 (and 3), and the least that leaves to spend.
import { computeMetrics } from '../../src/core/engine/metrics';
import { resolveSettings } from '../../src/core/engine/presets';
import { type RegionEntry, scoreRegion } from '../../src/core/engine/score';
import { sampleKey } from '../../src/core/pipeline/run';
import type { PageOrder } from '../../src/core/simulator';
import type { RegionCode } from '../../src/shared/model';
import { scoreOnSimulator } from './adaptive';
import { NOW, TARGETS } from './scenario';
import type { Dataset } from '../../src/core/simulator/dataset-types';

const TOP_K = 10;
const SETTINGS = resolveSettings('organic', { sampling: 'full' });
const TARGET_SET = new Set(TARGETS.map((t) => t.toLowerCase()));
const NOW_S = NOW.getTime() / 1000;

export interface FloorRow {
  tags: number;
  order: PageOrder;
  /** Mean of (page 1 − full sample) over pairs with three pages: velocity, log1p-likes, overlap. */
  bias: { velocity: number; logLikes: number; overlap: number };
  /** Pairs whose page 1 alone (the others in full) would move them across the top-10 boundary or change #1: page 2
   * is forced. */
  forced2: number;
  /** The same with two pages: page 3 is forced. */
  forced3: number;
  full: number;
  /** Pages after the first that full sampling fetched. */
  laterPages: number;
  /** Full's credits less every later page, plus the forced ones: the least any rule showing posts in hand spends. */
  floor: number;
}

/** A region's decisions that matter: #1 and the candidates in the top k. */
function decisionsOf(
  entries: readonly RegionEntry[],
  region: RegionCode,
): { first?: string; top: Set<string> } {
  const ranked = scoreRegion(entries, TARGET_SET, SETTINGS, NOW_S, region).ranked;
  return { first: ranked[0]?.candidate, top: new Set(ranked.slice(0, TOP_K).map((t) => t.candidate)) };
}

export async function samplingFloor(
  dataset: Dataset,
  candidates: string[],
  regions: RegionCode[],
  order: PageOrder,
): Promise<FloorRow> {
  const P = SETTINGS.pageSize;
  const { result, data } = await scoreOnSimulator(candidates, regions, 'full', { dataset, pageOrder: order });
  const sums = { velocity: 0, logLikes: 0, overlap: 0, n: 0 };
  let forced2 = 0;
  let forced3 = 0;
  let laterPages = 0;
  for (const region of regions) {
    const entries: RegionEntry[] = candidates
      .filter((c) => data.challenges.get(c) && (data.samples.get(sampleKey(region, c))?.length ?? 0) > 0)
      .map((c) => ({
        candidate: c,
        challenge: data.challenges.get(c)!,
        posts: data.samples.get(sampleKey(region, c))!,
      }));
    laterPages += entries.reduce((s, e) => s + Math.max(0, Math.ceil(e.posts.length / P) - 1), 0);
    const full = decisionsOf(entries, region);
    for (const [i, e] of entries.entries()) {
      // Cut to n posts, the others in full: does it land on the other side of the boundary, or change #1?
      const cutAt = (n: number): boolean => {
        const cut = decisionsOf(
          entries.map((x, j) => (j === i ? { ...x, posts: x.posts.slice(0, n) } : x)),
          region,
        );
        return cut.first !== full.first || cut.top.has(e.candidate) !== full.top.has(e.candidate);
      };
      if (e.posts.length > P && cutAt(P)) forced2 += 1;
      if (e.posts.length > 2 * P && cutAt(2 * P)) forced3 += 1;
      if (e.posts.length < 3 * P) continue;
      const a = computeMetrics(e.posts.slice(0, P), TARGET_SET, NOW_S, SETTINGS);
      const f = computeMetrics(e.posts, TARGET_SET, NOW_S, SETTINGS);
      sums.velocity += a.velocity - f.velocity;
      // organic's density is the geometric mean of 1 + likes, less 1: log1p gives back the mean log.
      sums.logLikes += Math.log1p(a.density) - Math.log1p(f.density);
      sums.overlap += a.overlap - f.overlap;
      sums.n += 1;
    }
  }
  const n = Math.max(1, sums.n);
  return {
    tags: candidates.length,
    order,
    bias: { velocity: sums.velocity / n, logLikes: sums.logLikes / n, overlap: sums.overlap / n },
    forced2,
    forced3,
    full: result.credits.used,
    laterPages,
    floor: result.credits.used - laterPages + forced2 + forced3,
  };
}
