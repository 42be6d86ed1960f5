// The plan domain: the content plan from the last run's samples (no call), and its export as iCalendar and CSV to
// the workspace's reports/ or a folder.
import { z } from 'zod';
import type { ContentPlan } from '../plan';

const planShape = {
  weeks: z.number().int().min(1).max(26).optional(),
  perWeek: z.number().int().min(1).max(14).optional(),
  /** First local date, YYYY-MM-DD (default: tomorrow). */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Tags in each set. */
  k: z.number().int().min(1).max(15).optional(),
};

export const planRequests = {
  'plan:make': z.strictObject(planShape),
  /** As reports:export: `dir` (the preview, absolute) or `pick` (the folder dialog; null when cancelled). */
  'plan:export': z.strictObject({
    ...planShape,
    dir: z.string().trim().min(1).max(4096).optional(),
    pick: z.boolean().optional(),
    formats: z
      .array(z.enum(['ics', 'csv']))
      .min(1)
      .optional(),
  }),
} as const;

export interface PlanResponses {
  'plan:make': ContentPlan;
  'plan:export': { dir: string; written: string[] } | null;
}
