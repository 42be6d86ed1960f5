// Creator fit: target creators' recent posts against the workspace's candidates; progress on the run channel.
import { z } from 'zod';
import type { CreatorFitResult } from '../decode';
import { usernameJobOptions, usernameListSchema } from './decode';

export const creatorFitRequests = {
  'creator-fit:run': z.strictObject({
    creators: usernameListSchema,
    ...usernameJobOptions,
  }),
} as const;

export interface CreatorFitResponses {
  'creator-fit:run': CreatorFitResult;
}
