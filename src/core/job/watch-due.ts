// "Run the watch if due", for cron (tagfit watch) and the app alike: when the schedule says a run is due, run the
// workspace's score job, raise the alerts against the previous recorded run, keep them in the workspace, and say
// what to tell the user.
import type { WatchAlert } from '../../shared/discover';
import type { ErrorInfo, RunResult } from '../../shared/model';
import { isDue } from '../discover/watch';
import { recordWatchRun } from '../discover/watch-job';
import type { WrittenFile } from '../report/write';
import type { StoredRun } from '../workspace/history';
import type { Workspace } from '../workspace/layout';
import { type SampledRun, suggestionsOf } from './discover-job';
import { lastRunAt } from './previous-run';

/** What the watch needs of the run it starts. */
export interface WatchRun extends SampledRun {
  result: RunResult;
  /** The recorded run momentum was computed against (the job has read it already). */
  previous?: StoredRun;
  candidates: readonly string[];
  targets: readonly string[];
  partial: boolean;
  historyError?: ErrorInfo | null;
}

export interface WatchDueRequest {
  ws: Workspace;
  now: Date;
  /** Runs the workspace's score job (recorded, with its reports): called only when a run is due, with why. */
  run: (why: string) => Promise<WatchRun>;
  warn?: (m: string) => void;
}

/** What to tell the user of a watch run: an OS notification's title and body. */
export interface WatchNotice {
  title: string;
  body: string;
}

export type WatchDueOutcome =
  | { due: false; why: string; next: string; alerts: [] }
  | {
      due: true;
      why: string;
      next: string;
      result: RunResult;
      /** Why no alert was raised from this run (it did not complete), if so. */
      incomplete?: string;
      alerts: WatchAlert[];
      written: WrittenFile[];
      notice: WatchNotice;
    };

/** The notification of a finished watch run: its alerts, or that nothing crossed a rule. */
export function watchNotice(alerts: readonly WatchAlert[]): WatchNotice {
  const n = alerts.length;
  return n > 0
    ? {
        title: `Tagfit: ${n} alert${n === 1 ? '' : 's'}`,
        body: alerts
          .slice(0, 3)
          .map((a) => a.message)
          .join('\n'),
      }
    : { title: 'Tagfit: the weekly run is done', body: 'No alert: nothing crossed a rule.' };
}

export async function runWatchIfDue(req: WatchDueRequest): Promise<WatchDueOutcome> {
  const { ws } = req;
  const due = isDue(req.now, ws.settings.watch, await lastRunAt(ws.paths.data, req.warn));
  if (!due.due) return { due: false, why: due.why, next: due.next, alerts: [] };
  const run = await req.run(due.why);
  const { result } = run;
  if (result.stopped || run.partial || run.historyError) {
    const why = result.stopped?.message ?? run.historyError?.message ?? 'some pairs could not be reached';
    const incomplete = `the watch run did not complete (${why}); no alert is raised from a partial run`;
    return {
      due: true,
      why: due.why,
      next: due.next,
      result,
      incomplete,
      alerts: [],
      written: [],
      notice: { title: 'Tagfit: the watch run did not complete', body: incomplete },
    };
  }
  const { alerts, written } = await recordWatchRun({
    ws,
    result,
    previous: run.previous,
    suggestions: suggestionsOf(run, run.candidates, run.targets).tags,
    velocityThreshold: ws.settings.velocityThreshold,
    warn: req.warn,
  });
  return { due: true, why: due.why, next: due.next, result, alerts, written, notice: watchNotice(alerts) };
}
