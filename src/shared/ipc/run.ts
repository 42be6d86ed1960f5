// The run domain: estimate, start (with an id the progress events carry), cancel by id, re-score from the
// cache, retry the failed pairs.
import { z } from 'zod';
import type { CreditEstimate, RunOutcome } from '../ipc-payloads';
import { maxCreditsSchema, scoringOverridesSchema } from '../scoring-registry';

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
} as const;

export interface RunResponses {
  'run:estimate': CreditEstimate;
  'run:start': RunOutcome;
  'run:cancel': { cancelled: boolean };
  'run:rescore': RunOutcome;
  'run:retry-failed': RunOutcome;
}
