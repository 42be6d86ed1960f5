// The reports domain: export the last run's reports (Markdown with charts, CSV, HTML) to the workspace's reports/ or a folder.
import { z } from 'zod';
import { REPORT_FORMATS } from '../report-formats';

export const reportsRequests = {
  /**
   * Without `dir`: the folder remembered for this workspace, else its reports/. `pick`: the folder dialog chooses
   * (the app names no other new folder; null when cancelled). The preview takes `dir` as an absolute path.
   */
  'reports:export': z.strictObject({
    dir: z.string().trim().min(1).max(4096).optional(),
    pick: z.boolean().optional(),
    formats: z.array(z.enum(REPORT_FORMATS)).min(1).optional(),
  }),
  /** Opens the last export's folder or its report with the OS (never a path the renderer names). */
  'reports:open': z.strictObject({ what: z.enum(['folder', 'report']) }),
} as const;

/** What an export did, said: a line per file, a summary counting regions, formats and files, the report to open. */
export interface ExportDone {
  dir: string;
  written: string[];
  summary: string;
  lines: string[];
  /** The file "Open report" opens (the HTML of the whole run, else the PDF or the summary). */
  report: string | null;
}

export interface ReportsResponses {
  'reports:export': ExportDone | null;
  'reports:open': { opened: string };
}
