// app:get-status: the shell, where the key stands, the open workspace, the app's clock.
import type { HandlerContext } from './context';
import { keyState, workspaceView } from './context';
import type { DomainHandlers } from './types';

export function createAppHandlers(ctx: HandlerContext): DomainHandlers<'app:get-status'> {
  return {
    async 'app:get-status'() {
      const open = ctx.session.current;
      return {
        version: ctx.s.version,
        shell: ctx.s.shell,
        key: await keyState(ctx),
        workspace: open ? await workspaceView(ctx, open) : null,
        now: ctx.s.clock().toISOString(),
      };
    },
  };
}
