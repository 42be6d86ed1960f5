// `npm run smoke`: one smoke test, as a user would do it, on any of the app's targets: open the demo workspace, run
// it on the built-in simulator, re-weight, export, and check the reports on disk. Here it drives the browser
// preview (npm run web); in CI (.github/workflows/smoke.yml) the built or packaged app, through Playwright's
// Electron launcher. The steps are the same page actions on both: only how the page is had differs.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { _electron, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The demo workspace's regions (resources/demo/regions.csv). */
const DEMO_REGIONS = ['US', 'GB', 'DE', 'BR'];
/** A step waits at most this long before the smoke fails, naming the step (a bound on failing, not on speed). */
const STEP_MS = 120_000;

export interface SmokeTarget {
  name: string;
  page: Page;
  close(): Promise<void>;
}

export interface SmokeReport {
  target: string;
  exportDir: string;
  files: string[];
  /** Per region, the first tag of the grid after the re-weight, as the CSV report has it too. */
  topTags: Record<string, string>;
}

/** Waits until `check` answers a value that is not undefined/false; fails with `what` after STEP_MS. */
async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > STEP_MS)
      throw new Error(`smoke: ${what} did not happen${last ? ` (${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const sideBar = (page: Page) => page.getByRole('complementary', { name: 'Side bar' });
const statusWith = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

/** A region's result tags in the order the grid shows them (AG Grid moves rows without moving their nodes). */
function gridColumn(page: Page, region: string, col: string): Promise<string[]> {
  return page
    .getByRole('region', { name: `Results ${region}` })
    .getByRole('grid')
    .evaluate((root, c) => {
      const rows = [...root.querySelectorAll('[role="row"][row-index]')].sort(
        (a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')),
      );
      return rows
        .map((r) => r.querySelector(`[role="gridcell"][col-id="${c}"]`)?.textContent ?? null)
        .filter((t): t is string => t !== null);
    }, col);
}

async function showRegion(page: Page, region: string): Promise<void> {
  await page
    .getByRole('tablist', { name: 'Regions of the results' })
    .getByRole('tab', { name: region, exact: true })
    .click();
}

/** The smoke itself: the same page actions whatever the target. */
export async function runSmoke(
  target: SmokeTarget,
  log: (line: string) => void = () => {},
): Promise<SmokeReport> {
  const { page } = target;
  log(`smoke (${target.name}): open the demo workspace`);
  await until('the workbench showing', () =>
    page.getByRole('navigation', { name: 'Activity bar' }).isVisible(),
  );
  // The welcome view on a first start; else (the app reopened its last workspace) the command palette.
  const demo = page.getByRole('button', { name: 'Open the demo', exact: true });
  const start = await until('the welcome view or a reopened workspace', async () =>
    (await demo.isVisible())
      ? 'welcome'
      : (await page.getByRole('tab', { name: /^Results/ }).count()) > 0
        ? 'workspace'
        : undefined,
  );
  if (start === 'welcome') await demo.click();
  else {
    await page.keyboard.press('ControlOrMeta+Shift+P');
    await page.keyboard.type('Open the demo workspace');
    await page.keyboard.press('Enter');
  }
  await until('the demo workspace opening', async () =>
    (await page.getByRole('contentinfo', { name: 'Status bar' }).textContent())?.includes('Demo'),
  );

  log(`smoke (${target.name}): run it on the simulator`);
  await sideBar(page).getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Confirm the run' })
    .getByRole('button', { name: 'Start run' })
    .click();
  await until('the run finishing', async () => (await statusWith(page, 'Finished:').count()) > 0);
  const before: Record<string, string[]> = {};
  for (const region of DEMO_REGIONS) {
    await showRegion(page, region);
    before[region] = await until(`results for ${region}`, async () => {
      const tags = await gridColumn(page, region, 'tag');
      return tags.length > 0 ? tags : undefined;
    });
  }
  await showRegion(page, DEMO_REGIONS[0]!);
  const scoresBefore = await until('the first region again', () =>
    gridColumn(page, DEMO_REGIONS[0]!, 'score'),
  );

  log(`smoke (${target.name}): re-weight (density only)`);
  for (const [label, value] of [
    ['Velocity weight', '0'],
    ['Density weight', '1'],
    ['Overlap weight', '0'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).press('Enter');
  }
  await until(
    'the re-score from the samples in hand',
    async () => (await statusWith(page, 'Re-scored from the samples in hand: 0 credits.').count()) > 0,
  );
  await showRegion(page, DEMO_REGIONS[0]!);
  await until('the scores changing with the weights', async () => {
    const now = await gridColumn(page, DEMO_REGIONS[0]!, 'score');
    return now.length > 0 && now.join('|') !== scoresBefore.join('|');
  });
  const topTags: Record<string, string> = {};
  for (const region of DEMO_REGIONS) {
    await showRegion(page, region);
    topTags[region] = (
      await until(`re-scored results for ${region}`, async () => (await gridColumn(page, region, 'tag'))[0])
    ).replace(/^#/, '');
  }

  log(`smoke (${target.name}): export`);
  await page.getByRole('button', { name: 'Export reports' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Export reports' });
  // The folder shown: typed in the preview (an input), the workspace's own in the app (an output).
  const exportDir = await dialog
    .locator('#export-dir')
    .evaluate((el) => (el as unknown as { value: string }).value);
  if (!exportDir) throw new Error('smoke: the export dialog shows no folder');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const files = await until('the reports on disk', async () => {
    const names = await readdir(exportDir).catch(() => [] as string[]);
    return names.some((n) => n.endsWith('.html')) ? names.sort() : undefined;
  });

  log(`smoke (${target.name}): check the reports in ${exportDir}`);
  await checkReports(exportDir, files, topTags);
  return { target: target.name, exportDir, files, topTags };
}

/** The reports as a user opens them: every region's Markdown, CSV and chart, the summary and the HTML, with the
 * re-weighted ranking (the first tag of each region's CSV is the grid's). */
export async function checkReports(
  dir: string,
  files: readonly string[],
  topTags: Record<string, string>,
): Promise<void> {
  const find = (re: RegExp, what: string): string => {
    const f = files.find((n) => re.test(n));
    if (!f) throw new Error(`smoke: no ${what} in ${dir} (found: ${files.join(', ')})`);
    return f;
  };
  for (const region of DEMO_REGIONS) {
    const stem = `${region}-\\d{4}-\\d{2}-\\d{2}`;
    const md = await readFile(
      path.join(dir, find(new RegExp(`^${stem}\\.md$`), `${region} Markdown`)),
      'utf8',
    );
    if (!md.startsWith(`# Hashtag report ${region} `))
      throw new Error(`smoke: ${region}'s Markdown report does not start with its title`);
    find(new RegExp(`^${stem}\\.svg$`), `${region} chart`);
    const csv = parse(
      await readFile(path.join(dir, find(new RegExp(`^${stem}\\.csv$`), `${region} CSV`)), 'utf8'),
      { columns: true, skip_empty_lines: true },
    ) as Record<string, string>[];
    if (csv.length === 0) throw new Error(`smoke: ${region}'s CSV report has no rows`);
    const first = csv.find((r) => r.rank === '1');
    if (first?.tag?.replace(/^#/, '') !== topTags[region])
      throw new Error(
        `smoke: ${region}'s CSV ranks #${first?.tag} first, the workbench #${topTags[region]} (the re-weight did not reach the export)`,
      );
  }
  find(/^summary-\d{4}-\d{2}-\d{2}\.md$/, 'summary');
  const html = await readFile(
    path.join(dir, find(/^report-\d{4}-\d{2}-\d{2}\.html$/, 'HTML report')),
    'utf8',
  );
  if (!/^<!doctype html>/i.test(html)) throw new Error('smoke: the HTML report is not an HTML document');
  for (const region of DEMO_REGIONS)
    if (!html.includes(region)) throw new Error(`smoke: the HTML report does not mention ${region}`);
}

/** The browser preview (npm run web) in the Chromium the tests find, with settings in a folder of its own. */
export async function previewTarget(): Promise<SmokeTarget> {
  // Test support: the preview as a user starts it, and the browser discovery (system, Playwright's, @sparticuz).
  const { launchBrowser } = await import('../src/core/browser/discovery');
  const { startPreview } = await import('../test/support/web');
  const data = await mkdtemp(path.join(os.tmpdir(), 'tagfit-smoke-'));
  const preview = await startPreview(['--data-dir', data]);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(preview.url);
  return {
    name: 'preview',
    page,
    async close() {
      await browser.close();
      await preview.close();
      await rm(data, { recursive: true, force: true });
    },
  };
}

/**
 * The app through Playwright's Electron launcher: the packaged executable if given, else the build in out/ (run
 * `npx electron-vite build` first). Needs an Electron binary, which CI downloads; machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 have none.
 */
export async function electronTarget(executablePath?: string): Promise<SmokeTarget> {
  const app = await _electron
    .launch({
      // From a checkout, `electron .` as npm start does: package.json's main is out/main/index.js.
      ...(executablePath ? { executablePath, args: [] } : { args: [ROOT] }),
      cwd: ROOT,
      env: { ...process.env, TIKLIVE_KEY: '' } as Record<string, string>,
    })
    .catch((e: unknown) => {
      throw new Error(
        `smoke: Electron did not start (${(e as Error).message.split('\n')[0]}). Where the install skipped its ` +
          'binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1), fetch it with node node_modules/electron/install.js, or ' +
          'run the smoke against the preview (npm run smoke).',
      );
    });
  const page = await app.firstWindow();
  return { name: executablePath ? 'packaged app' : 'built app', page, close: () => app.close() };
}

async function main(argv: readonly string[]): Promise<void> {
  const at = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const which = at('--target') ?? 'preview';
  if (which !== 'preview' && which !== 'electron')
    throw new Error(`--target is preview or electron (got ${which})`);
  const target = which === 'preview' ? await previewTarget() : await electronTarget(at('--executable'));
  try {
    const r = await runSmoke(target, (line) => process.stderr.write(`${line}\n`)).catch(
      async (e: unknown) => {
        // What the window showed when the smoke failed: CI keeps the folder.
        const shot = path.join(ROOT, '.test-reports', `smoke-failure-${which}.png`);
        await target.page.screenshot({ path: shot }).catch(() => undefined);
        throw Object.assign(e as Error, { message: `${(e as Error).message}\n(screenshot: ${shot})` });
      },
    );
    process.stdout.write(
      `smoke passed on the ${r.target}: ${r.files.length} report files in ${r.exportDir}; first after the re-weight: ${Object.entries(
        r.topTags,
      )
        .map(([k, v]) => `${k} #${v}`)
        .join(', ')}\n`,
    );
  } finally {
    await target.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
