// The files a run's report is made of, by format, named by the run clock's date ("-partial" for a partial run):
//   md:   <CODE>-<date>.md with its chart <CODE>-<date>.svg per region, and summary-<date>.md with its heat map
//         summary-<date>.svg;
//   csv:  <CODE>-<date>.csv per region (ranked, excluded and failed tags) and summary-<date>.csv;
//   html: report-<date>.html, the whole run in one self-contained file;
//   pdf:  report-<date>.pdf, that HTML printed by a Chromium (pdf.ts), with page headers, footers and the logo.
// Every document carries the workspace's branding (document-model.ts): each renderer draws its title block.
import type { RegionCode, RunResult } from '../../shared/model';
import { TagfitError } from '../errors';
import type { ReportFormat } from '../../shared/report-formats';
import { pickTagSet } from '../discover/pick';
import { reportVariants } from '../localize/report-section';
import { localisePicks } from '../localize/apply';
import type { Equivalent } from '../../shared/localize';
import { type RunSamples, sampleKey } from '../pipeline/run';
import { heatmapSvg, scoreChartSvg } from './charts';
import { renderCsvReport, renderSummaryCsv } from './csv';
import type { ReportBranding } from './branding';
import { regionDocument } from './document';
import type { RegionReportInput, ReportDocument } from './document-model';
import { ledgerWords, type LedgerSummary } from '../../shared/ledger';
import { summaryDocument, summaryRows } from './run-summary';
import { renderHtmlReport } from './html';
import { renderMarkdown } from './markdown';
import { pdfOptions, type PdfPrinter } from './pdf';
import type { ReportFile } from './write';

/** "US-2026-11-20.md", or "US-2026-11-20-partial.md" for a partial run. */
export const reportName = (stem: string, date: string, ext: string, partial: boolean): string =>
  `${stem}-${date}${partial ? '-partial' : ''}.${ext}`;

/** The date part of the run's clock, in UTC: the reports' file names and headings use it. */
export const runDate = (now: Date): string => now.toISOString().slice(0, 10);

export interface ReportFilesOptions {
  regionNames: Record<RegionCode, string>;
  formats: readonly ReportFormat[];
  partial: boolean;
  /** How many target creators the overlap was measured against, said in the settings. */
  targetCount?: number;
  /** The run's samples: with them each region's report proposes a tag set to post with (discover/pick.ts). */
  samples?: RunSamples;
  /** Sampled local variants: the tag set posts with one where it outscores its candidate (localize/apply.ts). */
  localised?: readonly Equivalent[];
  /** The workspace's branding (branding.ts; null: none): every document, hence every format, carries it. */
  branding: ReportBranding | null;
  /** What prints the PDF (the shell's: a Chromium, or Electron's printToPDF); needed for the pdf format. */
  pdf?: PdfPrinter;
  /** The workspace's credit ledger at export time: the summary says the week's credits by job. */
  ledger?: LedgerSummary;
}

export function reportFiles(result: RunResult, opts: ReportFilesOptions): ReportFile[] {
  const date = runDate(new Date(result.now));
  const name = (stem: string, ext: string): string => reportName(stem, date, ext, opts.partial);
  const wants = (f: ReportFormat): boolean => opts.formats.includes(f);
  const files: ReportFile[] = [];
  const regions = Object.keys(result.regions);
  // A demo run's documents carry the simulated label in their title block; its CSVs, a column saying it.
  const simulated = result.simulated === true;
  const mark = <D extends ReportDocument>(doc: D): D => (simulated ? { ...doc, simulated } : doc);
  // The summary closes with the week's credits from the workspace's ledger, when the caller read it.
  const ledger = opts.ledger;
  const withLedger = (doc: ReportDocument): ReportDocument =>
    ledger
      ? {
          ...doc,
          blocks: [
            ...doc.blocks,
            { kind: 'heading', level: 2, text: 'Credits this week' },
            { kind: 'para', text: `This workspace's credit ledger: ${ledgerWords(ledger)}` },
          ],
        }
      : doc;
  const variants = opts.samples ? reportVariants(result, opts.samples) : undefined;
  const inputs: RegionReportInput[] = regions.map((region) => {
    const r = result.regions[region]!;
    const where = opts.regionNames[region] ? `${opts.regionNames[region]} (${region})` : region;
    return {
      result: r,
      branding: opts.branding,
      date,
      settings: result.settings,
      regionName: opts.regionNames[region],
      failed: result.failed.filter((f) => f.region === region),
      credits: result.credits,
      stopped: result.stopped,
      targetCount: opts.targetCount,
      now: result.now,
      picks: opts.samples
        ? localisePicks(
            pickTagSet(r, (c) => opts.samples!.samples.get(sampleKey(region, c)) ?? []),
            opts.localised ?? [],
          )
        : undefined,
      variants: variants?.get(region),
      chart: {
        file: name(region, 'svg'),
        svg: scoreChartSvg(
          r,
          result.settings,
          `Top ${Math.min(20, r.ranked.length)} in ${where}, ${date}: score in parts`,
        ),
      },
    };
  });
  const heatmap = {
    file: name('summary', 'svg'),
    svg: heatmapSvg(summaryRows(result), regions, `Tags × regions, ${date}`),
  };
  const summary = mark(
    withLedger(
      summaryDocument(result, {
        date,
        regionNames: opts.regionNames,
        branding: opts.branding,
        heatmap,
      }),
    ),
  );
  for (const input of inputs) {
    const region = input.result.region;
    if (wants('md')) {
      // The chart first, so the report links the name it was written under (an alternate when it was locked).
      const chart = input.chart!;
      files.push({ name: chart.file, content: chart.svg });
      files.push({
        name: name(region, 'md'),
        content: (writtenAs) =>
          renderMarkdown(
            mark(regionDocument({ ...input, chart: { ...chart, file: writtenAs(chart.file) } })),
          ),
      });
    }
    if (wants('csv'))
      files.push({
        name: name(region, 'csv'),
        content: renderCsvReport(input.result, input.failed, { simulated }),
      });
  }
  if (regions.length > 0) {
    if (wants('md')) {
      files.push({ name: heatmap.file, content: heatmap.svg });
      files.push({
        name: name('summary', 'md'),
        content: (writtenAs) =>
          renderMarkdown(
            mark(
              withLedger(
                summaryDocument(result, {
                  date,
                  regionNames: opts.regionNames,
                  branding: opts.branding,
                  heatmap: { ...heatmap, file: writtenAs(heatmap.file) },
                }),
              ),
            ),
          ),
      });
    }
    if (wants('csv')) files.push({ name: name('summary', 'csv'), content: renderSummaryCsv(result) });
    const title = `Tagfit report ${date}${opts.partial ? ' (partial)' : ''}`;
    const html = (): string =>
      renderHtmlReport({
        title,
        summary,
        regions: inputs.map((i) => ({
          code: i.result.region,
          name: i.regionName ? `${i.regionName} (${i.result.region})` : i.result.region,
          doc: mark(regionDocument(i)),
        })),
      });
    if (wants('html')) files.push({ name: name('report', 'html'), content: html() });
    // Last: printing needs a browser, and where there is none every other file is already written.
    if (wants('pdf')) {
      const printer = opts.pdf;
      files.push({
        name: name('report', 'pdf'),
        content: () => {
          if (!printer)
            throw new TagfitError('not-found', 'Cannot print the PDF report: this shell has no PDF printer.');
          return printer.print(html(), pdfOptions({ ...summary, title }));
        },
      });
    }
  }
  return files;
}
