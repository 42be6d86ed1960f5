// Competitor decoding: competitors' usernames in, the hashtags of their captions scored out; progress on the run
// channel.
import { z } from 'zod';
import type { DecodeResult } from '../decode';
import type { DecodeEstimate } from '../decode-estimate';
import { runIdSchema } from './run';

/** A list of TikTok usernames, as decode and creator fit take them. */
export const usernameListSchema = z.array(z.string().min(1).max(100)).min(1).max(200);

/** What a job over usernames takes besides them: how many recent posts each, and the run id for its progress. */
export const usernameJobOptions = {
  posts: z.number().int().min(1).max(500).optional(),
  runId: runIdSchema.optional(),
};

export const decodeRequests = {
  'decode:competitors': z.strictObject({
    competitors: usernameListSchema,
    ...usernameJobOptions,
  }),
  /** What a decode of these competitors would cost, before it spends (as run:estimate before a run). */
  'decode:estimate': z.strictObject({
    competitors: usernameListSchema,
    posts: usernameJobOptions.posts,
  }),
} as const;

export interface DecodeResponses {
  'decode:competitors': DecodeResult;
  'decode:estimate': DecodeEstimate;
}
