// The app's PDF printing, decided here and carried out by electron/pdf-printer.ts: the report's page set-up
// (core/report/pdf.ts) in the shape of Electron's printToPDF, the hidden window it prints in, and which requests
// that window may make (its own file and data: URLs; the report needs nothing else).
import type { PdfOptions } from '../../core/report/pdf';

const inches = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000;

/** printToPDF's options for the report: the same page, header, footer and margins as the CLI's page.pdf. */
export function electronPdfOptions(o: PdfOptions): {
  pageSize: 'A4';
  landscape: boolean;
  printBackground: boolean;
  scale: number;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
} {
  return {
    pageSize: o.format,
    landscape: o.landscape,
    printBackground: o.printBackground,
    scale: o.scale,
    displayHeaderFooter: o.displayHeaderFooter,
    headerTemplate: o.headerTemplate,
    footerTemplate: o.footerTemplate,
    margins: {
      top: inches(o.marginMm.top),
      bottom: inches(o.marginMm.bottom),
      left: inches(o.marginMm.left),
      right: inches(o.marginMm.right),
    },
  };
}

/** The hidden window a report is printed in: never shown, no script, no Node, sandboxed, a session of its own. */
export const PRINT_WINDOW = {
  show: false,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    partition: 'tagfit-print',
  },
} as const;

/** The print window may load the report's own file and its inline images; anything else is cancelled. */
export function printRequestAllowed(url: string, reportUrl: string): boolean {
  return url === reportUrl || url.startsWith('data:');
}
