// Creator fit: target creators' recent posts against the workspace's candidates; progress on the run channel.
import { z } from 'zod';
import type { CreatorFitResult } from '../decode';
import { usernameListSchema } from './decode';
import { runIdSchema } from './run';

export const creatorFitRequests = {
  'creator-fit:run': z.strictObject({
    creators: usernameListSchema,
    posts: z.number().int().min(1).max(500).optional(),
    runId: runIdSchema.optional(),
  }),
} as const;

export interface CreatorFitResponses {
  'creator-fit:run': CreatorFitResult;
}
