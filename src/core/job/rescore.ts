// A re-score from the samples in hand: other weights, preset or window over the last run's samples, with no call
// and no file read, when those samples were fetched the way the new settings would fetch them.
import { NO_CREDITS, type RunResult } from '../../shared/model';
import { computeMomentum } from '../engine/momentum';
import { type RunSamples, scoreRun } from '../pipeline/run';
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

/** The re-scored run and the candidates not fetched yet; undefined when the samples cannot answer it. */
export function rescoreFromSamples(
  last: SamplesInHand,
  prepared: Inputs,
): { result: RunResult; missing: string[] } | undefined {
  const same =
    last.sampling.pages === prepared.settings.pages &&
    last.sampling.pageSize === prepared.settings.pageSize &&
    prepared.regions.every((r) => r in last.raw.regions);
  if (!same) return undefined;
  const nowSec = Math.floor(Date.parse(last.raw.now) / 1000);
  const regions = scoreRun(
    prepared.candidates,
    new Set(prepared.targets),
    prepared.regions,
    prepared.settings,
    nowSec,
    last.data,
  );
  const raw: RunResult = {
    ...last.raw,
    preset: prepared.settings.preset,
    settings: prepared.settings,
    regions,
    credits: NO_CREDITS,
  };
  return {
    result: computeMomentum(raw, last.previous, prepared.velocityThreshold),
    missing: prepared.candidates.filter((c) => !last.data.challenges.has(c)),
  };
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
  const tried = (f: { tag: string; region: string }): boolean =>
    only.tags.includes(f.tag) && only.regions.includes(f.region);
  const failed = [...last.raw.failed.filter((f) => !tried(f)), ...retried.result.failed];
  return { ...last, data, raw: { ...last.raw, failed } };
}
