// Number fields as a user types into them, in the browser preview against the simulator: a field can be cleared
// and retyped (Plan's Weeks: select all, Backspace, "4" is 4, not 14), a value it does not take stays as typed,
// marked invalid with its range said, and is not used (the window of the side bar, Regenerate), and a setting
// refused on saving is named by its label beside the field, never by an IPC route or a key of tagfit.json.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { tempDir } from '../support/cli';
import { demoWorkspace } from '../support/demo-workspace';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  expectNoPageErrors,
  launchChromium,
  openView,
  previewOnSimulator,
  runToEnd,
  SCREENSHOTS,
  workbenchPage,
  type Preview,
} from '../support/web';

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
const pageErrors: string[] = [];

const planView = () => page.getByRole('tabpanel', { name: 'Plan' });
const invalid = (label: string) => page.getByLabel(label, { exact: true }).getAttribute('aria-invalid');

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  const ws = path.join(home.dir, 'client-fields');
  await demoWorkspace(ws);
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir, { workspace: ws });
  await page.goto(preview.url);
}, 90_000);

afterAll(() => closeAll(preview, browser, sim, home));

describe('number fields', () => {
  it("Plan's Weeks and Posts a week can be cleared and retyped; empty is marked and not used", async () => {
    await runToEnd(page);
    await openView(page, 'Plan');
    const weeks = planView().getByLabel('Weeks', { exact: true });
    const perWeek = planView().getByLabel('Posts a week', { exact: true });
    const regenerate = planView().getByRole('button', { name: 'Regenerate' });
    await weeks.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    expect(await weeks.inputValue()).toBe('');
    expect(await invalid('Weeks')).toBe('true');
    expect(await planView().textContent()).toContain('Weeks: a whole number from 1 to 26.');
    expect(await regenerate.isDisabled()).toBe(true);
    await page.keyboard.type('4');
    expect(await weeks.inputValue()).toBe('4');
    expect(await invalid('Weeks')).toBe('false');
    await perWeek.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7');
    expect(await perWeek.inputValue()).toBe('7');
    await perWeek.fill('15');
    expect(await invalid('Posts a week')).toBe('true');
    expect(await planView().textContent()).toContain('Posts a week: a whole number from 1 to 14.');
    await perWeek.fill('7');
    await regenerate.click();
    // The plan made is the one the fields show: four weeks, a row per week.
    const grid = planView().getByRole('table').first();
    await expect.poll(() => grid.getByRole('rowheader').count()).toBe(4);
    expectNoPageErrors(pageErrors);
  }, 180_000);

  it('a window the scoring does not take stays as typed, marked with its range, and is not used', async () => {
    const field = page.getByLabel('Velocity window in days', { exact: true });
    const before = await field.inputValue();
    for (const bad of ['0', 'abc', '400']) {
      await field.fill(bad);
      await field.press('Enter');
      expect(await field.inputValue()).toBe(bad);
      expect(await invalid('Velocity window in days')).toBe('true');
      expect(await page.getByRole('complementary', { name: 'Side bar' }).textContent()).toContain(
        'Window (days): a whole number from 1 to 365.',
      );
    }
    await field.press('Escape');
    expect(await field.inputValue()).toBe(before);
    expect(await invalid('Velocity window in days')).toBe('false');
    expectNoPageErrors(pageErrors);
  }, 60_000);

  it('a weight the scoring does not take stays as typed, marked with its range, and is not used', async () => {
    const field = page.getByLabel('Velocity weight', { exact: true });
    const before = await field.inputValue();
    const scores = async (): Promise<string> =>
      (await page.getByRole('complementary', { name: 'Side bar' }).textContent()) ?? '';
    for (const bad of ['-1', '11', 'abc']) {
      await field.fill(bad);
      await field.press('Enter');
      expect(await field.inputValue()).toBe(bad);
      expect(await invalid('Velocity weight')).toBe('true');
      expect(await scores()).toMatch(/Velocity: a number from 0 to 10\./);
    }
    await page
      .getByRole('complementary', { name: 'Side bar' })
      .screenshot({ path: path.join(SCREENSHOTS, 'weight-invalid.png') });
    // Not used: the slider still shows the weight in use.
    expect(await page.getByLabel('Velocity weight slider').inputValue()).toBe(
      String(Math.min(1, Number(before))),
    );
    await field.press('Escape');
    expect(await field.inputValue()).toBe(before);
    expect(await invalid('Velocity weight')).toBe('false');
    expectNoPageErrors(pageErrors);
  }, 60_000);

  it("Watch's hour and rules and the tag set's count keep what is typed; out of range, marked and not used", async () => {
    await openView(page, 'Watch');
    const watch = page.getByRole('tabpanel', { name: 'Watch' });
    const save = watch.getByRole('button', { name: 'Save the schedule and rules' });
    const hour = watch.getByLabel('Hour (local time)', { exact: true });
    await hour.fill('');
    await page.keyboard.type('25');
    expect(await hour.inputValue()).toBe('25');
    expect(await invalid('Hour (local time)')).toBe('true');
    expect(await watch.textContent()).toContain('Hour (local time): a whole number from 0 to 23.');
    expect(await save.isDisabled()).toBe(true);
    await hour.fill('7');
    expect(await invalid('Hour (local time)')).toBe('false');
    expect(await save.isDisabled()).toBe(false);

    await openView(page, 'Suggestions');
    const count = page.getByLabel('Tags in the set', { exact: true });
    await count.fill('0');
    expect(await count.inputValue()).toBe('0');
    expect(await invalid('Tags in the set')).toBe('true');
    expect(await page.getByRole('tabpanel', { name: 'Suggestions' }).textContent()).toContain(
      'Tags in the set: a whole number from 1 to 30.',
    );
    await count.fill('3');
    await expect
      .poll(() => page.getByRole('list', { name: 'Tag set US' }).getByRole('listitem').count())
      .toBe(3);
    expectNoPageErrors(pageErrors);
  }, 60_000);

  it('settings refused on saving: each named by its label beside its field, all of them, no route', async () => {
    await openView(page, 'Settings');
    const settings = page.getByRole('region', { name: 'Workspace settings' });
    await settings.getByLabel('Cache lifetime (hours)', { exact: true }).fill('-5');
    await settings.getByLabel('Velocity window (days)', { exact: true }).fill('400');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Cache lifetime (hours): must be 0 or more');
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('Velocity window (days): must be 365 or less');
    expect(said).not.toMatch(/IPC|settings:save-workspace|cacheMaxAgeHours|windowDays/);
    expect(await invalid('Cache lifetime (hours)')).toBe('true');
    expect(await invalid('Velocity window (days)')).toBe('true');
    expect(await settings.textContent()).toContain('must be 0 or more');
    // Fixed and saved again: the marks and the alert go.
    await settings.getByLabel('Cache lifetime (hours)', { exact: true }).fill('24');
    await settings.getByLabel('Velocity window (days)', { exact: true }).fill('14');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    expect(await invalid('Cache lifetime (hours)')).not.toBe('true');
    expectNoPageErrors(pageErrors);
  }, 60_000);
});
