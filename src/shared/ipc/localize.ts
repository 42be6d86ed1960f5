// Localise in the app: each candidate's local variants per region from the last run's samples (no call), each with
// what sampling it would cost; and sampling chosen variants (credits, the run's stop and budget as any run).
import { z } from 'zod';
import type { Credits, ErrorInfo } from '../model';
import type { EquivalentEvidence } from '../localize';

const pair = z.strictObject({
  tag: z.string().min(1).max(200),
  region: z.string().regex(/^[A-Z]{2}$/),
  equivalent: z.string().min(1).max(200),
});

export const localizeRequests = {
  'localize:find': z.strictObject({
    tags: z.array(z.string().min(1).max(200)).max(500).optional(),
    regions: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .max(250)
      .optional(),
  }),
  /** Fetch and score these variants in their regions; `runId` lets run:cancel stop it. */
  'localize:sample': z.strictObject({
    pairs: z.array(pair).min(1).max(500),
    runId: z.string().min(1).max(100).optional(),
  }),
} as const;

/** A variant as the Localise view shows it, with what sampling it would cost (null: nothing left to fetch). */
export interface LocalizeRow extends EquivalentEvidence {
  cost: { min: number; max: number } | null;
}

export interface LocalizeResponses {
  'localize:find': { rows: LocalizeRow[]; tested: number; fdr: number };
  'localize:sample': { rows: LocalizeRow[]; credits: Credits; stopped: ErrorInfo | null };
}
