// The report formats a run can be written in (core/report/files.ts says which files each one makes);
// pdf is the HTML report printed by a Chromium (the app's own in Electron).
export const REPORT_FORMATS = ['md', 'csv', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
