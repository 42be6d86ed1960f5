// A PDF read as its reader meets it: the text of each page (pdfjs-dist, Mozilla's PDF reader, in Node) and the
// first page drawn as an image (the same reader in the tests' Chromium, onto a canvas) for a screenshot to look at.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from './cli';

/** Each page's text, its items joined by spaces, in page order. */
export async function pdfPagesText(data: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((i) => ('str' in i ? i.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const PDFJS = path.join(ROOT, 'node_modules', 'pdfjs-dist', 'build');

/**
 * Draws page `n` of the PDF on a canvas in a Chromium page (pdfjs served from node_modules under a made-up origin,
 * the PDF handed over as base64) and saves it as a PNG at `png`. Returns the page count.
 */
export async function screenshotPdfPage(
  browser: Browser,
  pdf: Uint8Array,
  png: string,
  n = 1,
): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
  try {
    await page.route('http://pdfjs.test/**', async (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      if (name === 'index.html')
        return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><canvas id="c"></canvas>' });
      return route.fulfill({
        contentType: 'text/javascript',
        body: await readFile(path.join(PDFJS, name)),
      });
    });
    await page.goto('http://pdfjs.test/index.html');
    // A script as text: the test runner rewrites dynamic imports in functions, which the page cannot run.
    const pages = (await page.evaluate(`(async () => {
      const pdfjs = await import('http://pdfjs.test/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdfjs.test/pdf.worker.mjs';
      const bytes = Uint8Array.from(atob(${JSON.stringify(Buffer.from(pdf).toString('base64'))}), (c) => c.charCodeAt(0));
      const doc = await pdfjs.getDocument({ data: bytes }).promise;
      const p = await doc.getPage(${n});
      const viewport = p.getViewport({ scale: 1.4 });
      const canvas = document.getElementById('c');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await p.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
      return doc.numPages;
    })()`)) as number;
    await page.locator('#c').screenshot({ path: png });
    return pages;
  } finally {
    await page.close();
  }
}
