// The Plan view as a user reaches it: in the browser preview, against the simulator where Brazil's evening posts
// get 3× the likes, after a run on the demo lists: Brazil's best time with its chart and week grid, "no clear best
// time" in Germany, Regenerate from the keyboard, Export writing the .ics and .csv. Screenshots light and dark land
// in .test-reports/plan-light.png and plan-dark.png (the top), plan-br-light.png and plan-br-dark.png (Brazil).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { ROOT, runCli, tempDir } from '../support/cli';
import { KEY, NOW, NOW_MS } from '../support/faults';
import {
  launchChromium,
  SCREENSHOTS,
  startPreview,
  workbenchPage,
  type Preview,
  setTheme,
} from '../support/web';

const DEMO = path.join(ROOT, 'resources', 'demo');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** axe's WCAG 2.1 A/AA rules on the Plan view (run in the page, as source text: the tests have no DOM types). */
const RUN_AXE = `(async () => {
  const r = await axe.run(document.querySelector('[role="tabpanel"]'), {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
})()`;

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let ws: string;
const pageErrors: string[] = [];

const planView = () => page.getByRole('tabpanel', { name: 'Plan' });

beforeAll(async () => {
  sim = await startSimulator({
    key: KEY,
    now: NOW_MS,
    hourEffect: { region: 'BR', fromHour: 18, toHour: 22, factor: 3 },
  });
  home = await tempDir();
  ws = path.join(home.dir, 'client-plan');
  const init = await runCli([
    'init',
    ws,
    ...['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(DEMO, `${n}.csv`)]),
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

afterAll(async () => {
  await preview?.close();
  await browser?.close();
  await sim?.close();
  await home?.dispose();
});

describe('Plan view', () => {
  it('shows the best time where it beats chance, a week grid per region, and exports the plan', async () => {
    const sideRun = page
      .getByRole('complementary', { name: 'Side bar' })
      .getByRole('button', { name: 'Run', exact: true });
    await sideRun.click();
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => sideRun.isVisible(), { timeout: 90_000, interval: 500 }).toBe(true);
    await page
      .getByRole('navigation', { name: 'Activity bar' })
      .getByRole('button', { name: 'Plan', exact: true })
      .click();
    const br = planView().getByRole('region', { name: 'Plan BR' });
    await expect.poll(() => br.textContent(), { timeout: 30_000 }).toMatch(/best time in BR: 1\d:00–2\d:00/);
    expect(await br.getByRole('img', { name: /Likes by hour of posting in BR/ }).count()).toBe(1);
    const grid = br.getByRole('table', { name: 'Plan for BR' });
    expect(await grid.getByRole('columnheader').count()).toBe(8);
    expect(await grid.getByRole('rowheader').count()).toBe(2);
    expect(await grid.getByText(/^#/).count()).toBeGreaterThan(0);
    const de = planView().getByRole('region', { name: 'Plan DE' });
    expect(await de.textContent()).toContain('no clear best time in DE');
    // Keyboard: Regenerate with the Enter key, then Export.
    await planView().getByRole('button', { name: 'Regenerate' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => br.textContent()).toMatch(/best time in BR/);
    await planView()
      .getByRole('button', { name: /^Export/ })
      .click();
    await expect.poll(() => planView().getByRole('status').textContent()).toMatch(/Exported to .*: 2 files/);
    const files = await readdir(path.join(ws, 'reports'));
    expect(files.some((f) => /^plan-\d{4}-\d{2}-\d{2}\.ics$/.test(f))).toBe(true);
    expect(files.some((f) => /^plan-\d{4}-\d{2}-\d{2}\.csv$/.test(f))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('passes axe in both themes; screenshots, light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Evaluated, not a script tag: the page's CSP refuses inline scripts.
    await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.waitForTimeout(250);
      expect(await page.evaluate(RUN_AXE), theme).toEqual([]);
      await planView().getByRole('region', { name: 'Plan US' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `plan-${theme}.png`) });
      // Brazil: the region with a best time, its window shaded in the chart.
      await planView().getByRole('region', { name: 'Plan BR' }).getByRole('heading').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `plan-br-${theme}.png`) });
    }
    const shots = await readdir(SCREENSHOTS);
    expect(shots).toContain('plan-light.png');
    expect(shots).toContain('plan-dark.png');
  }, 60_000);
});
