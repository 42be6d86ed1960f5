// Workspaces in the app: create, open (a folder dialog, or a path in the browser preview), the demo, close, and
// the shared-drive check. The lock is held while a workspace is open; one held by another Tagfit can be opened
// read-only, or taken over when the user confirms (another computer's lock).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TagfitError } from '../../core/errors';
import { createWorkspaceCache } from '../../core/workspace/device-cache';
import { initWorkspace, openWorkspace } from '../../core/workspace/layout';
import { acquireWorkspaceLock, type WorkspaceLock } from '../../core/workspace/lock';
import { NEW_WORKSPACE_PRESET } from '../../shared/scoring-registry';
import type { WorkspaceView } from '../../shared/ipc-payloads';
import { withRecent } from '../app-settings';
import { thisDevice } from '../../core/workspace/device';
import { fixConflicts } from '../../core/workspace/sync/fix';
import { checkWorkspace } from '../../core/workspace/sync/scan';
import { type HandlerContext, requireWorkspace, requireWritable, workspaceView } from './context';
import { namedFolder } from './folder-choice';
import type { DomainHandlers } from './types';

type Channels =
  | 'workspace:create'
  | 'workspace:open'
  | 'workspace:open-demo'
  | 'workspace:close'
  | 'workspace:get'
  | 'workspace:recent'
  | 'workspace:check';

/** Closes the open workspace: stops its runs (each keeps what it fetched) and releases its lock. */
export async function closeWorkspace(ctx: HandlerContext): Promise<boolean> {
  const open = ctx.session.current;
  if (!open) return false;
  ctx.session.stopAll();
  ctx.session.current = undefined;
  ctx.session.last = undefined;
  await open.lock?.release();
  return true;
}

export async function openWorkspaceAt(
  ctx: HandlerContext,
  dir: string,
  opts: { demo?: boolean; readOnly?: boolean; breakLock?: boolean } = {},
): Promise<WorkspaceView> {
  const ws = await openWorkspace(dir);
  if (ctx.session.current && path.resolve(ctx.session.current.ws.dir) === ws.dir && !opts.readOnly)
    return workspaceView(ctx, ctx.session.current);
  await closeWorkspace(ctx);
  const readOnly = opts.readOnly === true;
  let lock: WorkspaceLock | undefined;
  let heldBy: string | null = null;
  try {
    lock = await acquireWorkspaceLock(ws.dir, { app: 'app' }, { breakLock: opts.breakLock === true });
    for (const m of lock.broken) ctx.s.log?.(m);
  } catch (e) {
    if (!(e instanceof TagfitError) || e.code !== 'locked') throw e;
    if (!readOnly) {
      throw new TagfitError('locked', `${e.message} Open it read-only to look without changing it.`, {
        ...e.details,
        dir: ws.dir,
      });
    }
    heldBy = e.message;
  }
  // Read-only by choice: nothing is written, so the lock is not kept from a cron run.
  if (readOnly && lock) {
    await lock.release();
    lock = undefined;
  }
  const cache = await createWorkspaceCache(ws.paths.cache, {
    maxBytes: ws.settings.cacheMaxBytes,
    onWarning: (m) => ctx.s.log?.(m),
  });
  ctx.session.current = { ws, demo: opts.demo === true, readOnly, heldBy, lock, cache };
  if (!opts.demo) {
    const settings = ctx.s.appSettings.get();
    ctx.s.appSettings.update({
      recentWorkspaces: withRecent(settings.recentWorkspaces, ws.dir),
      lastWorkspace: ws.dir,
    });
  }
  return workspaceView(ctx, ctx.session.current);
}

export function createWorkspaceHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  return {
    async 'workspace:create'({ dir, preset }) {
      // A new folder is never one already picked: in the app, only the dialog names it.
      const target =
        dir !== undefined
          ? namedFolder(ctx, dir, [], 'Create a workspace')
          : await ctx.s.dialogs.pickFolder('Create a Tagfit workspace in…');
      if (!target) return null;
      const ws = await initWorkspace(target, { settings: { preset: preset ?? NEW_WORKSPACE_PRESET } });
      return openWorkspaceAt(ctx, ws.dir);
    },
    async 'workspace:open'({ dir, readOnly, breakLock }) {
      const { recentWorkspaces, lastWorkspace } = ctx.s.appSettings.get();
      const picked = lastWorkspace ? [...recentWorkspaces, lastWorkspace] : recentWorkspaces;
      const target =
        dir !== undefined
          ? namedFolder(ctx, dir, picked, 'Open a workspace')
          : await ctx.s.dialogs.pickFolder('Open a Tagfit workspace');
      if (!target) return null;
      return openWorkspaceAt(ctx, target, { readOnly, breakLock });
    },
    async 'workspace:open-demo'() {
      const dir = ctx.s.paths.demoWorkspace;
      if (!existsSync(path.join(dir, 'tagfit.json'))) {
        const demo = ctx.s.paths.demoDir;
        await initWorkspace(dir, {
          from: {
            tags: path.join(demo, 'tags.csv'),
            creators: path.join(demo, 'creators.csv'),
            regions: path.join(demo, 'regions.csv'),
          },
          settings: { preset: 'organic' },
        });
      }
      return openWorkspaceAt(ctx, dir, { demo: true });
    },
    async 'workspace:close'() {
      // Closed by the user: the next launch opens on the welcome view, not this workspace (as VS Code does).
      ctx.s.appSettings.update({ lastWorkspace: null });
      return { closed: await closeWorkspace(ctx) };
    },
    async 'workspace:get'() {
      const open = ctx.session.current;
      return open ? workspaceView(ctx, open) : null;
    },
    async 'workspace:recent'() {
      return { recent: ctx.s.appSettings.get().recentWorkspaces };
    },
    async 'workspace:check'({ fix }) {
      const open = fix ? requireWritable(ctx, 'merge the conflicted copies') : requireWorkspace(ctx);
      const device = await thisDevice();
      const fixed = fix
        ? await fixConflicts(open.ws.paths, await checkWorkspace(open.ws.paths, device))
        : undefined;
      // A merged tagfit.json is read again, so the app shows (and next saves over) what the file now says.
      if (fixed?.merged.length) open.ws = await openWorkspace(open.ws.dir);
      const findings = (await checkWorkspace(open.ws.paths, device)).map(
        ({ kind, path: p, fix: f, message }) => ({
          kind,
          path: p,
          fix: f,
          message,
        }),
      );
      return {
        findings,
        conflicts: findings.filter((f) => f.kind === 'conflict').length,
        ...(fixed
          ? { merged: fixed.merged.map((m) => m.message), failed: fixed.failed.map((m) => m.message) }
          : {}),
      };
    },
  };
}
