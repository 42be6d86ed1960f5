// The report formats a run can be written in (core/report/files.ts says which files each one makes).
export const REPORT_FORMATS = ['md', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
