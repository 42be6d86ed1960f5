// The reports domain: export the last run's Markdown and CSV reports to the workspace's reports/ or a folder.
import { z } from 'zod';

export const reportsRequests = {
  /** Without `dir`: the folder remembered for this workspace, else its reports/. */
  'reports:export': z.strictObject({
    dir: z.string().trim().min(1).max(4096).optional(),
    formats: z
      .array(z.enum(['md', 'csv']))
      .min(1)
      .optional(),
  }),
} as const;

export interface ReportsResponses {
  'reports:export': { dir: string; written: string[] };
}
