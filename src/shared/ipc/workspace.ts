// The workspace domain: create, open (a folder dialog in the app, a path in the browser preview), the demo, close.
import { z } from 'zod';
import { presetSchema } from '../scoring-registry';
import type { WorkspaceView } from '../ipc-payloads';
import { empty } from './app';

const folder = z.string().trim().min(1).max(4096);

export const workspaceRequests = {
  'workspace:create': z.strictObject({ dir: folder.optional(), preset: presetSchema.optional() }),
  /** Without `dir` the app asks with a folder dialog; null when the user cancels it. */
  /** `breakLock`: the user confirmed taking a workspace another computer's lock note names. */
  'workspace:open': z.strictObject({
    dir: folder.optional(),
    readOnly: z.boolean().optional(),
    breakLock: z.boolean().optional(),
  }),
  'workspace:open-demo': empty,
  'workspace:close': empty,
  'workspace:get': empty,
  'workspace:recent': empty,
  /** The open workspace's conflicted copies, damaged or foreign files and other locks; `fix` merges what can be. */
  'workspace:check': z.strictObject({ fix: z.boolean().optional() }),
} as const;

/** One thing `workspace check` found (core/workspace/sync/scan.ts). */
export interface WorkspaceFinding {
  kind: 'conflict' | 'damaged' | 'foreign' | 'lock';
  path: string;
  /** `merge`: Merge can merge it; `list`: a person decides. */
  fix: 'merge' | 'list';
  message: string;
}

export interface WorkspaceCheck {
  findings: WorkspaceFinding[];
  /** Conflicted copies still there (merged or not yet): the banner shows while this is above 0. */
  conflicts: number;
  /** After a merge: what it said, copy by copy. */
  merged?: string[];
  failed?: string[];
}

export interface WorkspaceResponses {
  'workspace:create': WorkspaceView | null;
  'workspace:open': WorkspaceView | null;
  'workspace:open-demo': WorkspaceView;
  'workspace:close': { closed: boolean };
  'workspace:get': WorkspaceView | null;
  'workspace:recent': { recent: string[] };
  'workspace:check': WorkspaceCheck;
}
