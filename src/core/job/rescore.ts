// A re-score from the samples in hand: other weights, preset or window over the last run's samples, with no call
// and no file read, when those samples were fetched the way the new settings would fetch them. It answers in two
// steps: the ranks and scores at once, the intervals from the scoring workers after (a newer edit cancels them).
import { NO_CREDITS, type RegionCode, type RegionResult, type RunResult } from '../../shared/model';
import { fillMomentum } from '../engine/momentum';
import { type RankArrays, rankArraysOf, rerank, rerankedRegion, rowWith } from '../engine/rank-arrays';
import type { RunSamples } from '../pipeline/run';
import type { Intervals, ScoringPool } from '../worker/scoring-pool';
import type { StoredRun } from '../workspace/history';
import type { PreparedScoreRun } from './prepare-score';

export interface SamplesInHand {
  /** The run the samples came from, as it was scored (before momentum). */
  raw: RunResult;
  data: RunSamples;
  /** The recorded run the last one was compared with: a re-score's momentum is against the same run. */
  previous?: StoredRun;
  /** The samples were fetched with these: a re-score with other pages needs the network. */
  sampling: { pages: number; pageSize: number };
}

type Inputs = Pick<PreparedScoreRun, 'candidates' | 'targets' | 'regions' | 'settings' | 'velocityThreshold'>;

/** A re-score's two steps: the ranks and scores at once, the intervals (and rank ranges) after. */
export interface TwoStepRescore {
  /** Every row re-scored and re-ranked, without its confidence (it follows in `intervals`). */
  result: RunResult;
  /** Candidates not fetched yet. */
  missing: string[];
  /** Starts the intervals under the new settings (cancelling those of an earlier call): each ranked tag's
   * confidence, or undefined when a newer re-score's started since; each region to `onRegion` as it is done. */
  intervals: (onRegion?: Parameters<ScoringPool['intervals']>[2]) => Promise<Intervals | undefined>;
}

export interface Rescorer {
  /** A re-score from the samples in hand; undefined when they cannot answer it (other pages: a run is needed). */
  rescore(last: SamplesInHand, prepared: Inputs): Promise<TwoStepRescore | undefined>;
}

interface Base {
  data: RunSamples;
  regions: Record<RegionCode, RegionResult>;
  arrays: Record<RegionCode, RankArrays>;
}

/**
 * Re-scores over a scoring pool. A change of weights re-ranks from the metrics in hand (rank-arrays.ts: typed
 * arrays, no post read) in this thread, at once; other settings (preset, window) first score the metrics from the
 * compact samples in a worker, then keep them for the next edit. The intervals are always the workers' job.
 */
export function createRescorer(pool: ScoringPool): Rescorer {
  // The metrics of the last few settings (all but the weights): switching back to a preset costs nothing.
  const bases = new Map<string, Base>();
  return {
    async rescore(last, prepared) {
      if (!answersFromSamples(last, prepared)) return undefined;
      const job = {
        candidates: prepared.candidates,
        targets: prepared.targets,
        regions: prepared.regions,
        settings: prepared.settings,
        nowSec: Math.floor(Date.parse(last.raw.now) / 1000),
      };
      const { weights: _w, ...metricSettings } = job.settings;
      const key = JSON.stringify([job.candidates, job.targets, job.regions, job.nowSec, metricSettings]);
      let base = bases.get(key);
      if (!base || base.data !== last.data) {
        const regions = await pool.score(last.data, { ...job, confidence: false });
        const order = new Map(job.candidates.map((c, i) => [c, i] as const));
        const arrays: Record<RegionCode, RankArrays> = {};
        for (const [r, region] of Object.entries(regions)) arrays[r] = rankArraysOf(region, order);
        base = { data: last.data, regions, arrays };
        if (bases.size >= 4) bases.delete(bases.keys().next().value!);
        bases.set(key, base);
      }
      const regions: Record<RegionCode, RegionResult> = {};
      for (const [r, arrays] of Object.entries(base.arrays)) {
        rerank(arrays, job.settings.weights);
        regions[r] = rerankedRegion(arrays, base.regions[r]!, job.settings.weights);
      }
      const result: RunResult = {
        ...last.raw,
        preset: job.settings.preset,
        settings: job.settings,
        regions,
        credits: NO_CREDITS,
      };
      // The rows were built just now, for this answer: their momentum goes into them (one object a row).
      fillMomentum(result, last.previous, prepared.velocityThreshold);
      return {
        result,
        missing: prepared.candidates.filter((c) => !last.data.challenges.has(c)),
        intervals: (onRegion) => pool.intervals(last.data, job, onRegion),
      };
    },
  };
}

