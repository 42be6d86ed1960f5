// The Localise view as a user reaches it: in the browser preview, against the simulator with planted local variants,
// after a run: opened from the command palette, a table per candidate with a row per region and the variant's
// evidence; Sample from the keyboard shows its credit estimate first, spends no more, and fills both scores; Add as
// candidate writes the tags list. axe passes in both themes; screenshots land in .test-reports/localize-light.png
// and localize-dark.png.
import { mkdirSync } from 'node:fs';
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
import { axeViolations } from '../support/axe';
import { tempDir } from '../support/cli';
import { DEMO_LISTS, demoWorkspace } from '../support/demo-workspace';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  expectNoPageErrors,
  launchChromium,
  previewOnSimulator,
  runCommand,
  runToEnd,
  SCREENSHOTS,
  setTheme,
  workbenchPage,
  type Preview,
} from '../support/web';

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
    'creators.csv': await readFile(path.join(DEMO_LISTS, 'creators.csv'), 'utf8'),
  });
  ws = path.join(home.dir, 'client-localize');
  await demoWorkspace(ws, home.dir);
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir, { workspace: ws });
  await page.goto(preview.url);
}, 90_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(preview, browser, sim, home));

describe('Localise view', () => {
  it('lists the variants per candidate and region, samples one from the keyboard within its estimate, adds one', async () => {
    await runToEnd(page);
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
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.waitForTimeout(250);
      expect(await axeViolations(page), theme).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `localize-${theme}.png`) });
    }
    const shots = await readdir(SCREENSHOTS);
    expect(shots).toContain('localize-light.png');
    expect(shots).toContain('localize-dark.png');
  }, 60_000);
});
