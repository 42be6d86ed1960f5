// Competitor decoding, creator fit and the track record in the open workspace: its regions, targets, preset,
// own accounts, history and cache. Each validates, runs one core job on the workspace's session, and answers.
import { runCreatorFitJob, runDecodeJob } from '../../core/job/decode-job';
import { runTrackJob } from '../../core/job/track-job';
import { loadRuns } from '../../core/workspace/history';
import { TagfitError } from '../../core/errors';
import { readRegionList } from '../../core/input/csv-lists';
import { checkList } from './lists';
import type { RunProgress } from '../../shared/model';
import type { RunJob } from '../../shared/ipc-payloads';
import { type HandlerContext, jobSession, requireWorkspace } from './context';
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
  const warn = (m: string): void => void ctx.s.log?.(`warning: ${m}`);
  const progress = (runId: string, job: RunJob, p: RunProgress): void =>
    ctx.s.emit('run:progress', { runId, job, progress: p });
  return {
    async 'decode:competitors'({ competitors, posts, runId }) {
      const open = requireWorkspace(ctx);
      const names = usernames(competitors, 'Competitors');
      const s = await jobSession(ctx, open);
      const { result } = await session.withRun(runId, (id, signal) =>
        runDecodeJob({
          session: s,
          workspace: open.ws,
          competitors: names,
          posts,
          signal,
          onWarning: warn,
          onProgress: (p) => progress(id, 'decode', p),
        }),
      );
      return result;
    },
    async 'creator-fit:run'({ creators, posts, runId }) {
      const open = requireWorkspace(ctx);
      const names = usernames(creators, 'Creators');
      const s = await jobSession(ctx, open);
      const { result } = await session.withRun(runId, (id, signal) =>
        runCreatorFitJob({
          session: s,
          workspace: open.ws,
          creators: names,
          posts,
          signal,
          onWarning: warn,
          onProgress: (p) => progress(id, 'creator-fit', p),
        }),
      );
      return result;
    },
    async 'track:run'({ region, posts, runId }) {
      const open = requireWorkspace(ctx);
      const accounts = usernames(open.ws.settings.ownAccounts, 'Your own accounts (Settings)');
      if (accounts.length === 0)
        throw new TagfitError(
          'input',
          'Name your own accounts in Settings first: their posts are the record.',
        );
      const regions = (await readRegionList(open.ws.paths.regions)).values;
      const code = (region ?? regions[0] ?? '').toUpperCase();
      if (!code) throw new TagfitError('input', 'The workspace has no region to match the posts to.');
      const runs = await loadRuns(open.ws.paths.data, warn);
      const s = await jobSession(ctx, open);
      // The last run's samples, when one is in hand: the posts' times are checked against its best time to post.
      const last = session.last;
      return session.withRun(runId, (id, signal) =>
        runTrackJob({
          session: s,
          accounts,
          runs,
          region: code,
          posts,
          samples: last ? { ...last, result: last.outcome.result } : undefined,
          signal,
          onWarning: warn,
          onProgress: (p) => progress(id, 'track', p),
        }),
      );
    },
  };
}
