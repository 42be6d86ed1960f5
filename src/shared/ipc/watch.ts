// Discovery, the tag set and the watchlist in the app: suggestions and picks from the last run's samples (no call),
// the watch's status and alerts (kept in the workspace until dismissed), and recording a finished run's alerts.
import { z } from 'zod';
import type { CreatorSuggestion, RegionPicks, StoredAlert, TagSuggestion, WatchAlert } from '../discover';
import type { WorkspaceSettings } from '../workspace-settings';

export const watchRequests = {
  'discover:suggest': z.strictObject({}),
  'discover:pick': z.strictObject({ k: z.number().int().min(1).max(30).optional() }),
  'watch:status': z.strictObject({}),
  /** The alerts of the last run (a finished, recorded one) against the run before it. */
  'watch:record': z.strictObject({}),
  'watch:dismiss': z.strictObject({ id: z.string().min(1).max(200) }),
} as const;

export interface WatchStatus {
  schedule: WorkspaceSettings['watch'];
  due: boolean;
  why: string;
  next: string;
  lastRun?: string;
  /** Alerts not dismissed yet, newest first. */
  alerts: StoredAlert[];
}

export interface WatchResponses {
  'discover:suggest': { tags: TagSuggestion[]; creators: CreatorSuggestion[] };
  'discover:pick': RegionPicks[];
  'watch:status': WatchStatus;
  'watch:record': { alerts: WatchAlert[] };
  'watch:dismiss': WatchStatus;
}
