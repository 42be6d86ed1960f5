// Issue 28, items 4, 10 and 11, in the browser preview against the simulator, as a person meets them: an error says
// its cause in the alert itself and never names an API route; a decode says its cost before it spends, and it and
// creator fit say in the Output what they did; "credits this week" rises by what each job spent (the credit ledger);
// an export says each file, the count and where, notifies, and offers Open folder and Open report. Screenshots,
// light and dark, land in .test-reports/.
import { mkdirSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { tempDir } from '../support/cli';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  expectNoPageErrors,
  launchChromium,
  previewOnSimulator,
  runToEnd,
  SCREENSHOTS,
  screenshotBothThemes,
  setTheme,
  workbenchPage,
  type Preview,
  openView,
} from '../support/web';

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let empty: string;
let ws: string;
const pageErrors: string[] = [];

const sideBar = () => page.getByRole('complementary', { name: 'Side bar' });
const output = () => page.getByRole('region', { name: 'Output' });
const status = () => page.getByRole('contentinfo', { name: 'Status bar' });
const outputLines = () => output().locator('.line').allTextContents();

/** Fills a field and waits until it holds the text (a view that re-renders as the workspace settles keeps it). */
async function typeInto(field: Locator, text: string): Promise<void> {
  await expect
    .poll(async () => {
      if ((await field.inputValue()) !== text) await field.fill(text);
      return field.inputValue();
    })
    .toBe(text);
}

/** "12 credits this week" in the status bar, as a number. */
async function week(): Promise<number> {
  const m = /(\d+) credits? this week/.exec((await status().textContent()) ?? '');
  if (!m) throw new Error(`no "credits this week" in the status bar: ${await status().textContent()}`);
  return Number(m[1]);
}

/** The credits a job's Output line says it spent ("…; 7 credits."). */
const creditsOf = (line: string): number => Number(/; (\d+) credits?\.$/.exec(line)?.[1] ?? NaN);

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  const plan = { preset: 'organic' as const, requestsPerMinute: 100000 };
  empty = path.join(home.dir, 'client-empty');
  await initWorkspace(empty, { settings: plan });
  ws = path.join(home.dir, 'client');
  await initWorkspace(ws, { settings: plan });
  await writeFile(path.join(empty, 'regions.csv'), 'code\nUS\n');
  await writeFile(path.join(ws, 'regions.csv'), 'code\nUS\n');
  await writeFile(path.join(ws, 'tags.csv'), 'tag\nfounderlife\nsaasmarketing\nuxdesign\n');
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir, { workspace: empty });
  await page.goto(preview.url);
  await sideBar().getByRole('button', { name: 'Run', exact: true }).waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(browser, preview, sim, home));

