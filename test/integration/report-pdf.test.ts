// `tagfit score --format pdf` on a branded workspace, as an agency runs it: the Markdown, the HTML and the PDF carry
// the agency's and the client's names (the PDF read back with a PDF text extractor), the PDF has page numbers, and
// its first page is drawn to a PNG to be looked at. Where no browser can be had the other formats are still written.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, launchBrowser } from '../../src/core/browser/discovery';
import { pdfOptions } from '../../src/core/report/pdf';
import { chromiumPdfPrinter } from '../../src/core/report/pdf-chromium';
import { runCli, tempDir, type CliRun } from '../support/cli';
import { pdfPagesText, screenshotPdfPage } from '../support/pdf';
import { SCREENSHOTS } from '../support/web';

const NOW = '2026-11-20T08:00:00Z';
const AGENCY = 'Northwind Social & Co';
const CLIENT = 'Zest Cola GmbH';
// A logo of our own: an orange tile and a word, as an SVG file in the workspace.
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48" viewBox="0 0 160 48"><rect width="48" height="48" rx="10" fill="#ff7a00"/><circle cx="24" cy="24" r="12" fill="#fff"/><text x="58" y="32" font-family="sans-serif" font-size="22" font-weight="700" fill="#222">ACME</text></svg>';

let t: { dir: string; dispose: () => Promise<void> };
let ws: string;

