// What `discover` and `pick` read: the workspace's last samples, from its cache alone (no credit).
import { samplesFromCache } from '../core/job/discover-job';
import type { ScoreJobOutcome } from '../core/job/score-job';
import { writeErr } from './output';
import { createProgressReporter } from './progress';
import { prepare, type Prepared, type ScoreFlags } from './score-command';

export async function samplesInHand(
  flags: ScoreFlags,
): Promise<{ prepared: Prepared; outcome: ScoreJobOutcome }> {
  const reporter = createProgressReporter('quiet');
  const prepared = await prepare(flags, reporter.warn, false, { offline: true });
  try {
    const { outcome, missing } = await samplesFromCache(prepared, flags.workspace ?? 'the workspace');
    if (missing > 0 && !flags.quiet)
      writeErr(`note: ${missing} tag-region pairs are not in the cache; a score run fetches them\n`);
    return { prepared, outcome };
  } finally {
    await prepared.release();
  }
}
