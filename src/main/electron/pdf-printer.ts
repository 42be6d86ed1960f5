// The app's PdfPrinter: the report written to a temporary file, loaded in a hidden window (shell/pdf-print.ts says
// which and what it may load), printed with webContents.printToPDF, and both removed whatever happens.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { PdfPrinter } from '../../core/report/pdf';
import { electronPdfOptions, PRINT_WINDOW, printRequestAllowed } from '../shell/pdf-print';

export function createElectronPdfPrinter(): PdfPrinter {
  return {
    async print(html, options) {
      // A file, not a data: URL: a report with charts and a logo can pass Chromium's 2 MB limit on URLs.
      const dir = await mkdtemp(path.join(tmpdir(), 'tagfit-print-'));
      const file = path.join(dir, 'report.html');
      const url = pathToFileURL(file).href;
      await writeFile(file, html);
      const printSession = session.fromPartition(PRINT_WINDOW.webPreferences.partition);
      printSession.webRequest.onBeforeRequest((details, callback) =>
        callback({ cancel: !printRequestAllowed(details.url, url) }),
      );
      const win = new BrowserWindow({ ...PRINT_WINDOW, webPreferences: { ...PRINT_WINDOW.webPreferences } });
      try {
        await win.loadURL(url);
        return await win.webContents.printToPDF(electronPdfOptions(options));
      } finally {
        win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