describe('costs, errors and exports as a person meets them', () => {
  it('an error says its cause in the alert itself: no "Check the input", nothing behind Detail', async () => {
    await sideBar().getByRole('button', { name: 'Run', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('no candidate hashtags to score');
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/^Estimating the run.*tags\.csv: no candidate hashtags to score/);
    expect(text).not.toContain('Check the input');
    expect(await alert.getByRole('button', { name: 'Detail' }).count()).toBe(0);
    await screenshotBothThemes(page, 'costs-error-cause');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    // The client's workspace, with its candidates.
    await page.keyboard.press('ControlOrMeta+O');
    const d = page.getByRole('dialog', { name: 'Open workspace' });
    await d.getByLabel('Folder').fill(ws);
    await d.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => status().textContent()).toContain('client');
    await expect.poll(week).toBe(0);
  }, 120_000);

  it('creator fit names a missing account without an API route, says what it did, and its credits count', async () => {
    await openView(page, 'Creator fit');
    const panel = page.getByRole('tabpanel', { name: 'Creator fit' });
    await typeInto(page.getByLabel('Creator usernames'), '@acme_designs, @nosuchcreator_zz');
    await panel.getByRole('button', { name: 'Score creators' }).click();
    await expect
      .poll(async () => (await outputLines()).find((l) => l.includes('by fit')), { timeout: 60_000 })
      .toBeDefined();
    const line = (await outputLines()).find((l) => l.includes('by fit'))!;
    expect(line).toMatch(
      /Scored 1 creator by fit: @acme_designs first; 1 failed \(@nosuchcreator_zz: No TikTok account @nosuchcreator_zz\); \d+ credits?\.$/,
    );
    expect(await panel.textContent()).toContain('No TikTok account @nosuchcreator_zz');
    expect(await page.locator('body').textContent()).not.toMatch(/GET \/|userinfo-by-username/);
    await expect.poll(week).toBe(creditsOf(line));
    await screenshotBothThemes(page, 'costs-creator-fit');
  }, 120_000);

  it('decode asks first, with its cost; Enter twice starts it; "credits this week" rises by what it spent', async () => {
    const before = await week();
    await openView(page, 'Competitors');
    const field = page.getByLabel('Competitor usernames');
    await typeInto(field, '@studio_north');
    const confirm = page.getByRole('dialog', { name: 'Confirm the decode' });
    // Enter in the field asks first (Escape: nothing spent), as a person would try it in each theme.
    for (const t of ['dark', 'light'] as const) {
      await setTheme(page, t);
      await field.press('Enter');
      await expect.poll(() => confirm.isVisible()).toBe(true);
      expect(await confirm.textContent()).toContain(
        'Reading the last 60 posts of 1 competitor: up to 3 credits (less for what the cache holds). Then each hashtag found is scored in 1 region (US): about',
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, `costs-decode-confirm-${t}.png`) });
      // Nothing is spent before the confirmation.
      expect(await status().textContent()).not.toMatch(/Decoding/);
      expect(await week()).toBe(before);
      if (t === 'dark') {
        await page.keyboard.press('Escape');
        await expect.poll(() => confirm.count()).toBe(0);
      }
    }
    // Start decode has the focus: the second Enter starts it.
    await page.keyboard.press('Enter');
    const tags = page.getByRole('tabpanel', { name: 'Competitors' }).getByRole('region', {
      name: 'Tags of @studio_north',
    });
    await expect.poll(() => tags.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect
      .poll(async () => (await outputLines()).find((l) => l.includes('Decoded @studio_north')))
      .toBeDefined();
    const line = (await outputLines()).find((l) => l.includes('Decoded @studio_north'))!;
    expect(line).toMatch(
      /Decoded @studio_north \(\d+ posts, \d+ hashtags\): \d+ tags scored in US; \d+ credits\.$/,
    );
    const spent = creditsOf(line);
    expect(spent).toBeGreaterThan(3);
    await expect.poll(week).toBe(before + spent);
    // History's account of the ledger shows the decode apart.
    await openView(page, 'History');
    const ledger = page.getByRole('region', { name: 'Credits spent' });
    await expect.poll(() => ledger.textContent()).toContain(`competitor decodes${spent}`);
  }, 120_000);

  it('export says each file, the count and where; notifies; Open folder and Open report go through main', async () => {
    await openView(page, 'Results');
    await runToEnd(page, { finished: true, timeout: 60_000 });
    const out = path.join(home.dir, 'exported');
    await page.keyboard.press('ControlOrMeta+E');
    const dialog = page.getByRole('dialog', { name: 'Export reports' });
    await dialog.getByLabel('Folder').fill(out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const said = dialog.getByRole('status');
    await expect
      .poll(() => said.textContent(), { timeout: 60_000 })
      .toMatch(/^Exported 1 region in \d formats/);
    const files = await readdir(out);
    expect(await said.textContent()).toMatch(
      new RegExp(`: ${files.length} files to ${out.replace(/[/\\.]/g, '\\$&')}\\.$`),
    );
    const lines = await outputLines();
    expect(lines.filter((l) => /Wrote \S/.test(l))).toHaveLength(files.length);
    const summary = (await said.textContent()) ?? '';
    expect(lines.some((l) => l.includes(`Notification: Reports exported: ${summary}`))).toBe(true);
    await screenshotBothThemes(page, 'export-done');
    await dialog.getByRole('button', { name: 'Open folder' }).click();
    await expect
      .poll(async () => (await outputLines()).some((l) => l.includes(`Open: ${out} (the browser preview`)))
      .toBe(true);
    await dialog.getByRole('button', { name: 'Open report' }).click();
    await expect
      .poll(async () => (await outputLines()).some((l) => /Open: .*report-\d{4}-\d{2}-\d{2}\.html/.test(l)))
      .toBe(true);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  }, 180_000);
});
