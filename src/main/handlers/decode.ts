// Competitor decoding, creator fit and the track record in the open workspace: its regions, targets, preset,
// own accounts, history and cache.
import { runCreatorFitJob } from '../../core/decode/creator-fit';
import { runDecodeJob } from '../../core/decode/competitor';
import { runTrackJob } from '../../core/track/track-record';
import { loadRuns } from '../../core/workspace/history';
import { TagfitError } from '../../core/errors';
import { resolveSettings } from '../../core/engine/presets';
import { checkList } from './lists';
import { scoringOverrides } from '../../core/workspace/settings';
import type { RunJob } from '../../shared/views';
import { type HandlerContext, requireWorkspace, runKey, workspaceView } from './context';
import type { DomainHandlers } from './types';

type Channels = 'decode:competitors' | 'creator-fit:run' | 'track:run';

/** Usernames as the creator list reads them; a bad one is named with its position. */
function usernames(values: readonly string[], label: string): string[] {
  const r = checkList('creators', values);
  if (r.errors.length > 0)
    throw new TagfitError('input', r.errors.map((e) => `${label}, item ${e.item}: ${e.reason}`).join('\n'));
  return r.values;
}

export function createDecodeHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  const { session } = ctx;
  async function withRun<T>(
    job: RunJob,
    runId: string | undefined,
    fn: (id: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (session.running.size > 0)
      throw new TagfitError('input', 'A run is already going: cancel it or wait for it to finish.');
    const id = runId ?? session.newRunId();
    const controller = new AbortController();
    session.running.set(id, { controller, job });
    try {
      return await fn(id, controller.signal);
    } finally {
      session.running.delete(id);
    }
  }
  return {
    async 'decode:competitors'({ competitors, posts, runId }) {
      const open = requireWorkspace(ctx);
      const names = usernames(competitors, 'Competitors');
      const view = await workspaceView(ctx, open);
      const settings = resolveSettings(open.ws.settings.preset, scoringOverrides(open.ws.settings));
      const key = await runKey(ctx, open);
      return withRun('decode', runId, (id, signal) =>
        runDecodeJob({
          now: ctx.s.clock(),
          clockIsFixed: ctx.s.clockIsFixed,
          demo: open.demo,
          apiBase: ctx.s.apiBase,
          key,
          requestsPerMinute: open.ws.settings.requestsPerMinute,
          concurrency: open.ws.settings.concurrency,
          cache: open.cache,
          competitors: names,
          posts: posts ?? 60,
          regions: view.lists.regions,
          targets: view.lists.creators,
          settings,
          signal,
          onProgress: (progress) => ctx.s.emit('run:progress', { runId: id, job: 'decode', progress }),
        }),
      );
    },
    async 'creator-fit:run'({ creators, posts, runId }) {
      const open = requireWorkspace(ctx);
      const names = usernames(creators, 'Creators');
      const settings = resolveSettings(open.ws.settings.preset, scoringOverrides(open.ws.settings));
      const key = await runKey(ctx, open);
      return withRun('creator-fit', runId, (id, signal) =>
        runCreatorFitJob({
          now: ctx.s.clock(),
          clockIsFixed: ctx.s.clockIsFixed,
          demo: open.demo,
          apiBase: ctx.s.apiBase,
          key,
          requestsPerMinute: open.ws.settings.requestsPerMinute,
          concurrency: open.ws.settings.concurrency,
          cache: open.cache,
          creators: names,
          posts: posts ?? 30,
          settings,
          signal,
          onCreator: (e) =>
            ctx.s.emit('run:progress', {
              runId: id,
              job: 'creator-fit',
              progress: e.error
                ? {
                    type: 'failed',
                    tag: e.username,
                    region: null,
                    error: { code: 'not-found', message: e.error },
                    done: 0,
                    total: names.length,
                    credits: 0,
                  }
                : {
                    type: 'scored',
                    tag: e.username,
                    region: 'ALL',
                    done: 0,
                    total: names.length,
                    credits: 0,
                  },
            }),
        }),
      );
    },
    async 'track:run'({ region, posts, runId }) {
      const open = requireWorkspace(ctx);
      const accounts = usernames(open.ws.settings.ownAccounts, 'Your own accounts (Settings)');
      if (accounts.length === 0)
        throw new TagfitError(
          'input',
          'Name your own accounts in Settings first: their posts are the record.',
        );
      const view = await workspaceView(ctx, open);
      const code = (region ?? view.lists.regions[0] ?? '').toUpperCase();
      if (!code) throw new TagfitError('input', 'The workspace has no region to match the posts to.');
      const runs = await loadRuns(open.ws.paths.data, (m) => ctx.s.log?.(`warning: ${m}`));
      const key = await runKey(ctx, open);
      return withRun('track', runId, (id, signal) =>
        runTrackJob({
          now: ctx.s.clock(),
          clockIsFixed: ctx.s.clockIsFixed,
          demo: open.demo,
          apiBase: ctx.s.apiBase,
          key,
          requestsPerMinute: open.ws.settings.requestsPerMinute,
          cache: open.cache,
          maxAgeMs: open.ws.settings.cacheMaxAgeHours * 3_600_000,
          accounts,
          runs,
          region: code,
          posts: posts ?? 60,
          signal,
          onAccount: (e) =>
            ctx.s.emit('run:progress', {
              runId: id,
              job: 'track',
              progress: e.error
                ? {
                    type: 'failed',
                    tag: e.username,
                    region: null,
                    error: { code: 'not-found', message: e.error },
                    done: 0,
                    total: accounts.length,
                    credits: 0,
                  }
                : {
                    type: 'scored',
                    tag: e.username,
                    region: 'ALL',
                    done: 0,
                    total: accounts.length,
                    credits: 0,
                  },
            }),
        }),
      );
    },
  };
}
