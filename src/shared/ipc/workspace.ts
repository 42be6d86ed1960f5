// The workspace domain: create, open (a folder dialog in the app, a path in the browser preview), the demo, close.
import { z } from 'zod';
import { presetSchema } from '../scoring-registry';
import type { WorkspaceView } from '../ipc-payloads';
import { empty } from './app';

const folder = z.string().trim().min(1).max(4096);

export const workspaceRequests = {
  'workspace:create': z.strictObject({ dir: folder.optional(), preset: presetSchema.optional() }),
  /** Without `dir` the app asks with a folder dialog; null when the user cancels it. */
  'workspace:open': z.strictObject({ dir: folder.optional(), readOnly: z.boolean().optional() }),
  'workspace:open-demo': empty,
  'workspace:close': empty,
  'workspace:get': empty,
  'workspace:recent': empty,
} as const;

export interface WorkspaceResponses {
  'workspace:create': WorkspaceView | null;
  'workspace:open': WorkspaceView | null;
  'workspace:open-demo': WorkspaceView;
  'workspace:close': { closed: boolean };
  'workspace:get': WorkspaceView | null;
  'workspace:recent': { recent: string[] };
}
