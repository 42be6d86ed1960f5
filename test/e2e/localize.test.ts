// The Localise view as a user reaches it: in the browser preview, against the simulator with planted local variants,
// after a run: opened from the command palette, a table per candidate with a row per region and the variant's
// evidence; Sample from the keyboard shows its credit estimate first, spends no more, and fills both scores; Add as
// candidate writes the tags list. axe passes in both themes; screenshots land in .test-reports/localize-light.png
// and localize-dark.png.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDemoDataset,
  startSimulator,
  type SimulatorHandle,
  withPlantedVariants,
} from '../../src/core/simulator';
import { ROOT, runCli, tempDir } from '../support/cli';
import { KEY, NOW, NOW_MS } from '../support/faults';
import {
  expectNoPageErrors,
  launchChromium,
  runCommand,
  SCREENSHOTS,
  setTheme,
  startPreview,
  workbenchPage,
  type Preview,
} from '../support/web';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RUN_AXE = `(async () => {
  const r = await axe.run(document.querySelector('[role="tabpanel"]'), {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
})()`;
const TAGS = ['smallbusinesscheck', 'marketingtips', 'startuplife', 'founderlife', 'aitools', 'designtok'];
const REGIONS = ['US', 'GB', 'DE', 'FR', 'BR'];

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let ws: string;
const pageErrors: string[] = [];

const view = () => page.getByRole('tabpanel', { name: 'Localise' });

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS, dataset: withPlantedVariants(buildDemoDataset()) });
  home = await tempDir({
    'tags.csv': `tag\n${TAGS.join('\n')}\n`,
    'regions.csv': `code\n${REGIONS.join('\n')}\n`,
    'creators.csv': await readFile(path.join(ROOT, 'resources', 'demo', 'creators.csv'), 'utf8'),
  });
  ws = path.join(home.dir, 'client-localize');
  const init = await runCli([
    'init',
    ws,
    ...['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(home.dir, `${n}.csv`)]),
  ]);
  expect(init.code, init.stderr).toBe(0);
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await startPreview(
    ['--api-base', sim.url, '--now', NOW, '--data-dir', path.join(home.dir, 'app'), '--workspace', ws],
    { TIKLIVE_KEY: KEY },
  );
  await page.goto(preview.url);
}, 90_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(async () => {
  await preview?.close();
  await browser?.close();
  await sim?.close();
  await home?.dispose();
});

describe('Localise view', () => {
  it('lists the variants per candidate and region, samples one from the keyboard within its estimate, adds one', async () => {
    const sideRun = page
      .getByRole('complementary', { name: 'Side bar' })
      .getByRole('button', { name: 'Run', exact: true });
    await sideRun.click();
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => sideRun.isVisible(), { timeout: 90_000, interval: 500 }).toBe(true);
    await runCommand(page, 'View: Localise');
    const sbc = view().getByRole('region', { name: 'Local variants of #smallbusinesscheck' });
    await sbc.waitFor({ timeout: 30_000 });
    const table = sbc.getByRole('table', { name: 'Local variants of #smallbusinesscheck by region' });
    const de = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'DE' }) });
    expect(await de.textContent()).toMatch(
      /#kleinunternehmen.*on \d+ of \d+ posts of #smallbusinesscheck in DE/,
    );
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining(['DE', 'FR']),
    );
    // Sample: the estimate is on the button before anything is spent.
    const sample = de.getByRole('button', { name: /^Sample \(.*\) #kleinunternehmen in DE$/ });
    const label = (await sample.getAttribute('aria-label'))!;
    const est = /^Sample \((?:(\d+)–)?(\d+) credits?\)/.exec(label);
    expect(est, label).not.toBeNull();
    const before = sim.stats().credits;
    await sample.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => view().getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/#kleinunternehmen in DE: \d+ credits? spent/);
    expect(sim.stats().credits - before).toBeLessThanOrEqual(Number(est![2]));
    const cells = await de.getByRole('cell').allTextContents();
    expect(cells.filter((c) => /^\d+\.\d\d$/.test(c))).toHaveLength(2);
    expect(await de.textContent()).toMatch(/in DE (post with #kleinunternehmen|keep #smallbusinesscheck)/);
    // Add as candidate: the tags list gains it.
    await de.getByRole('button', { name: 'Add as candidate #kleinunternehmen' }).click();
    await de.getByRole('button', { name: 'A candidate #kleinunternehmen' }).waitFor();
    await expect.poll(() => readFile(path.join(ws, 'tags.csv'), 'utf8')).toMatch(/^kleinunternehmen$/m);
  }, 240_000);

  it('passes axe in both themes; screenshots, light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.waitForTimeout(250);
      expect(await page.evaluate(RUN_AXE), theme).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `localize-${theme}.png`) });
    }
    const shots = await readdir(SCREENSHOTS);
    expect(shots).toContain('localize-light.png');
    expect(shots).toContain('localize-dark.png');
  }, 60_000);
});
