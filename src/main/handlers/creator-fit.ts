// Creator fit in the open workspace: the named creators ranked by how well their recent posts fit its preset.
import { runCreatorFitJob } from '../../core/job/decode-job';
import { type HandlerContext, requireWorkspace } from './context';
import type { DomainHandlers } from './types';
import { runWorkspaceJob, usernames } from './workspace-job';

export function createCreatorFitHandlers(ctx: HandlerContext): DomainHandlers<'creator-fit:run'> {
  return {
    async 'creator-fit:run'({ creators, posts, runId }) {
      const open = requireWorkspace(ctx);
      const names = usernames(creators, 'Creators');
      const { result } = await runWorkspaceJob(ctx, open, runId, 'creator-fit', (hooks) =>
        runCreatorFitJob({ ...hooks, workspace: open.ws, creators: names, posts }),
      );
      return result;
    },
  };
}