/** The samples answer a re-score fetched as they were (pages and page size) over the run's regions. */
const answersFromSamples = (last: SamplesInHand, prepared: Inputs): boolean =>
  last.sampling.pages === prepared.settings.pages &&
  last.sampling.pageSize === prepared.settings.pageSize &&
  prepared.regions.every((r) => r in last.raw.regions);

/** The run with each ranked tag's confidence set from `intervals` (scores and ranks as they are). */
export function withIntervals(result: RunResult, intervals: Intervals): RunResult {
  const regions: Record<RegionCode, RegionResult> = {};
  for (const [r, region] of Object.entries(result.regions)) {
    const conf = intervals[r];
    regions[r] = conf
      ? {
          ...region,
          ranked: region.ranked.map((t) => rowWith(t, t.score, t.rank, conf.get(t.candidate), t.history)),
        }
      : region;
  }
  return { ...result, regions };
}

/** "3 candidates are not fetched yet (a, b, c): Run fetches them." */
export function describeMissing(missing: readonly string[]): string {
  const some = `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`;
  return `${missing.length} candidates are not fetched yet (${some}): Run fetches them.`;
}

/**
 * The samples in hand with a retry's answers merged in: the retried pairs' samples replace whatever the run had for
 * them, and the run's failures become those of the pairs the retry did not reach plus the retry's own. A re-score
 * from the result then needs no cache: the run's other pairs may have been sampled with fewer pages (adaptive
 * sampling) than an offline re-score from the cache would ask for.
 */
export function withRetried(
  last: SamplesInHand,
  retried: { result: RunResult; data: RunSamples },
  only: { tags: readonly string[]; regions: readonly string[] },
): SamplesInHand {
  const merge = <V>(
    a: Map<string, V> | undefined,
    b: Map<string, V> | undefined,
  ): Map<string, V> | undefined => (a || b ? new Map([...(a ?? []), ...(b ?? [])]) : undefined);
  const data: RunSamples = {
    challenges: merge(last.data.challenges, retried.data.challenges)!,
    samples: merge(last.data.samples, retried.data.samples)!,
  };
  // A retried pair's old marks (stopped early, tie band) are the old sample's: only the retry's own stand.
  const retriedKeys = new Set(retried.data.samples.keys());
  for (const mark of ['stoppedEarly', 'tieBand'] as const) {
    const kept = [...(last.data[mark] ?? [])].filter(([k]) => !retriedKeys.has(k));
    const m = merge(new Map(kept), retried.data[mark]);
    if (m && m.size > 0) data[mark] = m;
  }
  const corrections = merge(
    new Map([...(last.data.corrections ?? [])].filter(([k]) => !retriedKeys.has(k))),
    retried.data.corrections,
  );
  if (corrections && corrections.size > 0) data.corrections = corrections;
  const tried = (f: { tag: string; region: string }): boolean =>
    only.tags.includes(f.tag) && only.regions.includes(f.region);
  const failed = [...last.raw.failed.filter((f) => !tried(f)), ...retried.result.failed];
  return { ...last, data, raw: { ...last.raw, failed } };
}
