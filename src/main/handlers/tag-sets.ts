// The tag sets that travel with a run's results in the app: picked from the same ranking and samples, at once for a
// run, region by region in tasks of their own for a re-score (its intervals are computed meanwhile).
import { picksOf } from '../../core/job/discover-job';
import type { RunSamples } from '../../core/pipeline/run';
import type { RegionPicks } from '../../shared/discover';
import type { RunOutcome } from '../../shared/ipc-payloads';
import type { Equivalent } from '../../shared/localize';
import type { RunResult } from '../../shared/model';

/**
 * The tag set to post with per region, picked from the same ranking and samples as the results it travels with: a
 * re-score's set can never lag behind its ranking (a second request for the picks could answer for older weights).
 */
export function withTagSets(view: RunOutcome, data: RunSamples, localised: readonly Equivalent[] = []): void {
  view.tagSets = picksOf({ result: view.result, data }, 5, localised);
}

/**
 * A re-score's tag sets (they read its ranking, not its intervals), one region a task while the workers compute the
 * intervals: a region takes about a millisecond, so other requests are answered in between (all 25 regions of a
 * 200-tag list in one go held the main thread 20-35 ms). Undefined once `current()` says a newer edit took over.
 */
export async function tagSetsInSlices(
  result: RunResult,
  data: RunSamples,
  localised: readonly Equivalent[] = [],
  current: () => boolean,
): Promise<RegionPicks[] | undefined> {
  const out: RegionPicks[] = [];
  for (const [code, region] of Object.entries(result.regions)) {
    await new Promise<void>((next) => setImmediate(next));
    if (!current()) return undefined;
    out.push(...picksOf({ result: { regions: { [code]: region } }, data }, 5, localised));
  }
  return out;
}