async function brand(branding: Record<string, string>): Promise<void> {
  const file = path.join(ws, 'tagfit.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...settings, branding }, null, 2));
}

const score = (out: string, format: string, env: Record<string, string> = {}): Promise<CliRun> =>
  runCli(['score', '--workspace', ws, '--demo', '--out', out, '--format', format, '--now', NOW, '--quiet'], {
    env,
    timeoutMs: 120_000,
  });

beforeAll(async () => {
  t = await tempDir();
  ws = path.join(t.dir, 'client-zest');
  const demo = path.join(import.meta.dirname, '..', '..', 'resources', 'demo');
  const init = await runCli([
    'init',
    ws,
    '--tags',
    path.join(demo, 'tags.csv'),
    '--creators',
    path.join(demo, 'creators.csv'),
    '--regions',
    path.join(demo, 'regions.csv'),
  ]);
  expect(init.code, init.stderr).toBe(0);
  await mkdir(path.join(ws, 'branding'));
  await writeFile(path.join(ws, 'branding', 'logo.svg'), LOGO);
  await brand({ agency: AGENCY, client: CLIENT, logo: 'branding/logo.svg', accent: '#1f6feb' });
});
afterAll(() => t.dispose());

/** How a report's tables sit in the page, measured in the browser (a script as text: the Node-side type check has
 * no DOM): tables wider than their box, figures broken over two lines, the page's width, the figures counted. */
interface Fit {
  wide: string[];
  broken: number;
  page: number;
  figures: number;
  /** Flag names (a-word-with-hyphens) in wrapping cells (lists and figures with their flags) that a line break splits. */
  splitFlags: string[];
}
const FIT = `(() => {
  const wide = [...document.querySelectorAll('table')]
    .filter((t) => t.scrollWidth > t.parentElement.clientWidth)
    .map((t) => t.querySelector('th').textContent + ': ' + t.scrollWidth + ' > ' + t.parentElement.clientWidth);
  const figures = [...document.querySelectorAll('td.num:not(.note)')].filter((td) => td.textContent !== '');
  const broken = figures.filter((td) => {
    const r = document.createRange();
    r.selectNodeContents(td);
    return r.getClientRects().length > 1;
  }).length;
  const splitFlags = [];
  for (const td of document.querySelectorAll('td.wrap, td.note')) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.data.matchAll(/[a-z]+(?:-[a-z]+)+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        if (r.getClientRects().length > 1) splitFlags.push(m[0]);
      }
    }
  }
  return { wide, broken, page: document.documentElement.scrollWidth, figures: figures.length, splitFlags };
})()`;

describe('--format pdf with branding', () => {
  it('Markdown, HTML and PDF carry the agency and the client; the PDF has "Page 1 of N"; page 1 is looked at', async () => {
    const out = path.join(t.dir, 'reports');
    const run = await score(out, 'md,csv,html,pdf');
    expect(run.code, run.stderr).toBe(0);
    const names = await readdir(out);
    expect(names).toEqual(
      expect.arrayContaining(['US-2026-11-20.md', 'report-2026-11-20.html', 'report-2026-11-20.pdf']),
    );
    // Written whole: no temporary file left beside.
    expect(
      names.filter((n) => !/^(?:[A-Z]{2}|summary|report)-2026-11-20\.(?:md|svg|csv|html|pdf)$/.test(n)),
    ).toEqual([]);

    const md = await readFile(path.join(out, 'US-2026-11-20.md'), 'utf8');
    // The title, then the title block (a demo run also says it is simulated there).
    const head = md.split('\n').slice(0, 6);
    expect(head[0]).toBe('# Hashtag report US 2026-11-20');
    expect(head).toContain(`**Prepared by Northwind Social \\& Co for ${CLIENT}**`);
    expect(await readFile(path.join(out, 'summary-2026-11-20.md'), 'utf8')).toContain(`for ${CLIENT}**`);

    const html = await readFile(path.join(out, 'report-2026-11-20.html'), 'utf8');
    expect(html).toContain(`<p>Prepared by Northwind Social &amp; Co for ${CLIENT}</p>`);
    expect(html).toMatch(
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Logo of Northwind Social &amp; Co">/,
    );
    // The accent, with white text on it (the better contrast on #1f6feb).
    expect(html).toContain('background: #1f6feb; color: #ffffff;');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);

    const pdf = await readFile(path.join(out, 'report-2026-11-20.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPagesText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(`Prepared by ${AGENCY} for ${CLIENT}`);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    // Every page: the header names agency and client, the footer its number.
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`Prepared by ${AGENCY} for ${CLIENT}`);
      expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // Every region's report is in it.
    const all = pages.join(' ');
    for (const region of ['US', 'GB', 'DE', 'BR'])
      expect(all).toContain(`Hashtag report ${region} 2026-11-20`);

    await mkdir(SCREENSHOTS, { recursive: true });
    const browser = await launchBrowser();
    try {
      await screenshotPdfPage(browser, pdf, path.join(SCREENSHOTS, 'report-pdf-page1.png'), 1);
      await screenshotPdfPage(browser, pdf, path.join(SCREENSHOTS, 'report-pdf-page2.png'), 2);
    } finally {
      await browser.close();
    }
  });

  it('the widest table fits a laptop window and the A4 page: flags and tag names wrap, figures and flag names stay whole', async () => {
    const out = path.join(t.dir, 'fit');
    const run = await score(out, 'html');
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(out, 'report-2026-11-20.html'), 'utf8');
    // The demo has rows with two and three flags: the case that pushed the table past the page.
    expect(html.replace(/<\/?span[^>]*>/g, '')).toMatch(/<td class="wrap">[a-z-]+, [a-z-]+, [a-z-]+<\/td>/);
    // The PDF's page: A4's width less its margins, in CSS pixels at the print's zoom.
    const o = pdfOptions({ title: '', branding: null, blocks: [] });
    const a4 = Math.floor((((210 - o.marginMm.left - o.marginMm.right) / 25.4) * 96) / o.scale);
    const browser = await launchBrowser();
    try {
      for (const [width, media] of [
        [1280, 'screen'],
        [a4, 'print'],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media });
        const seen = await page.evaluate<Fit>(FIT);
        expect(seen.wide, `${media} ${width}px`).toEqual([]);
        expect(seen.page, `${media} ${width}px`).toBeLessThanOrEqual(width);
        expect(seen.broken, `${media} ${width}px`).toBe(0);
        // A flag's name stays whole ("no-recent-posts", never "no-" on one line and "recent-posts" on the next).
        expect(seen.splitFlags, `${media} ${width}px`).toEqual([]);
        expect(seen.figures).toBeGreaterThan(100);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('no browser: the PDF fails with what to install, every other format is written, and no PDF is left half', async () => {
    const out = path.join(t.dir, 'no-browser');
    const run = await score(out, 'md,html,pdf', { TAGFIT_CHROMIUM: path.join(t.dir, 'no-such-chrome') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /not every report was written: Cannot print the PDF report: TAGFIT_CHROMIUM is .*no-such-chrome, which does not exist: point it at a browser or unset it\. The other formats are written\./,
    );
    const names = await readdir(out);
    expect(names).toEqual(
      expect.arrayContaining(['US-2026-11-20.md', 'summary-2026-11-20.md', 'report-2026-11-20.html']),
    );
    expect(names.filter((n) => n.includes('.pdf') || n.includes('tmp'))).toEqual([]);
  });

  it('Ctrl-C while the PDF prints, the fetching done: the run ends as it would (exit 0, the PDF whole), not cut at 130 with nothing said', async () => {
    // The browser is started through a wrapper that leaves a mark, so the signal lands while it prints.
    const mark = path.join(t.dir, 'printing');
    const wrapper = path.join(t.dir, 'chromium-wrapper.sh');
    await writeFile(wrapper, `#!/bin/sh\ntouch '${mark}'\nexec '${findBrowser().executablePath}' "$@"\n`, {
      mode: 0o755,
    });
    const out = path.join(t.dir, 'ctrl-c-printing');
    let pid = 0;
    const running = runCli(
      ['score', '--workspace', ws, '--demo', '--out', out, '--format', 'md,html,pdf', '--now', NOW],
      { env: { TAGFIT_CHROMIUM: wrapper }, timeoutMs: 120_000, onSpawn: (p) => (pid = p) },
    );
    const poll = setInterval(() => {
      if (existsSync(mark)) {
        clearInterval(poll);
        process.kill(pid, 'SIGINT');
      }
    }, 10);
    const run = await running.finally(() => clearInterval(poll));
    expect(existsSync(mark)).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('tagfit: stopping');
    expect(run.stderr).toMatch(/^wrote .*report-2026-11-20\.pdf$/m);
    const pdf = await readFile(path.join(out, 'report-2026-11-20.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-8).toString()).toContain('%%EOF');
    expect((await readdir(out)).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('a browser that does not start: one line naming it (no call log), every other format written, exit 1', async () => {
    const broken = path.join(t.dir, 'broken-browser.sh');
    await writeFile(broken, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n', { mode: 0o755 });
    const out = path.join(t.dir, 'broken-browser');
    const run = await score(out, 'md,pdf', { TAGFIT_CHROMIUM: broken });
    expect(run.code).toBe(1);
    const line = run.stderr.split('\n').find((l) => l.includes('Cannot print the PDF report'))!;
    expect(line).toContain(`Cannot print the PDF report: ${broken} did not start as a browser (`);
    expect(line).toMatch(/\)\. The other formats are written\.$/);
    expect(run.stderr).not.toMatch(/Call log|\\u001b/);
    const names = await readdir(out);
    expect(names).toContain('summary-2026-11-20.md');
    expect(names.filter((n) => n.includes('.pdf') || n.includes('tmp'))).toEqual([]);
  });

  it('with no browser on the machine at all, the message names what to install', async () => {
    const printer = chromiumPdfPrinter(() => {
      throw new Error(
        'No Chrome or Chromium found (looked at …): install Google Chrome or Chromium, point TAGFIT_CHROMIUM at one, or run `npx playwright-core install chromium`',
      );
    });
    await expect(printer.print('<p>x</p>', {} as never)).rejects.toThrow(
      /Cannot print the PDF report: No Chrome or Chromium found .*install Google Chrome or Chromium/,
    );
  });

  it('a bad logo stops the run before any credit is spent, naming tagfit.json and branding.logo', async () => {
    await brand({ agency: AGENCY, logo: 'branding/missing.png' });
    try {
      const out = path.join(t.dir, 'bad-logo');
      const run = await score(out, 'md,pdf');
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(
        `${path.join(ws, 'tagfit.json')}, field "branding.logo": "branding/missing.png" does not exist`,
      );
      expect(await readdir(out).catch(() => [])).toEqual([]);
    } finally {
      await brand({ agency: AGENCY, client: CLIENT, logo: 'branding/logo.svg', accent: '#1f6feb' });
    }
  });
});
