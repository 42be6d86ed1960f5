// The run domain: estimate, start (with an id the progress events carry), cancel by id, re-score from the
// cache, retry the failed pairs, the last result.
import { z } from 'zod';
import type { CreditEstimate, RunOutcome } from '../views';
import { maxCreditsSchema, scoringOverridesSchema } from '../scoring-registry';
import { empty } from './app';

/** Settings for this run on top of the workspace's (nothing here is saved): the registry's one overrides schema. */
export const runOverridesSchema = scoringOverridesSchema;

export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be 6-64 letters, digits, - or _');

export const runRequests = {
  'run:estimate': z.strictObject({ overrides: runOverridesSchema.optional() }),
  'run:start': z.strictObject({
    overrides: runOverridesSchema.optional(),
    /** The renderer's own id for the run, so it can route progress and cancel before the run returns. */
    runId: runIdSchema.optional(),
    maxCredits: maxCreditsSchema.optional(),
  }),
  'run:cancel': z.strictObject({ runId: runIdSchema }),
  'run:rescore': z.strictObject({ overrides: runOverridesSchema.optional() }),
  'run:retry-failed': z.strictObject({
    /** The run whose failed pairs to retry (the last one). */
    runId: runIdSchema.optional(),
    /** The renderer's own id for the retry itself, so it can route its progress and cancel it. */
    retryId: runIdSchema.optional(),
    overrides: runOverridesSchema.optional(),
  }),
  'results:get-last': empty,
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
  caption: string;
}

export interface RunResponses {
  'run:estimate': CreditEstimate;
  'run:start': RunOutcome;
  'run:cancel': { cancelled: boolean };
  'run:rescore': RunOutcome;
  'run:retry-failed': RunOutcome;
  'results:get-last': RunOutcome | null;
  'results:sample': SamplePost[];
}
