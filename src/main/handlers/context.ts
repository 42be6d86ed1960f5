// What every domain's handlers share: the services, the session, and the few questions each of them asks
// (which workspace is open, where the key stands, what session a job runs with).
import path from 'node:path';
import { thisDevice } from '../../core/workspace/device';
import { reportsDirFor } from '../../core/workspace/sync/shared';
import { TagfitError } from '../../core/errors';
import { PRESETS, resolveSettings } from '../../core/engine/presets';
import { scoringOverrides } from '../../core/workspace/settings';
import { type JobSession, resolveJobSession, type SessionRequest } from '../../core/job/job-session';
import type { KeyState, WorkspaceView } from '../../shared/ipc-payloads';
import type { HandlerServices } from '../services';
import type { AppSession, OpenWorkspace } from '../session';
import { readCreatorListCached, readRegionListCached, readTagListCached } from '../../core/input/list-cache';
import { readListDrafts } from '../../core/input/list-draft';

export interface HandlerContext {
  s: HandlerServices;
  session: AppSession;
}

export function requireWorkspace(ctx: HandlerContext): OpenWorkspace {
  const open = ctx.session.current;
  if (!open) throw new TagfitError('input', 'No workspace is open: open or create one, or open the demo.');
  return open;
}

/** Refuses a change to a workspace opened read-only, naming who holds it. */
export function requireWritable(ctx: HandlerContext, what: string): OpenWorkspace {
  const open = requireWorkspace(ctx);
  if (open.readOnly) {
    throw new TagfitError(
      'locked',
      `Cannot ${what}: ${open.ws.dir} is open read-only (${open.heldBy ?? 'another Tagfit holds it'}).`,
    );
  }
  return open;
}

export async function keyState(ctx: HandlerContext): Promise<KeyState> {
  if (ctx.s.envKey?.trim()) {
    return ctx.session.keyRejected
      ? { state: 'rejected', source: 'env', message: 'TikLiveAPI refused the key in TIKLIVE_KEY.' }
      : { state: 'set', source: 'env', message: 'Key from TIKLIVE_KEY.' };
  }
  const problem = await ctx.s.keychain.unavailable();
  if (problem) return { state: 'unavailable', source: null, message: problem };
  try {
    const key = await ctx.s.keychain.get();
    if (!key) return { state: 'not-set', source: null, message: 'No key set.' };
  } catch (e) {
    return { state: 'unavailable', source: null, message: (e as Error).message };
  }
  return ctx.session.keyRejected
    ? { state: 'rejected', source: 'keychain', message: 'TikLiveAPI refused the stored key.' }
    : { state: 'set', source: 'keychain', message: 'Key stored in the OS keychain.' };
}

/**
 * What a job in the open workspace asks of the session builder: the workspace's cache (kept open), the app's clock,
 * API base and key sources (TIKLIVE_KEY where the shell reads it, else the keychain); the workspace's settings do
 * the rest, with the same defaults as the CLI's.
 */
export function sessionRequest(
  ctx: HandlerContext,
  open: OpenWorkspace,
  extra: Partial<Omit<SessionRequest, 'workspace' | 'keys'>> = {},
): Omit<SessionRequest, 'workspace'> {
  return {
    demo: open.demo,
    apiBase: ctx.s.apiBase,
    now: ctx.s.clock(),
    clockIsFixed: ctx.s.clockIsFixed,
    keys: { env: ctx.s.envKey, keychain: ctx.s.keychain },
    cache: open.cache,
    warn: (m) => ctx.s.log?.(`warning: ${m}`),
    ...extra,
  };
}

/** The resolved session of a job in the open workspace (the key by the one key policy; none for the demo). */
export const jobSession = (
  ctx: HandlerContext,
  open: OpenWorkspace,
  extra: Partial<Omit<SessionRequest, 'workspace' | 'keys'>> = {},
): Promise<JobSession> => resolveJobSession({ ...sessionRequest(ctx, open, extra), workspace: open.ws });

export async function workspaceView(ctx: HandlerContext, open: OpenWorkspace): Promise<WorkspaceView> {
  const { ws } = open;
  // Read side by side: app:get-status asks for this view while re-scores keep both cores busy, when each file
  // system round trip in a row waits its turn.
  const [tags, creators, regions, ownReports, drafts] = await Promise.all([
    // Parsed again only once a file changed.
    readTagListCached(ws.paths.tags),
    readCreatorListCached(ws.paths.creators),
    readRegionListCached(ws.paths.regions),
    // Where this computer's reports go: reports/<device>/ in a shared workspace (sync/shared.ts).
    thisDevice().then((device) => reportsDirFor(ws.paths, device)),
    readListDrafts(ws.dir, (m) => ctx.s.log?.(`warning: ${m}`)),
  ]);
  return {
    dir: ws.dir,
    name: path.basename(ws.dir),
    demo: open.demo,
    readOnly: open.readOnly,
    heldBy: open.heldBy,
    settings: ws.settings,
    scoring: resolveSettings(ws.settings.preset, scoringOverrides(ws.settings)),
    presetScoring: resolveSettings(ws.settings.preset),
    presetWeights: {
      seed: { ...PRESETS.seed.weights },
      organic: { ...PRESETS.organic.weights },
      paid: { ...PRESETS.paid.weights },
    },
    lists: { tags: tags.values, creators: creators.values, regions: regions.values },
    drafts,
    reportsDir: ownReports,
    exportDir: ctx.s.appSettings.get().exportDirs[ws.dir] ?? ownReports,
  };
}
