// The app's PDF printing decided without Electron (shell/pdf-print.ts): the same page as the CLI's page.pdf in
// printToPDF's units, a hidden window with no script and no Node, and only the report's own file may load.
import { describe, expect, it } from 'vitest';
import { pdfOptions } from '../../src/core/report/pdf';
import { electronPdfOptions, PRINT_WINDOW, printRequestAllowed } from '../../src/main/shell/pdf-print';

const doc = {
  title: 'Tagfit report 2026-11-20',
  branding: {
    agency: 'Northwind <Social>',
    client: 'Zest',
    logo: { dataUrl: 'data:image/png;base64,AAAA', file: 'l.png' },
  },
  blocks: [],
};

describe('PDF page set-up', () => {
  it('header with the logo and the escaped title block, footer "Page X of Y", on every page', () => {
    const o = pdfOptions(doc);
    expect(o.headerTemplate).toContain('<img src="data:image/png;base64,AAAA"');
    expect(o.headerTemplate).toContain(
      'Tagfit report 2026-11-20 · Prepared by Northwind &lt;Social&gt; for Zest',
    );
    expect(o.headerTemplate).not.toContain('<Social>');
    expect(o.footerTemplate).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
    expect(pdfOptions({ ...doc, branding: null }).headerTemplate).not.toContain('<img');
  });

  it('printToPDF gets the same page in inches, backgrounds printed, headers on', () => {
    const o = pdfOptions(doc);
    const e = electronPdfOptions(o);
    expect(e).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      displayHeaderFooter: true,
      scale: o.scale,
      headerTemplate: o.headerTemplate,
      footerTemplate: o.footerTemplate,
    });
    expect(e.margins.top).toBeCloseTo(o.marginMm.top / 25.4, 3);
    expect(e.margins.left).toBeCloseTo(o.marginMm.left / 25.4, 3);
  });

  it('the print window runs no script, has no Node, and loads only the report and inline images', () => {
    expect(PRINT_WINDOW.show).toBe(false);
    expect(PRINT_WINDOW.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    const report = 'file:///tmp/tagfit-print-1/report.html';
    expect(printRequestAllowed(report, report)).toBe(true);
    expect(printRequestAllowed('data:image/png;base64,AAAA', report)).toBe(true);
    expect(printRequestAllowed('https://example.com/track.gif', report)).toBe(false);
    expect(printRequestAllowed('file:///etc/passwd', report)).toBe(false);
  });
});
