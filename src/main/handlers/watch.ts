// Discovery, the tag set and the watchlist in the open workspace: suggestions and picks from the last run's samples
// (no call), the watch's status and its alerts (data/watch.json, shared with the CLI's cron runs), and a due watch
// run (src/core/job/watch-due.ts) run as the app runs any run.
import { loadSampledEquivalents } from '../../core/localize/store';
import { isDue } from '../../core/discover/watch';
import {
  readWatchState,
  recordWatchRun,
  watchStateNotice,
  writeWatchState,
} from '../../core/discover/watch-job';
import { picksOf, suggestionsOf } from '../../core/job/discover-job';
import { lastRunAt } from '../../core/job/previous-run';
import { runWatchIfDue } from '../../core/job/watch-due';
import { TagfitError } from '../../core/errors';
import type { WatchRunDue, WatchStatus } from '../../shared/ipc/watch';
import { watchNotification } from '../shell/notifications';
import { type HandlerContext, requireWorkspace, requireWritable } from './context';
import { createScoreRunner, prepare } from './score-runner';
import type { DomainHandlers } from './types';

type Channels =
  'discover:suggest' | 'discover:pick' | 'watch:status' | 'watch:record' | 'watch:dismiss' | 'watch:run-due';

export function createWatchHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  const { session } = ctx;
  const warn = (m: string): void => void ctx.s.log?.(`warning: ${m}`);
  const { run } = createScoreRunner(ctx);
  const lastRun = () => {
    const last = session.last;
    if (!last)
      throw new TagfitError('input', 'Nothing sampled yet: run first; suggestions come from its samples.');
    return { ...last, result: last.outcome.result };
  };
  // The candidates are those the run fetched: a suggestion added since is fetched by the next run.
  const suggestions = () => {
    const last = lastRun();
    return suggestionsOf(last, last.data.challenges.keys(), last.targets);
  };
  const status = async (): Promise<WatchStatus> => {
    const open = requireWorkspace(ctx);
    const due = isDue(ctx.s.clock(), open.ws.settings.watch, await lastRunAt(open.ws.paths.data));
    const state = await readWatchState(open.ws, warn);
    const notice = await watchStateNotice(open.ws);
    return {
      ...(notice ? { notice } : {}),
      schedule: open.ws.settings.watch,
      due: due.due,
      why: due.why,
      next: due.next,
      ...(due.lastRun ? { lastRun: due.lastRun } : {}),
      alerts: (state?.alerts ?? []).filter((a) => !a.dismissed).reverse(),
    };
  };
  return {
    async 'discover:suggest'() {
      return suggestions();
    },
    async 'discover:pick'({ k }) {
      return picksOf(lastRun(), k ?? 5, await loadSampledEquivalents(requireWorkspace(ctx).ws.paths.data));
    },
    async 'watch:status'() {
      return status();
    },
    async 'watch:record'() {
      const open = requireWritable(ctx, 'record the alerts');
      const last = lastRun();
      if (last.result.stopped || last.outcome.partial)
        throw new TagfitError(
          'input',
          'The last run did not complete: no alert is raised from a partial run.',
        );
      const { alerts } = await recordWatchRun({
        ws: open.ws,
        result: last.result,
        previous: last.previous,
        suggestions: suggestions().tags,
        velocityThreshold: open.ws.settings.velocityThreshold,
        warn,
      });
      return { alerts };
    },
    async 'watch:run-due'({ runId }) {
      const open = requireWritable(ctx, 'run the watch');
      if (session.running.size > 0)
        throw new TagfitError('input', 'A run is already going: cancel it or wait for it to finish.');
      let outcome: Awaited<ReturnType<typeof run>> | undefined;
      const watch = await runWatchIfDue({
        ws: open.ws,
        now: ctx.s.clock(),
        warn,
        run: async (why) => {
          ctx.s.log?.(`info: watch: ${why}`);
          const prepared = await prepare(ctx, open, undefined);
          outcome = await run(open, prepared, { runId, job: 'watch' });
          return {
            result: outcome.result,
            data: session.last!.data,
            previous: session.last!.previous,
            // The run's own lists, as the CLI's watch passes them.
            candidates: prepared.candidates,
            targets: prepared.targets,
            partial: outcome.partial,
            historyError: outcome.historyError,
          };
        },
      });
      if (!watch.due) return { due: false, why: watch.why, next: watch.next };
      const answer: WatchRunDue = {
        due: true,
        why: watch.why,
        next: watch.next,
        outcome: outcome!,
        incomplete: watch.incomplete ?? null,
        alerts: watch.alerts,
        notice: watch.notice,
      };
      // Main tells the OS (the renderer keeps its deny-all permissions); a click opens Watch.
      const notification = watchNotification(answer);
      if (notification) ctx.s.notifier.notify(notification);
      return answer;
    },
    async 'watch:dismiss'({ id }) {
      const open = requireWritable(ctx, 'dismiss an alert');
      const state = await readWatchState(open.ws);
      if (!state?.alerts.some((a) => a.id === id))
        throw new TagfitError('input', `No alert ${id} to dismiss.`);
      await writeWatchState(open.ws, {
        ...state,
        alerts: state.alerts.map((a) => (a.id === id ? { ...a, dismissed: true } : a)),
      });
      return status();
    },
  };
}
