// The track record in the open workspace: its own accounts' recent posts checked against its recorded runs.
import { runTrackJob, trackRegion } from '../../core/job/track-job';
import { loadRuns } from '../../core/workspace/history';
import { TagfitError } from '../../core/errors';
import { readRegionList } from '../../core/input/csv-lists';
import { type HandlerContext, requireWorkspace } from './context';
import type { DomainHandlers } from './types';
import { logWarning, runWorkspaceJob, usernames } from './workspace-job';

export function createTrackHandlers(ctx: HandlerContext): DomainHandlers<'track:run'> {
  const { session } = ctx;
  return {
    async 'track:run'({ region, posts, runId }) {
      const open = requireWorkspace(ctx);
      const accounts = usernames(open.ws.settings.ownAccounts, 'Your own accounts (Settings)');
      if (accounts.length === 0)
        throw new TagfitError(
          'input',
          'Name your own accounts in Settings first: their posts are the record.',
        );
      const regions = (await readRegionList(open.ws.paths.regions)).values;
      const runs = await loadRuns(open.ws.paths.data, logWarning(ctx));
      const code = trackRegion(region, regions, runs);
      if (!code) throw new TagfitError('input', 'The workspace has no region to match the posts to.');
      return runWorkspaceJob(ctx, open, runId, 'track', (hooks) => {
        // The last run's samples, when one is in hand: the posts' times are checked against its best time to post.
        const last = session.last;
        return runTrackJob({
          ...hooks,
          accounts,
          runs,
          region: code,
          posts,
          samples: last ? { ...last, result: last.outcome.result } : undefined,
        });
      });
    },
  };
}
