// What every domain's handlers share: the services, the session, and the few questions each of them asks
// (which workspace is open, where the key stands, which key a run uses).
import path from 'node:path';
import { TagfitError } from '../../core/errors';
import { PRESETS, resolveSettings } from '../../core/engine/presets';
import { scoringOverrides } from '../../core/workspace/settings';
import { resolveApiKey } from '../../core/secrets/key-policy';
import type { Secret } from '../../core/secrets/secret';
import type { KeyState, WorkspaceView } from '../../shared/views';
import type { HandlerServices } from '../services';
import type { AppSession, OpenWorkspace } from '../session';
import { readCreatorList, readRegionList, readTagList } from '../../core/input/csv-lists';

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

/** The key for a run in the open workspace: none for the demo workspace, else by the one key policy. */
export function runKey(
  ctx: HandlerContext,
  open: OpenWorkspace,
  offline = false,
): Promise<Secret | undefined> {
  return resolveApiKey({ demo: open.demo, offline, env: ctx.s.envKey, keychain: ctx.s.keychain });
}

export async function workspaceView(ctx: HandlerContext, open: OpenWorkspace): Promise<WorkspaceView> {
  const { ws } = open;
  const [tags, creators, regions] = await Promise.all([
    readTagList(ws.paths.tags),
    readCreatorList(ws.paths.creators),
    readRegionList(ws.paths.regions),
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
    reportsDir: ws.paths.reports,
    exportDir: ctx.s.appSettings.get().exportDirs[ws.dir] ?? ws.paths.reports,
  };
}
