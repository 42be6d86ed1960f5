// The PDF report: the HTML report printed by a Chromium, with a header (the logo and the title block) and a footer
// ("Page X of Y") on every page. The options are said once here; each shell prints through its own PdfPrinter
// (the CLI and the browser preview: playwright-core's page.pdf, pdf-chromium.ts; the app: Electron's printToPDF).
import { escapeHtml } from './html';
import type { ReportDocument } from './document-model';
import { titleLines } from './title-block';

/** Page set-up in the shape both printers take (Playwright's page.pdf; the app maps it to printToPDF's). */
export interface PdfOptions {
  format: 'A4';
  landscape: false;
  printBackground: true;
  /** The page's zoom: 0.8 prints the screen's 14px text at about 8.5pt, and the wide tables fit in fewer pages. */
  scale: number;
  displayHeaderFooter: true;
  /** HTML for the top and bottom margin of every page; Chromium fills .pageNumber and .totalPages. */
  headerTemplate: string;
  footerTemplate: string;
  /** In millimetres: room for the header and footer. */
  marginMm: { top: number; bottom: number; left: number; right: number };
}

/** Prints a self-contained HTML document (no script, no outside request) to PDF bytes. */
export interface PdfPrinter {
  print(html: string, options: PdfOptions): Promise<Buffer>;
}

// The templates are drawn outside the page: no inherited style, so every size is given; 8-9px reads in print.
const BOX = 'width: 100%; margin: 0 12mm; font: 8px system-ui, sans-serif; color: #57606a;';

/** The page header and footer of a report's PDF: its logo and title block on top, "Page X of Y" below. */
export function pdfOptions(doc: ReportDocument): PdfOptions {
  const b = doc.branding;
  const logo = b?.logo
    ? `<img src="${escapeHtml(b.logo.dataUrl)}" alt="" style="height: 7mm; max-width: 40mm; object-fit: contain;">`
    : '';
  const text = [doc.title, ...titleLines(doc)].map(escapeHtml).join(' · ');
  return {
    format: 'A4',
    landscape: false,
    printBackground: true,
    scale: 0.8,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${BOX} display: flex; align-items: center; gap: 3mm;">${logo}<span>${text}</span></div>`,
    footerTemplate: `<div style="${BOX} text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    marginMm: { top: 18, bottom: 14, left: 12, right: 12 },
  };
}
