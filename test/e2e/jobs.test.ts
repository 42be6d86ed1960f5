// Jobs that outlive a view switch, in the browser preview against the simulator: the progress and then the result
// of a decode, creator fit, the track record and a score run are still there after the user looks at another
// view; Cancel stops a decode; Ctrl/Cmd+N and Ctrl/Cmd+O open their folder dialogs (the preview has no native
// one). Screenshots of Competitors and Creator fit mid-job land in .test-reports/.
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { tempDir } from '../support/cli';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  expectNoPageErrors,
  folderDialog,
  gridColumn,
  launchChromium,
  openView,
  previewOnSimulator,
  SCREENSHOTS,
  startRun,
  workbenchPage,
  type Preview,
} from '../support/web';

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let ws: string;
let other: string;
const pageErrors: string[] = [];

const status = () => page.getByRole('contentinfo', { name: 'Status bar' });
const competitors = () => page.getByRole('tabpanel', { name: 'Competitors' });

/** Decode says its cost first, as Run does: Start decode in its confirmation. */
async function confirmDecode(): Promise<void> {
  const d = page.getByRole('dialog', { name: 'Confirm the decode' });
  await d.getByRole('button', { name: 'Start decode' }).click();
  await expect.poll(() => d.count()).toBe(0);
}

/** The tags a decode listed, per competitor section. */
const decodedSections = (): Promise<string[]> =>
  competitors()
    .getByRole('region', { name: /^Tags of @/ })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

/** The Results grid's tags in the order it shows them (AG Grid moves rows without moving their DOM nodes). */
const resultTags = (): Promise<string[]> =>
  gridColumn(page.getByRole('region', { name: 'Results US' }), 'tag');

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  ws = path.join(home.dir, 'client-jobs');
  other = path.join(home.dir, 'client-other');
  // The lists a user would have pasted: a new workspace keeps list files already in its folder.
  await mkdir(ws, { recursive: true });
  await writeFile(path.join(ws, 'regions.csv'), 'code\nUS\n');
  await writeFile(path.join(ws, 'tags.csv'), 'tag\nfounderlife\nsaasmarketing\nuxdesign\n');
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir);
  await page.goto(preview.url);
}, 90_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(browser, preview, sim, home));

