// The PdfPrinter of the CLI and the browser preview: a headless Chromium found as the tests find theirs
// (core/browser/discovery.ts), driven by playwright-core's page.pdf. One browser per print: a report is printed
// rarely, and nothing is left running. JavaScript is off (the report has none) and the page may fetch nothing.
import { findBrowser, launchBrowser } from '../browser/discovery';
import { TagfitError } from '../errors';
import type { PdfOptions, PdfPrinter } from './pdf';

/** Playwright's own words without its call log and terminal colours: what happened, in one line. */
const playwrightWords = (e: unknown): string =>
  // eslint-disable-next-line no-control-regex
  (String(e instanceof Error ? e.message : e).split('\n')[0] ?? '').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** Prints with the Chromium that discovery finds; where there is none, a `not-found` error naming what to install. */
export function chromiumPdfPrinter(find = findBrowser): PdfPrinter {
  return {
    async print(html: string, o: PdfOptions): Promise<Buffer> {
      let found;
      try {
        found = find();
      } catch (e) {
        throw new TagfitError(
          'not-found',
          `Cannot print the PDF report: ${(e as Error).message}. The other formats are written.`,
        );
      }
      let browser;
      try {
        browser = await launchBrowser(found, { ownSignals: true });
      } catch (e) {
        throw new TagfitError(
          'not-found',
          `Cannot print the PDF report: ${found.executablePath} did not start as a browser (${playwrightWords(e)}). The other formats are written.`,
        );
      }
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.route(/^(?!data:|about:)/, (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const mm = (n: number): string => `${n}mm`;
        return await page.pdf({
          format: o.format,
          landscape: o.landscape,
          printBackground: o.printBackground,
          scale: o.scale,
          displayHeaderFooter: o.displayHeaderFooter,
          headerTemplate: o.headerTemplate,
          footerTemplate: o.footerTemplate,
          margin: {
            top: mm(o.marginMm.top),
            bottom: mm(o.marginMm.bottom),
            left: mm(o.marginMm.left),
            right: mm(o.marginMm.right),
          },
        });
      } catch (e) {
        if (e instanceof TagfitError) throw e;
        throw new TagfitError(
          'internal',
          `Cannot print the PDF report: the browser ended before the page was printed (stopped, or it crashed: ${playwrightWords(e)}). The other formats are written.`,
        );
      } finally {
        await browser.close().catch(() => {});
      }
    },
  };
}
