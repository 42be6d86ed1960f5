// What an export tells the user: a line per file written (its name, and the alternate it took when the name was in
// use), and one summary that counts regions, formats and files as what they are ("4 regions in 4 formats: 17
// files"), never files as "reports".
import path from 'node:path';
import type { ReportFormat } from '../../shared/report-formats';
import type { WrittenFile } from './write';

/** The formats as people name them. */
export const FORMAT_WORDS: Record<ReportFormat, string> = {
  md: 'Markdown',
  csv: 'CSV',
  html: 'HTML',
  pdf: 'PDF',
};

export interface ExportSummary {
  /** "Exported 4 regions in 4 formats (Markdown, CSV, HTML, PDF): 17 files to /w/reports." */
  summary: string;
  /** One line per file: "Wrote US-2026-11-20.md", "Wrote US-2026-11-20 (1).md (…why)". */
  lines: string[];
  /** The one file to open as "the report": the HTML of the whole run, else the PDF, else the summary's Markdown. */
  report: string | null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function describeExport(
  dir: string,
  written: readonly Pick<WrittenFile, 'name' | 'path' | 'note'>[],
  opts: { regions: number; formats: readonly ReportFormat[] },
): ExportSummary {
  const lines = written.map((w) => `Wrote ${w.name}${w.note ? ` (${w.note})` : ''}`);
  const formats = opts.formats.map((f) => FORMAT_WORDS[f]);
  const summary =
    `Exported ${plural(opts.regions, 'region')} in ${plural(formats.length, 'format')} (${formats.join(', ')}): ` +
    `${plural(written.length, 'file')} to ${dir}.`;
  const byExt = (ext: string, stem?: string): string | undefined =>
    written.find((w) => w.name.endsWith(ext) && (!stem || path.basename(w.name).startsWith(stem)))?.path;
  const report = byExt('.html') ?? byExt('.pdf') ?? byExt('.md', 'summary-') ?? byExt('.md') ?? byExt('.csv');
  return { summary, lines, report: report ?? null };
}
