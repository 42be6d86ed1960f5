// The plan domain: the content plan from the last run's samples (no call), and its export as iCalendar and CSV to
// the workspace's reports/ or a folder.
import { z } from 'zod';
import type { ContentPlan } from '../plan';

/** How long a plan may run and how many posts a week it may hold: the app's fields and this schema take these. */
export const PLAN_LIMITS = {
  weeks: { int: true, min: 1, max: 26, default: 2 },
  perWeek: { int: true, min: 1, max: 14, default: 3 },
} as const;

const planShape = {
  weeks: z.number().int().min(PLAN_LIMITS.weeks.min).max(PLAN_LIMITS.weeks.max).optional(),
  perWeek: z.number().int().min(PLAN_LIMITS.perWeek.min).max(PLAN_LIMITS.perWeek.max).optional(),
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
