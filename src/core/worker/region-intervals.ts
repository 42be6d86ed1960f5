// A region's intervals in a scoring worker. A change of weights (the app's sliders) re-ranks the metrics scored for
// the settings' other values (rank-arrays.ts, scoreRegion's own weighs and sort) instead of scoring every sample
// again, then the confidence comes from the draws remembered for them: the answer of a full score with confidence.
import type { RegionCode, RegionResult, ScoreConfidence } from '../../shared/model';
import type { CompactRun } from '../engine/compact-samples';
import { bootstrapRegion } from '../engine/confidence';
import { type RankArrays, rankArraysOf, rerank, rerankedRegion } from '../engine/rank-arrays';
import { type RegionEntry, scoreRegion } from '../engine/score';
import { regionEntries } from '../pipeline/score-run';
import type { ScoreJob } from './scoring-protocol';

interface Base {
  entries: RegionEntry[];
  result: RegionResult;
  arrays: RankArrays;
}

/** The metrics of the last settings per region (25 regions, a few presets or windows switched between). */
const bases = new Map<string, Base>();
const MAX_BASES = 100;
/** The run the bases are of: another run's samples are not kept alive by them. */
let basesRun: CompactRun | undefined;

/** Each ranked tag's confidence in `region` under job.settings, by rank; `stale` as BootstrapOptions.stale. */
export function regionIntervals(
  run: CompactRun,
  job: ScoreJob,
  targets: ReadonlySet<string>,
  region: RegionCode,
  stale?: () => boolean,
): [candidate: string, confidence: ScoreConfidence][] {
  if (basesRun !== run) {
    bases.clear();
    basesRun = run;
  }
  const { weights, ...rest } = job.settings;
  const key = JSON.stringify([region, job.nowSec, rest, job.targets, job.candidates]);
  let base = bases.get(key);
  if (!base) {
    const entries = regionEntries(job.candidates, region, job.settings, run);
    const result = scoreRegion(entries, targets, job.settings, job.nowSec, region);
    // The order ties keep: the candidates as scored (the first of a candidate listed twice).
    const order = new Map<string, number>();
    entries.forEach((e, i) => {
      if (!order.has(e.candidate)) order.set(e.candidate, i);
    });
    base = { entries, result, arrays: rankArraysOf(result, order) };
    if (bases.size >= MAX_BASES) bases.delete(bases.keys().next().value!);
    bases.set(key, base);
  }
  rerank(base.arrays, weights);
  const scored = rerankedRegion(base.arrays, base.result, weights);
  const conf = bootstrapRegion(base.entries, scored, targets, job.settings, job.nowSec, { stale });
  return scored.ranked.map((t) => [t.candidate, conf.get(t.candidate)!]);
}
