// The settings domain: the workspace's tagfit.json and the app's own settings (theme, recent workspaces).
import { z } from 'zod';
import { settingsSchema } from '../workspace-settings';
import type { AppSettingsView, WorkspaceView } from '../ipc-payloads';
import { empty } from './app';

export const settingsRequests = {
  'settings:save-workspace': z.strictObject({ settings: settingsSchema }),
  'settings:get-app': empty,
  'settings:set-app': z.strictObject({ theme: z.enum(['system', 'light', 'dark']) }),
} as const;

export interface SettingsResponses {
  'settings:save-workspace': WorkspaceView;
  'settings:get-app': AppSettingsView;
  'settings:set-app': AppSettingsView;
}
