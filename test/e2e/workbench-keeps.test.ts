// The workbench as a person uses it (issue 28), in the browser preview against the simulator: weights that add up
// to more than 1 settle and say they were scaled; the tag set follows every re-weighting and copies as words; a
// reopened workspace shows its last run, a History run opens, the comparison survives a tab switch; an invalid list
// row survives closing the workspace and the estimate says it is skipped; Decode's Add is per tag and says what it
// did. Screenshots light and dark land in .test-reports/.
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
const sideBar = () => page.getByRole('complementary', { name: 'Side bar' });
const tagSet = () => page.getByLabel('Tag set US', { exact: true });

async function view(name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Activity bar' })
    .getByRole('button', { name, exact: true })
    .click();
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

/** A column of the Results grid in the order it shows its rows (AG Grid moves rows without moving their DOM nodes). */
const resultCells = (col: string): Promise<string[]> =>
  page
    .getByRole('region', { name: 'Results US' })
    .getByRole('grid')
    .evaluate((root, c) => {
      const rows = [...root.querySelectorAll('[role="row"][row-index]')].sort(
        (a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')),
      );
      return rows
        .map((r) => r.querySelector(`[role="gridcell"][col-id="${c}"]`)?.textContent ?? null)
        .filter((t): t is string => t !== null);
    }, col);

/** The tag set's chips as the page shows them, and their hover texts. */
const chips = (): Promise<{ tag: string; title: string }[]> =>
  tagSet()
    .getByRole('listitem')
    .evaluateAll((els) =>
      els.map((e) => ({ tag: e.textContent ?? '', title: e.getAttribute('title') ?? '' })),
    );

async function setWeight(label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel(label, { exact: true }).press('Enter');
}

async function runToEnd(): Promise<void> {
  await sideBar().getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect
    .poll(() => sideBar().getByRole('button', { name: 'Run', exact: true }).isVisible(), { timeout: 60_000 })
    .toBe(true);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Finished:' }).count())
    .toBeGreaterThan(0);
}

async function screenshots(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const theme of ['light', 'dark']) {
    await page.keyboard.press('ControlOrMeta+Shift+P');
    await page.getByRole('combobox', { name: 'Type a command' }).fill(`Theme: ${theme}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SCREENSHOTS, `keeps-${name}-${theme}.png`) });
  }
}

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  ws = path.join(home.dir, 'client-keeps');
  other = path.join(home.dir, 'client-other');
  // The lists a user would have pasted: a new workspace keeps list files already in its folder.
  await mkdir(ws, { recursive: true });
  await writeFile(path.join(ws, 'regions.csv'), 'code\nUS\n');
  await writeFile(
    path.join(ws, 'tags.csv'),
    'tag\nfounderlife\nsaasmarketing\nuxdesign\nsmallbusinesscheck\nbuildinpublic\ndesigntok\nbrandingtips\nsidehustle\n',
  );
  await writeFile(path.join(ws, 'creators.csv'), 'unique_id\nacme_designs\n');
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await startPreview(
    ['--api-base', sim.url, '--now', NOW, '--data-dir', path.join(home.dir, 'app')],
    { TIKLIVE_KEY: KEY },
  );
  await page.goto(preview.url);
}, 120_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await sim?.close();
  await home?.dispose();
});

describe('the workbench keeps what it produced', () => {
  it('two client workspaces, the second with a big plan', async () => {
    await expect.poll(() => status().textContent()).toContain('Key set');
    await folderDialog('N', 'New workspace', other, 'Create');
    await folderDialog('N', 'New workspace', ws, 'Create');
    await expect.poll(() => status().textContent()).toContain('client-keeps');
    // The simulator has no plan: a big one, as in Settings.
    await view('Settings');
    await page.getByLabel('Plan: requests per minute').fill('100000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).requestsPerMinute)
      .toBe(100000);
  }, 120_000);

  it('weights that add up to more than 1 settle, rounded, said to be scaled, and the preset reads custom', async () => {
    await runToEnd();
    await expect.poll(async () => (await resultCells('tag')).length).toBe(8);
    const line = page.getByLabel('Scoring of these results', { exact: true });
    await expect.poll(() => line.textContent()).toMatch(/^organic · velocity 0\.\d+, density/);
    expect(await line.textContent()).not.toContain('scaled');
    const before = await resultCells('tag');
    await setWeight('Overlap weight', '0.8');
    // Settled: no grid left greyed, no "re-scoring…" for good, the line with two-decimal values.
    await expect.poll(() => line.textContent(), { timeout: 5_000 }).not.toContain('re-scoring');
    await expect
      .poll(() => page.getByRole('region', { name: 'Results US' }).getAttribute('class'))
      .not.toContain('pending');
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/^custom · /);
    for (const n of text.match(/\d+\.\d+/g) ?? []) expect(n.split('.')[1]!.length).toBeLessThanOrEqual(2);
    expect(text).toMatch(/scaled to add up to 1 \(they added up to 1\.\d+\)/);
    expect(await sideBar().getByLabel('Preset').inputValue()).toBe('custom');
    await expect.poll(() => resultCells('tag')).not.toEqual(before);
    await screenshots('scaled-weights');
  }, 120_000);

  it('the tag set follows every re-weighting, its hover text with the new scores', async () => {
    await expect.poll(async () => (await chips()).length).toBeGreaterThan(1);
    for (const [v, d, o] of [
      ['1', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '1'],
    ] as const) {
      // The weight of 1 first: the three are never all 0 on the way (a score of 0 for every tag, refused).
      const edits = [
        ['Velocity weight', v],
        ['Density weight', d],
        ['Overlap weight', o],
      ] as const;
      for (const [label, value] of [...edits].sort((a, b) => Number(b[1]) - Number(a[1])))
        await setWeight(label, value);
      // The results are those of these weights (the line says so, nothing left to re-score) …
      const line = page.getByLabel('Scoring of these results', { exact: true });
      await expect
        .poll(() => line.textContent())
        .toMatch(new RegExp(`velocity ${v}, density ${d}, overlap ${o}, ad [\\d.]+ · window \\d+ d$`));
      // … the set starts from the new top tag (the picker takes the best score first) …
      await expect
        .poll(async () => (await chips())[0]?.tag, { timeout: 10_000 })
        .toBe((await resultCells('tag'))[0]);
      // … and every later pick's hover text gives its score as the grid now shows it.
      const tags = await resultCells('tag');
      const scores = await resultCells('score');
      for (const c of (await chips()).slice(1)) {
        const m = /score (\d+\.\d\d)/.exec(c.title);
        expect(m, c.title).not.toBeNull();
        expect(Number(scores[tags.indexOf(c.tag)])).toBeCloseTo(Number(m![1]), 1);
      }
    }
  }, 120_000);

  it('the tag set follows a weight dragged on its slider', async () => {
    // A drag is a burst of re-weightings, each answered while the next is asked.
    for (let i = 0; i <= 20; i++)
      await page.getByLabel('Density weight slider', { exact: true }).fill(String(i / 20));
    const line = page.getByLabel('Scoring of these results', { exact: true });
    await expect
      .poll(() => line.textContent())
      .toMatch(/velocity 0, density 0.5, overlap 0.5, ad [\d.]+ · weights scaled/);
    await expect.poll(async () => (await chips())[0]?.tag).toBe((await resultCells('tag'))[0]);
    const tags = await resultCells('tag');
    const scores = await resultCells('score');
    for (const c of (await chips()).slice(1)) {
      const m = /score (\d+\.\d\d)/.exec(c.title);
      expect(Number(scores[tags.indexOf(c.tag)])).toBeCloseTo(Number(m![1]), 1);
    }
  }, 120_000);

  it('Copy copies the tag set as "#a #b #c" and says Copied; the chips select as separate words', async () => {
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(preview.url).origin,
    });
    const tags = (await chips()).map((c) => c.tag);
    const copy = tagSet().getByRole('button', { name: 'Copy tag set US' });
    await copy.click();
    await expect.poll(() => tagSet().getByRole('status').textContent()).toBe('Copied');
    // What the page's clipboard holds now (the browser's own, as a paste would get it).
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(tags.join(' '));
    expect(copied).toMatch(/^#\S+( #\S+)+$/);
    // Selecting the chips as a person would (drag over the set's words) gives words apart, not "#a#b#c".
    const selected = await tagSet()
      .getByRole('list', { name: 'Tags to post with in US' })
      .evaluate((el) => {
        const doc = el.ownerDocument;
        const range = doc.createRange();
        range.selectNodeContents(el);
        const sel = doc.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return sel.toString();
      });
    expect(selected.trim().split(/\s+/)).toEqual(tags);
    await screenshots('tag-set-copy');
  }, 120_000);
});
