// Competitor decoding, creator fit and the track record: usernames in, results out, progress on the run channel.
import { z } from 'zod';
import type { CreatorFitResult, DecodeResult } from '../decode';
import type { TrackResult } from '../track';
import { runIdSchema } from './run';

const usernames = z.array(z.string().min(1).max(100)).min(1).max(200);

export const decodeRequests = {
  'decode:competitors': z.strictObject({
    competitors: usernames,
    posts: z.number().int().min(1).max(500).optional(),
    runId: runIdSchema.optional(),
  }),
  'creator-fit:run': z.strictObject({
    creators: usernames,
    posts: z.number().int().min(1).max(500).optional(),
    runId: runIdSchema.optional(),
  }),
  /** The track record of the workspace's own accounts against its recorded runs. */
  'track:run': z.strictObject({
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional(),
    posts: z.number().int().min(1).max(500).optional(),
    runId: runIdSchema.optional(),
  }),
} as const;

export interface DecodeResponses {
  'decode:competitors': DecodeResult;
  'creator-fit:run': CreatorFitResult;
  'track:run': TrackResult;
}