describe('jobs that outlive a view switch', () => {
  it('Ctrl/Cmd+N opens the new-workspace dialog and Ctrl/Cmd+O the open one; each does what it says', async () => {
    await expect.poll(() => status().textContent()).toContain('Key set');
    await folderDialog(page, 'N', 'New workspace', other, 'Create');
    await expect.poll(() => status().textContent()).toContain('client-other');
    await folderDialog(page, 'N', 'New workspace', ws, 'Create');
    await expect.poll(() => status().textContent()).toContain('client-jobs');
    expect(await readFile(path.join(ws, 'regions.csv'), 'utf8')).toBe('code\nUS\n');
    await folderDialog(page, 'O', 'Open workspace', other, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-other');
    // Escape closes the dialog and opens nothing.
    await page.keyboard.press('ControlOrMeta+O');
    await expect.poll(() => page.getByRole('dialog', { name: 'Open workspace' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Open workspace' }).count()).toBe(0);
    await folderDialog(page, 'O', 'Open workspace', ws, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-jobs');
    // The simulator has no plan: a big one, as in Settings.
    await openView(page, 'Settings');
    await page.getByLabel('Plan: requests per minute').fill('100000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).requestsPerMinute)
      .toBe(100000);
  }, 120_000);

  it('Cancel stops a decode: said so, and the next job can start', async () => {
    await openView(page, 'Competitors');
    const release = sim.hold();
    try {
      await page.getByLabel('Competitor usernames').fill('@acme_designs, @studio_north');
      await competitors().getByRole('button', { name: 'Decode', exact: true }).click();
      await confirmDecode();
      const progress = page.getByRole('group', { name: 'Decode progress' });
      await expect.poll(() => progress.isVisible()).toBe(true);
      await progress.getByRole('button', { name: 'Cancel decode' }).click();
      await expect
        .poll(() => competitors().getByRole('status').filter({ hasText: 'Decode cancelled' }).count(), {
          timeout: 30_000,
        })
        .toBe(1);
      expect(await progress.count()).toBe(0);
    } finally {
      release();
    }
    // Main let the job go: a decode now is not refused as "a run is already going".
    expect(await competitors().getByRole('button', { name: 'Decode', exact: true }).isEnabled()).toBe(true);
  }, 120_000);

  it('a decode’s progress and then its result are still there after switching views', async () => {
    await openView(page, 'Competitors');
    const release = sim.hold();
    try {
      await page.getByLabel('Competitor usernames').fill('@acme_designs');
      await competitors().getByRole('button', { name: 'Decode', exact: true }).click();
      await confirmDecode();
      const progress = page.getByRole('group', { name: 'Decode progress' });
      await expect.poll(() => progress.isVisible()).toBe(true);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'jobs-decode-progress.png') });
      await openView(page, 'Results');
      expect(await progress.count()).toBe(0);
      // Whatever view is open, the status bar says a decode is going.
      expect(await status().textContent()).toMatch(/Decoding: 0 of 1 competitors · 0 credits/);
      await openView(page, 'Competitors');
      // Back: the same job's progress, and the question it was asked.
      expect(await progress.isVisible()).toBe(true);
      expect(await page.getByLabel('Competitor usernames').inputValue()).toBe('@acme_designs');
      await openView(page, 'Settings');
    } finally {
      release();
    }
    // The decode ends while another view shows; its result waits in Competitors.
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await openView(page, 'Competitors');
    await expect.poll(decodedSections, { timeout: 60_000 }).toEqual(['Tags of @acme_designs']);
    expect(await page.getByRole('group', { name: 'Decode progress' }).count()).toBe(0);
    const tags = await competitors().getByRole('region', { name: 'Tags of @acme_designs' }).textContent();
    await openView(page, 'History');
    await openView(page, 'Competitors');
    expect(await competitors().getByRole('region', { name: 'Tags of @acme_designs' }).textContent()).toBe(
      tags,
    );
  }, 120_000);

  it('Creator fit: its progress with Cancel, then its ranking, stay across a view switch', async () => {
    await openView(page, 'Creator fit');
    const panel = page.getByRole('tabpanel', { name: 'Creator fit' });
    const progress = page.getByRole('group', { name: 'Creator fit progress' });
    const release = sim.hold();
    try {
      await page.getByLabel('Creator usernames').fill('@acme_designs, @studio_north');
      await panel.getByRole('button', { name: 'Score creators' }).click();
      await expect.poll(() => progress.isVisible()).toBe(true);
      expect(await progress.getByRole('button', { name: 'Cancel creator fit' }).isEnabled()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'jobs-creator-fit-progress.png') });
      await openView(page, 'Watch');
      await openView(page, 'Creator fit');
      expect(await progress.isVisible()).toBe(true);
    } finally {
      release();
    }
    const ranked = panel.getByRole('table', { name: 'Creators ranked by fit' });
    await expect.poll(() => ranked.getByRole('row').count(), { timeout: 60_000 }).toBe(3);
    const text = await ranked.textContent();
    expect(text).toContain('@acme_designs');
    await openView(page, 'Watch');
    await openView(page, 'Creator fit');
    expect(await ranked.textContent()).toBe(text);
  }, 120_000);

  it('a score run’s progress and its results survive a view switch', async () => {
    await openView(page, 'Results');
    const release = sim.hold();
    try {
      await startRun(page);
      await expect.poll(() => page.getByLabel('Run progress').isVisible()).toBe(true);
      await openView(page, 'Competitors');
      await openView(page, 'Results');
      expect(await page.getByLabel('Run progress').isVisible()).toBe(true);
    } finally {
      release();
    }
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Finished:' }).count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect.poll(async () => (await resultTags()).length).toBe(3);
    const before = await resultTags();
    await openView(page, 'Creator fit');
    await openView(page, 'Results');
    await expect.poll(resultTags).toEqual(before);
  }, 120_000);
  it('the track record: its progress, then its verdict, stay in History across a view switch', async () => {
    await openView(page, 'Settings');
    await page.getByLabel('Your own accounts', { exact: true }).fill('@tagfit_follows');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).ownAccounts)
      .toEqual(['tagfit_follows']);
    await openView(page, 'History');
    const record = page.getByRole('region', { name: 'Track record' });
    const progress = record.getByRole('group', { name: 'Track record progress' });
    const release = sim.hold();
    try {
      await record.getByRole('button', { name: 'Check the ranking against my posts' }).click();
      await expect.poll(() => progress.isVisible()).toBe(true);
      expect(await progress.getByRole('button', { name: 'Cancel track record' }).isEnabled()).toBe(true);
      await openView(page, 'Candidates');
      await openView(page, 'History');
      expect(await progress.isVisible()).toBe(true);
    } finally {
      release();
    }
    const result = record.getByLabel('Track record result');
    await expect.poll(() => result.isVisible(), { timeout: 60_000 }).toBe(true);
    const verdict = await result.textContent();
    expect(verdict).toContain('@tagfit_follows');
    await openView(page, 'Results');
    await openView(page, 'History');
    expect(await result.textContent()).toBe(verdict);
  }, 120_000);
});
