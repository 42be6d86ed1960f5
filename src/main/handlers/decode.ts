// Competitor decoding in the open workspace: the competitors' tags scored in its regions against its targets,
// with its preset and cache.
import { estimateWorkspaceDecode } from '../../core/job/decode-estimate';
import { runDecodeJob } from '../../core/job/decode-job';
import { type HandlerContext, requireWorkspace } from './context';
import type { DomainHandlers } from './types';
import { runWorkspaceJob, usernames } from './workspace-job';

export function createDecodeHandlers(
  ctx: HandlerContext,
): DomainHandlers<'decode:competitors' | 'decode:estimate'> {
  return {
    async 'decode:competitors'({ competitors, posts, runId }) {
      const open = requireWorkspace(ctx);
      const names = usernames(competitors, 'Competitors');
      const { result } = await runWorkspaceJob(ctx, open, runId, 'decode', (hooks) =>
        runDecodeJob({ ...hooks, workspace: open.ws, competitors: names, posts }),
      );
      return result;
    },
    async 'decode:estimate'({ competitors, posts }) {
      const open = requireWorkspace(ctx);
      return estimateWorkspaceDecode(open.ws, usernames(competitors, 'Competitors').length, posts);
    },
  };
}
