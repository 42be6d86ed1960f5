// Runs in the open workspace: the credit estimate, a run with an id (its progress events carry it, cancel takes
// it), a re-score from the last run's samples (no call, no file read), a retry of just the failed pairs, a recorded
// run opened again from the cache.
import { TagfitError } from '../../core/errors';
import { DEFAULT_API_BASE } from '../../core/job/api-session';
import { namespacedCache, sourceNamespace } from '../../core/job/namespaced-cache';
import { estimateScoreRun } from '../../core/job/prepare-score';
import { samplePostsWithCaptions } from '../../core/job/sample-captions';
import { sampleKey } from '../../core/pipeline/run';
import { listRuns } from '../../core/workspace/history';
import { skippedInDrafts } from '../../core/input/list-draft';
import { type HandlerContext, requireWorkspace, requireWritable } from './context';
import { createScoreRunner, prepare } from './score-runner';
import type { DomainHandlers } from './types';

export { toOutcome } from './score-runner';

type Channels =
  | 'run:estimate'
  | 'run:start'
  | 'run:cancel'
  | 'run:rescore'
  | 'run:retry-failed'
  | 'results:get-last'
  | 'results:open-run'
  | 'results:sample';

export function createRunHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  const { session } = ctx;
  const { run, rescore, reopen } = createScoreRunner(ctx);
  return {
    async 'run:estimate'({ overrides }) {
      const open = requireWorkspace(ctx);
      const estimate = await estimateScoreRun(await prepare(ctx, open, overrides, { keys: false }));
      // The rows the user typed that the run will not score, said before it starts.
      const skipped = await skippedInDrafts(open.ws.dir, (m) => ctx.s.log?.(`warning: ${m}`));
      return skipped.length > 0 ? { ...estimate, skipped } : estimate;
    },

    async 'run:start'({ overrides, runId, maxCredits }) {
      const open = requireWritable(ctx, 'run');
      if (session.running.size > 0)
        throw new TagfitError('input', 'A run is already going: cancel it or wait for it to finish.');
      return run(open, await prepare(ctx, open, overrides, { maxCredits }), { runId });
    },

    async 'run:cancel'({ runId }) {
      const r = session.running.get(runId);
      r?.controller.abort();
      return { cancelled: r !== undefined };
    },

    async 'run:rescore'({ overrides }) {
      return rescore(overrides);
    },

    async 'run:retry-failed'({ runId, retryId, overrides }) {
      const open = requireWritable(ctx, 'retry');
      const last = session.last;
      if (!last || (runId && last.outcome.runId !== runId))
        throw new TagfitError('input', 'There is no finished run to retry: run first.');
      const failed = last.outcome.failed;
      if (failed.length === 0) return last.outcome;
      // The settings the results show, unless the renderer says others: a retry never changes the weights.
      const settings = last.raw.settings;
      const same = overrides ?? {
        preset: settings.preset,
        weights: settings.weights,
        windowDays: settings.windowDays,
      };
      const prepared = await prepare(ctx, open, same);
      const only = {
        tags: [...new Set(failed.map((f) => f.tag))].filter((t) => prepared.candidates.includes(t)),
        regions: [...new Set(failed.map((f) => f.region))].filter((r) => prepared.regions.includes(r)),
      };
      // Fetch just the failed pairs, then re-score everything from the samples in hand, the retried ones merged in.
      const retried = await run(open, prepared, { only, runId: retryId });
      if (retried.ended !== 'finished') return retried;
      return rescore(same);
    },

    async 'results:get-last'() {
      if (session.last) return session.last.outcome;
      // A reopened workspace shows what its last run found (paid for, and in the cache), not "No results yet".
      const open = requireWorkspace(ctx);
      if ((await listRuns(open.ws.paths.data)).length === 0) return null;
      try {
        return await reopen('last');
      } catch (e) {
        ctx.s.log?.(`warning: the last run could not be opened again: ${(e as Error).message}`);
        return null;
      }
    },

    async 'results:open-run'({ id }) {
      if (session.running.size > 0)
        throw new TagfitError(
          'input',
          'A run is going: wait for it to finish or cancel it, then open the run.',
        );
      return reopen(id);
    },

    async 'results:sample'({ region, candidate }) {
      const last = session.last;
      if (!last) throw new TagfitError('input', 'There is no run yet: run first.');
      const posts = last.data.samples.get(sampleKey(region.toUpperCase(), candidate));
      if (!posts)
        throw new TagfitError('not-found', `#${candidate} has no sample in ${region} in the last run.`);
      // The run holds only the captions' hashtags: the full text is read back from this workspace's cache.
      const open = ctx.session.current;
      return samplePostsWithCaptions({
        posts,
        challenge: last.data.challenges.get(candidate),
        region: region.toUpperCase(),
        sampling: last.sampling,
        targets: last.targets,
        cache:
          open?.cache &&
          namespacedCache(open.cache, sourceNamespace(open.demo, ctx.s.apiBase, DEFAULT_API_BASE)),
      });
    },
  };
}
