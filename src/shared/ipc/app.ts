// The app domain: status of the whole app (shell, key state, open workspace, running run).
import { z } from 'zod';
import type { AppStatus } from '../ipc-payloads';

export const empty = z.strictObject({});

export const appRequests = {
  'app:get-status': empty,
} as const;

/** A view the shell may open in the workbench (a click on a notification). */
export type ShellView = 'watch' | 'results';

/** What the shell tells the user in the workbench: a window reloaded after a crash, a notification the preview
 * cannot show natively. */
export interface AppNotice {
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface AppResponses {
  'app:get-status': AppStatus;
}
