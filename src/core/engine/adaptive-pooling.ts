// What a tag's other regions say of it in one region. A tag that is fast in 25 regions is likely fast in the 26th:
// its page 1 there is one noisy look, and the other regions' first pages are 25 more. The run's first pages are a
// table of tags by regions; each cell is predicted from its tag's and its region's means without the cell itself,
// and how far cells stray from such predictions beyond their own noise (learnt from the whole table) says how much
// that prediction is worth. Where a tag's regions differ a lot, the prediction is worth little and nothing moves;
// where they hardly differ, a cell leans on it. No shape is assumed: both spreads are measured on the run's pages.
import type { ScoringSettings } from '../../shared/model';
import { type EstimateEntry, isRankable, type PartStats, partStats } from './adaptive-estimate';

/** Fewer regions than this and a tag's other regions are not asked (too few to learn how regions differ). */
export const MIN_REGIONS_FOR_POOLING = 4;

/** One cell of the table: a tag's part in one region from its first page, and that value's sampling variance. */
export interface PoolCell {
  tag: string;
  region: string;
  x: number;
  variance: number;
}

/** What the other cells predict of a cell's true value: a mean and the variance of the truth around it. */
export interface CellPrior {
  mean: number;
  variance: number;
}

/** `${tag}\u0000${region}` → the cell's prior. */
export type CellPriors = Map<string, CellPrior>;

export const cellKey = (tag: string, region: string): string => `${tag}\u0000${region}`;

/**
 * Each cell's prior from the others: tag mean + region effect, fitted on the table (a few passes of alternating
 * means, as the table may miss cells), the cell's own weight in that fit taken back out (the leave-one-out residual
 * e / (1 − h), h ≈ 1/regions of the tag + 1/tags of the region), and the truth's variance around it: the spread of
 * the tag's cells beyond their noise (τ², the larger of the tag's own and the median tag's, never below 0) plus the
 * fit's own.
 */
export function cellPriors(cells: readonly PoolCell[]): CellPriors {
  const out: CellPriors = new Map();
  const byTag = new Map<string, PoolCell[]>();
  const byRegion = new Map<string, PoolCell[]>();
  for (const c of cells) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.variance)) continue;
    const inTag = byTag.get(c.tag) ?? [];
    inTag.push(c);
    byTag.set(c.tag, inTag);
    const inRegion = byRegion.get(c.region) ?? [];
    inRegion.push(c);
    byRegion.set(c.region, inRegion);
  }
  const tags = [...byTag].filter(([, cs]) => cs.length >= MIN_REGIONS_FOR_POOLING);
  if (tags.length < 2) return out;
  // Tag means and region effects (a region's effect is what its cells share beyond their tags' means).
  const tagMean = new Map<string, number>();
  const regionEffect = new Map<string, number>();
  for (let pass = 0; pass < 4; pass++) {
    for (const [tag, cs] of tags)
      tagMean.set(tag, cs.reduce((s, c) => s + c.x - (regionEffect.get(c.region) ?? 0), 0) / cs.length);
    for (const [region, cs] of byRegion) {
      const mine = cs.filter((c) => tagMean.has(c.tag));
      regionEffect.set(
        region,
        mine.length > 1 ? mine.reduce((s, c) => s + c.x - tagMean.get(c.tag)!, 0) / mine.length : 0,
      );
    }
  }
  const fit = (c: PoolCell): number => tagMean.get(c.tag)! + (regionEffect.get(c.region) ?? 0);
  const pooledInRegion = new Map(
    [...byRegion].map(([region, cs]) => [region, cs.filter((o) => tagMean.has(o.tag)).length]),
  );
  const leverage = (c: PoolCell): number => {
    const inRegion = pooledInRegion.get(c.region)!;
    return Math.min(0.9, 1 / byTag.get(c.tag)!.length + (inRegion > 1 ? 1 / inRegion : 0));
  };
  // τ², the spread of a tag's cells beyond their noise: each tag's own (its residuals' mean square less their noise,
  // each residual's degrees of freedom counted, 1 − h), and the table's, their median: one tag that varies wildly
  // does not make every other tag's regions look unalike, and one that varies more than most keeps its own.
  const own = new Map(
    tags.map(([tag, cs]) => [
      tag,
      cs.reduce((s, c) => s + (c.x - fit(c)) ** 2 - c.variance * (1 - leverage(c)), 0) /
        cs.reduce((s, c) => s + 1 - leverage(c), 0),
    ]),
  );
  const sorted = [...own.values()].map((v) => Math.max(0, v)).sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const tau2 = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  for (const [tag, cs] of tags) {
    const meanNoise = cs.reduce((s, c) => s + c.variance, 0) / cs.length;
    const t2 = Math.max(tau2, own.get(tag)!);
    for (const c of cs) {
      const h = leverage(c);
      const e = c.x - fit(c);
      // The fit without the cell, and how far that fit itself is from the cell's truth (its own noise).
      out.set(cellKey(c.tag, c.region), {
        mean: c.x - e / (1 - h),
        variance: t2 + ((t2 + meanNoise) * h) / (1 - h),
      });
    }
  }
  return out;
}

