// app:get-status: the shell, where the key stands, the open workspace, the app's clock.
import type { HandlerContext } from './context';
import { keyState, workspaceView } from './context';
import type { DomainHandlers } from './types';

export function createAppHandlers(ctx: HandlerContext): DomainHandlers<'app:get-status'> {
  return {
    async 'app:get-status'() {
      const open = ctx.session.current;
      // Side by side: asked often, also while re-scores keep the cores busy.
      const [key, workspace] = await Promise.all([keyState(ctx), open ? workspaceView(ctx, open) : null]);
      return { version: ctx.s.version, shell: ctx.s.shell, key, workspace, now: ctx.s.clock().toISOString() };
    },
  };
}
