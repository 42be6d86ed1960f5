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
