// The watchlist in the app: the watch's status and alerts (kept in the workspace until dismissed), recording a
// finished run's alerts, and a due watch run with its alerts in one call.
import { z } from 'zod';
import type { StoredAlert, WatchAlert } from '../discover';
import type { RunOutcome } from '../ipc-payloads';
import { runIdSchema } from './run';
import type { WorkspaceSettings } from '../workspace-settings';

export const watchRequests = {
  'watch:status': z.strictObject({}),
  /** The alerts of the last run (a finished, recorded one) against the run before it. */
  'watch:record': z.strictObject({}),
  'watch:dismiss': z.strictObject({ id: z.string().min(1).max(200) }),
  /**
   * Runs the watch if the schedule says a run is due: the workspace's run (its progress events carry `runId`),
   * then its alerts recorded; answers what to tell the user.
   */
  'watch:run-due': z.strictObject({ runId: runIdSchema.optional() }),
} as const;

/** What a watch run asked of `watch:run-due` did: not due, or run (with its alerts and the notification). */
export type WatchRunDue =
  | { due: false; why: string; next: string }
  | {
      due: true;
      why: string;
      next: string;
      outcome: RunOutcome;
      /** Why no alert was raised (the run did not complete), if so. */
      incomplete: string | null;
      alerts: WatchAlert[];
      notice: { title: string; body: string };
    };

export interface WatchStatus {
  schedule: WorkspaceSettings['watch'];
  due: boolean;
  why: string;
  next: string;
  lastRun?: string;
  /** Alerts not dismissed yet, newest first. */
  alerts: StoredAlert[];
  /** A damaged data/watch.json, or one kept aside: said until the user deletes it. */
  notice?: string;
}

export interface WatchResponses {
  'watch:status': WatchStatus;
  'watch:record': { alerts: WatchAlert[] };
  'watch:dismiss': WatchStatus;
  'watch:run-due': WatchRunDue;
}
