// The Plan view as a user reaches it: in the browser preview, against the simulator where Brazil's evening posts
// get 3× the likes, after a run on the demo lists: Brazil's best time with its chart and week grid, "no clear best
// time" in Germany, Regenerate from the keyboard, Export writing the .ics and .csv. Screenshots light and dark land
// in .test-reports/plan-light.png and plan-dark.png (the top), plan-br-light.png and plan-br-dark.png (Brazil).
import { mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { axeViolations } from '../support/axe';
import { tempDir } from '../support/cli';
import { demoWorkspace } from '../support/demo-workspace';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  launchChromium,
  openView,
  previewOnSimulator,
  runToEnd,
  SCREENSHOTS,
  setTheme,
  workbenchPage,
  type Preview,
} from '../support/web';

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
  await demoWorkspace(ws);
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir, { workspace: ws });
  await page.goto(preview.url);
}, 90_000);

afterAll(() => closeAll(preview, browser, sim, home));

describe('Plan view', () => {
  it('shows the best time where it beats chance, a week grid per region, and exports the plan', async () => {
    await runToEnd(page);
    await openView(page, 'Plan');
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
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.waitForTimeout(250);
      expect(await axeViolations(page), theme).toEqual([]);
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
