// Discovery, the tag set and the watchlist in the open workspace: suggestions and picks from the last run's samples
// (no call), the watch's status and its alerts (data/watch.json, shared with the CLI's cron runs).
import { discoverAll } from '../../core/discover/cooccurrence';
import { pickTagSet } from '../../core/discover/pick';
import { isDue } from '../../core/discover/watch';
import { readWatchState, recordWatchRun, writeWatchState } from '../../core/discover/watch-job';
import { TagfitError } from '../../core/errors';
import { sampleKey } from '../../core/pipeline/run';
import { listRuns } from '../../core/workspace/history';
import type { WatchStatus } from '../../shared/ipc/watch';
import type { RegionCode } from '../../shared/model';
import { type HandlerContext, requireWorkspace, requireWritable } from './context';
import type { DomainHandlers } from './types';

type Channels = 'discover:suggest' | 'discover:pick' | 'watch:status' | 'watch:record' | 'watch:dismiss';

export function createWatchHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  const { session } = ctx;
  const lastRun = () => {
    const last = session.last;
    if (!last)
      throw new TagfitError('input', 'Nothing sampled yet: run first; suggestions come from its samples.');
    const sampleOf = (region: RegionCode, c: string) => last.data.samples.get(sampleKey(region, c)) ?? [];
    return { last, sampleOf, regions: Object.values(last.outcome.result.regions) };
  };
  const suggestions = () => {
    const { last, sampleOf, regions } = lastRun();
    return discoverAll(regions, sampleOf, new Set(last.data.challenges.keys()), last.targets);
  };
  const status = async (): Promise<WatchStatus> => {
    const open = requireWorkspace(ctx);
    const runs = await listRuns(open.ws.paths.data);
    const due = isDue(ctx.s.clock(), open.ws.settings.watch, runs.at(-1)?.now);
    const state = await readWatchState(open.ws, (m) => ctx.s.log?.(`warning: ${m}`));
    return {
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
      const { sampleOf, regions } = lastRun();
      return regions.map((r) => pickTagSet(r, (c) => sampleOf(r.region, c), { k }));
    },
    async 'watch:status'() {
      return status();
    },
    async 'watch:record'() {
      const open = requireWritable(ctx, 'record the alerts');
      const { last } = lastRun();
      const result = last.outcome.result;
      if (result.stopped || last.outcome.partial)
        throw new TagfitError(
          'input',
          'The last run did not complete: no alert is raised from a partial run.',
        );
      const { alerts } = await recordWatchRun({
        ws: open.ws,
        result,
        previous: last.previous,
        suggestions: suggestions().tags,
        velocityThreshold: open.ws.settings.velocityThreshold,
        warn: (m) => ctx.s.log?.(`warning: ${m}`),
      });
      return { alerts };
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
