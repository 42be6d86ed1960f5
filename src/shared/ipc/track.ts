// The track record: the workspace's own accounts' posts against the scores their hashtags had in recorded runs.
import { z } from 'zod';
import type { TrackResult } from '../track';
import { runIdSchema } from './run';

export const trackRequests = {
  'track:run': z.strictObject({
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional(),
    posts: z.number().int().min(1).max(500).optional(),
    runId: runIdSchema.optional(),
  }),
} as const;

export interface TrackResponses {
  'track:run': TrackResult;
}
