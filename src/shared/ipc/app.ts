// The app domain: status of the whole app (shell, key state, open workspace, running run).
import { z } from 'zod';
import type { AppStatus } from '../views';

export const empty = z.strictObject({});

export const appRequests = {
  'app:get-status': empty,
} as const;

export interface AppResponses {
  'app:get-status': AppStatus;
}
