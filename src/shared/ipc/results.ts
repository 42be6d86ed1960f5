// The results domain: the last run's outcome, a recorded run opened again, and the posts a tag was scored on (the detail view).
import { z } from 'zod';
import type { RunOutcome } from '../ipc-payloads';
import { empty } from './app';

export const resultsRequests = {
  'results:get-last': empty,
  /** A recorded run (its id, or "last") opened again as the current results, scored from the cache (no call). */
  'results:open-run': z.strictObject({ id: z.string().min(1).max(100) }),
  /** The posts a tag was scored on in one region (the detail view), from the last run's sample. */
  'results:sample': z.strictObject({
    region: z.string().min(2).max(8),
    candidate: z.string().min(1).max(200),
  }),
} as const;

export interface SamplePost {
  id: string;
  createTime: number;
  likes: number;
  plays: number;
  authorId: string;
  /** The author is one of the workspace's target creators. */
  target: boolean;
  /** The caption in full, read back from the workspace's cache; else only its hashtags (`captionFull` false). */
  caption: string;
  /** false: `caption` is only the hashtags the run held, and `captionNote` says why. */
  captionFull: boolean;
  captionNote?: string;
}

export interface ResultsResponses {
  'results:get-last': RunOutcome | null;
  'results:open-run': RunOutcome;
  'results:sample': SamplePost[];
}
