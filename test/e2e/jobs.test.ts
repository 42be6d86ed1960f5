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
import { KEY, NOW, NOW_MS } from '../support/faults';
import {
  expectNoPageErrors,
  launchChromium,
  SCREENSHOTS,
  startPreview,
  workbenchPage,
  type Preview,
  openView,
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

async function view(name: string): Promise<void> {
  await openView(page, name);
}

/** Ctrl/Cmd+N or +O, then the folder typed into the dialog it opens. */
async function folderDialog(key: 'N' | 'O', dialog: string, dir: string, button: string): Promise<void> {
  await page.keyboard.press(`ControlOrMeta+${key}`);
  const d = page.getByRole('dialog', { name: dialog });
  await expect.poll(() => d.isVisible()).toBe(true);
  await d.getByLabel('Folder').fill(dir);
  await d.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => d.isVisible()).toBe(false);
}

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
  page
    .getByRole('region', { name: 'Results US' })
    .getByRole('grid')
    .evaluate((root) =>
      [...root.querySelectorAll('[role="row"][row-index]')]
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .map((r) => r.querySelector('[role="gridcell"][col-id="tag"]')?.textContent ?? null)
        .filter((t): t is string => t !== null),
    );

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
  preview = await startPreview(
    ['--api-base', sim.url, '--now', NOW, '--data-dir', path.join(home.dir, 'app')],
    { TIKLIVE_KEY: KEY },
  );
  await page.goto(preview.url);
}, 90_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await sim?.close();
  await home?.dispose();
});

describe('jobs that outlive a view switch', () => {
  it('Ctrl/Cmd+N opens the new-workspace dialog and Ctrl/Cmd+O the open one; each does what it says', async () => {
    await expect.poll(() => status().textContent()).toContain('Key set');
    await folderDialog('N', 'New workspace', other, 'Create');
    await expect.poll(() => status().textContent()).toContain('client-other');
    await folderDialog('N', 'New workspace', ws, 'Create');
    await expect.poll(() => status().textContent()).toContain('client-jobs');
    expect(await readFile(path.join(ws, 'regions.csv'), 'utf8')).toBe('code\nUS\n');
    await folderDialog('O', 'Open workspace', other, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-other');
    // Escape closes the dialog and opens nothing.
    await page.keyboard.press('ControlOrMeta+O');
    await expect.poll(() => page.getByRole('dialog', { name: 'Open workspace' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Open workspace' }).count()).toBe(0);
    await folderDialog('O', 'Open workspace', ws, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-jobs');
    // The simulator has no plan: a big one, as in Settings.
    await view('Settings');
    await page.getByLabel('Plan: requests per minute').fill('100000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).requestsPerMinute)
      .toBe(100000);
  }, 120_000);

  it('Cancel stops a decode: said so, and the next job can start', async () => {
    await view('Competitors');
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
    await view('Competitors');
    const release = sim.hold();
    try {
      await page.getByLabel('Competitor usernames').fill('@acme_designs');
      await competitors().getByRole('button', { name: 'Decode', exact: true }).click();
      await confirmDecode();
      const progress = page.getByRole('group', { name: 'Decode progress' });
      await expect.poll(() => progress.isVisible()).toBe(true);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'jobs-decode-progress.png') });
      await view('Results');
      expect(await progress.count()).toBe(0);
      // Whatever view is open, the status bar says a decode is going.
      expect(await status().textContent()).toMatch(/Decoding: 0 of 1 competitors · 0 credits/);
      await view('Competitors');
      // Back: the same job's progress, and the question it was asked.
      expect(await progress.isVisible()).toBe(true);
      expect(await page.getByLabel('Competitor usernames').inputValue()).toBe('@acme_designs');
      await view('Settings');
    } finally {
      release();
    }
    // The decode ends while another view shows; its result waits in Competitors.
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await view('Competitors');
    await expect.poll(decodedSections, { timeout: 60_000 }).toEqual(['Tags of @acme_designs']);
    expect(await page.getByRole('group', { name: 'Decode progress' }).count()).toBe(0);
    const tags = await competitors().getByRole('region', { name: 'Tags of @acme_designs' }).textContent();
    await view('History');
    await view('Competitors');
    expect(await competitors().getByRole('region', { name: 'Tags of @acme_designs' }).textContent()).toBe(
      tags,
    );
  }, 120_000);

  it('Creator fit: its progress with Cancel, then its ranking, stay across a view switch', async () => {
    await view('Creator fit');
    const panel = page.getByRole('tabpanel', { name: 'Creator fit' });
    const progress = page.getByRole('group', { name: 'Creator fit progress' });
    const release = sim.hold();
    try {
      await page.getByLabel('Creator usernames').fill('@acme_designs, @studio_north');
      await panel.getByRole('button', { name: 'Score creators' }).click();
      await expect.poll(() => progress.isVisible()).toBe(true);
      expect(await progress.getByRole('button', { name: 'Cancel creator fit' }).isEnabled()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'jobs-creator-fit-progress.png') });
      await view('Watch');
      await view('Creator fit');
      expect(await progress.isVisible()).toBe(true);
    } finally {
      release();
    }
    const ranked = panel.getByRole('table', { name: 'Creators ranked by fit' });
    await expect.poll(() => ranked.getByRole('row').count(), { timeout: 60_000 }).toBe(3);
    const text = await ranked.textContent();
    expect(text).toContain('@acme_designs');
    await view('Watch');
    await view('Creator fit');
    expect(await ranked.textContent()).toBe(text);
  }, 120_000);

  it('a score run’s progress and its results survive a view switch', async () => {
    await view('Results');
    const release = sim.hold();
    try {
      await page
        .getByRole('complementary', { name: 'Side bar' })
        .getByRole('button', { name: 'Run', exact: true })
        .click();
      await page.getByRole('button', { name: 'Start run' }).click();
      await expect.poll(() => page.getByLabel('Run progress').isVisible()).toBe(true);
      await view('Competitors');
      await view('Results');
      expect(await page.getByLabel('Run progress').isVisible()).toBe(true);
    } finally {
      release();
    }
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Finished:' }).count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect.poll(async () => (await resultTags()).length).toBe(3);
    const before = await resultTags();
    await view('Creator fit');
    await view('Results');
    await expect.poll(resultTags).toEqual(before);
  }, 120_000);
  it('the track record: its progress, then its verdict, stay in History across a view switch', async () => {
    await view('Settings');
    await page.getByLabel('Your own accounts', { exact: true }).fill('@tagfit_follows');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).ownAccounts)
      .toEqual(['tagfit_follows']);
    await view('History');
    const record = page.getByRole('region', { name: 'Track record' });
    const progress = record.getByRole('group', { name: 'Track record progress' });
    const release = sim.hold();
    try {
      await record.getByRole('button', { name: 'Check the ranking against my posts' }).click();
      await expect.poll(() => progress.isVisible()).toBe(true);
      expect(await progress.getByRole('button', { name: 'Cancel track record' }).isEnabled()).toBe(true);
      await view('Candidates');
      await view('History');
      expect(await progress.isVisible()).toBe(true);
    } finally {
      release();
    }
    const result = record.getByLabel('Track record result');
    await expect.poll(() => result.isVisible(), { timeout: 60_000 }).toBe(true);
    const verdict = await result.textContent();
    expect(verdict).toContain('@tagfit_follows');
    await view('Results');
    await view('History');
    expect(await result.textContent()).toBe(verdict);
  }, 120_000);
});
