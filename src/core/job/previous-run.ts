// "The last run" and "the previous run", resolved in one place: momentum compares a run with the latest recorded
// before it, and the watch asks when the latest run was.
import type { RunSummary } from '../../shared/history';
import { listRuns, loadRun, type StoredRun } from '../workspace/history';

export interface PreviousRun {
  /** Every recorded run, oldest first. */
  runs: RunSummary[];
  /** The latest recorded run before `before` (the latest of all when absent), read whole. */
  previous?: StoredRun;
}

export async function previousRun(
  dataDir: string,
  opts: { before?: string; warn?: (m: string) => void } = {},
): Promise<PreviousRun> {
  const runs = await listRuns(dataDir, opts.warn);
  const before = opts.before;
  const summary = before === undefined ? runs.at(-1) : [...runs].reverse().find((r) => r.now < before);
  return { runs, previous: summary ? await loadRun(dataDir, summary.id) : undefined };
}

/** When the latest recorded run was made (ISO), if any: what the watch's schedule is judged against. */
export async function lastRunAt(dataDir: string, warn?: (m: string) => void): Promise<string | undefined> {
  return (await listRuns(dataDir, warn)).at(-1)?.now;
}

/** The id of a recorded run named by id, or "last" and "previous" (the latest and the one before it), if any. */
export function runIdOf(runs: readonly RunSummary[], name: string): string | undefined {
  const run =
    name === 'last' ? runs.at(-1) : name === 'previous' ? runs.at(-2) : runs.find((r) => r.id === name);
  return run?.id;
}