/**
 * A part of a sample moved toward its prior: the posts in hand (`x`, sampling variance `variance`) are `inHand` of
 * the full sample's posts, the rest are unseen. Returns the full sample's expected value and the variance of what
 * it will be: the unseen posts' mean is the truth's posterior mean (the prior and `x` weighed by their variances),
 * the posts in hand stay as they are.
 */
export function pooledPart(
  x: number,
  variance: number,
  prior: CellPrior,
  inHand: number,
): { value: number; variance: number } {
  const unseen = Math.min(1, Math.max(0, 1 - inHand));
  if (!(variance > 0) || unseen === 0) return { value: x, variance };
  // w: the weight of the posts in hand in the truth's posterior mean.
  const w = prior.variance / (prior.variance + variance);
  return {
    value: x + unseen * (1 - w) * (prior.mean - x),
    // Var(full | data) = (1 − n/N)·s²·(1 − (1 − n/N)(1 − w)); fullSampleShare's (1 − n/N) is applied by the caller.
    variance: variance * (1 - unseen * (1 - w)),
  };
}

type Part = 'velocity' | 'density' | 'overlap';
const PARTS: readonly Part[] = ['velocity', 'density', 'overlap'];

/** Each part's prior, by candidate: what a region's tags' other regions predict there. */
export type PartPriors = ReadonlyMap<string, Partial<Record<Part, CellPrior>>>;

/**
 * What each tag's other regions predict of its parts in each region, from every pair's first `depth` pages (the
 * pairs that have them): region → its entries in, region → candidate → the parts' priors out. Overlap is taken as
 * the decision takes it, extrapolated to a full sample's posts.
 */
export function priorsAt(
  regions: ReadonlyMap<string, readonly EstimateEntry[]>,
  depth: number,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  /** Kept across calls by the caller: a pair's first `depth` pages never change once fetched. */
  memo: Map<string, PartStats> = new Map(),
): Map<string, PartPriors> {
  const size = depth * settings.pageSize;
  const cells: Record<Part, PoolCell[]> = { velocity: [], density: [], overlap: [] };
  for (const [region, entries] of regions)
    for (const e of entries) {
      if (!isRankable(e, settings) || e.posts.length < size) continue;
      const key = `${cellKey(e.candidate, region)}\u0000${depth}`;
      let s = memo.get(key);
      if (!s) {
        s = partStats(e.posts.slice(0, size), targets, settings, nowSec, settings.pages * settings.pageSize);
        memo.set(key, s);
      }
      for (const part of PARTS)
        cells[part].push({ tag: e.candidate, region, x: s.value[part], variance: s.variance[part] });
    }
  const priors = PARTS.map((part) => [part, cellPriors(cells[part])] as const);
  const out = new Map<string, PartPriors>();
  for (const [region, entries] of regions) {
    const byCandidate = new Map<string, Partial<Record<Part, CellPrior>>>();
    for (const e of entries) {
      const mine: Partial<Record<Part, CellPrior>> = {};
      for (const [part, p] of priors) {
        const prior = p.get(cellKey(e.candidate, region));
        if (prior) mine[part] = prior;
      }
      byCandidate.set(e.candidate, mine);
    }
    out.set(region, byCandidate);
  }
  return out;
}
