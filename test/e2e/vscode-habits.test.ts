// Issue 28, item 14: the workbench behaves like the VS Code it looks like, driven by keys and accessible names in
// the browser preview against the simulator: the side bar (the view's controls, Ctrl/Cmd+B, a splitter), the panel
// (Ctrl/Cmd+J, a splitter), Ctrl/Cmd+, and Ctrl/Cmd+Z, preview tabs, Problems that reveal their row, an Output that
// follows, status bar items that act, a fuzzy palette, Escape on the detail, empty grids that say what to do, the
// last workspace opened again at launch. Screenshots, light and dark, land in .test-reports/.
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
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
  runCommand,
  SCREENSHOTS,
  setTheme,
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
const pageErrors: string[] = [];

const sideBar = () => page.getByRole('complementary', { name: 'Side bar' });
const status = () => page.getByRole('contentinfo', { name: 'Status bar' });
const strip = () => page.getByRole('tablist', { name: 'Open views' });
const showing = () => page.getByRole('tabpanel').getAttribute('aria-label');
const activity = (name: string) =>
  page.getByRole('navigation', { name: 'Activity bar' }).getByRole('button', { name, exact: true });
const italic = (tab: string) =>
  strip()
    .getByRole('tab', { name: tab, exact: true })
    .locator('.tab-label')
    .evaluate(
      (el) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { fontStyle: string } }).getComputedStyle(
          el,
        ).fontStyle,
    );

async function open(): Promise<void> {
  preview = await previewOnSimulator(sim, home.dir);
  await page.goto(preview.url);
  await page.getByRole('navigation', { name: 'Activity bar' }).waitFor();
}

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  ws = path.join(home.dir, 'client-acme');
  const lists = path.join(home.dir, 'lists');
  mkdirSync(lists);
  await writeFile(
    path.join(lists, 'tags.csv'),
    'tag\nfounderlife\nsmallbusinesscheck\nsaasmarketing\nuxdesign\n',
  );
  await writeFile(path.join(lists, 'creators.csv'), 'unique_id\nacme_designs\nstudio_north\n');
  await writeFile(path.join(lists, 'regions.csv'), 'code\nUS\nGB\n');
  await initWorkspace(ws, {
    from: {
      tags: path.join(lists, 'tags.csv'),
      creators: path.join(lists, 'creators.csv'),
      regions: path.join(lists, 'regions.csv'),
    },
    settings: { preset: 'organic', requestsPerMinute: 100000 },
  });
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  await open();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(browser, preview, sim, home));

describe('VS Code habits (issue 28, item 14)', () => {
  it('opens a workspace by Ctrl/Cmd+O; an empty view says what is empty and what to do', async () => {
    await page.keyboard.press('ControlOrMeta+O');
    const dialog = page.getByRole('dialog', { name: 'Open workspace' });
    await dialog.getByLabel('Folder').fill(ws);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => status().textContent()).toContain('client-acme');
    await activity('Results').click();
    expect(await page.getByRole('tabpanel').textContent()).toContain('No results yet: run the candidates');
    await activity('Regions').click();
    await page.getByLabel('Search regions').fill('zzzz');
    await expect
      .poll(() => page.getByRole('region', { name: 'Regions' }).textContent())
      .toContain('No region matches “zzzz”: clear the search');
    expect(await page.getByText('No Rows To Show').count()).toBe(0);
    await page.getByLabel('Search regions').fill('');
  }, 60_000);

  it('the side bar shows the selected view’s controls; Ctrl/Cmd+B hides it; its splitter resizes it by keys', async () => {
    await activity('Candidates').click();
    await expect.poll(() => sideBar().getByRole('heading', { level: 2 }).textContent()).toBe('Candidates');
    expect(await sideBar().getByRole('button', { name: 'Undo list edit' }).count()).toBe(1);
    expect(await sideBar().getByLabel('Density weight', { exact: true }).count()).toBe(0);
    await activity('Results').click();
    await expect.poll(() => sideBar().getByRole('heading', { level: 2 }).textContent()).toBe('Results');
    expect(await sideBar().getByLabel('Density weight', { exact: true }).count()).toBe(1);
    // Resized from the keyboard: the splitter is a separator with its value.
    const sash = page.getByRole('separator', { name: 'Resize the side bar' });
    const before = (await sideBar().boundingBox())!.width;
    expect(await sash.getAttribute('aria-valuenow')).toBe(String(Math.round(before)));
    await sash.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => sash.getAttribute('aria-valuenow')).toBe(String(Math.round(before) + 60));
    expect((await sideBar().boundingBox())!.width).toBeCloseTo(before + 60, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'side-bar-results-light.png') });
    await page.keyboard.press('Home');
    await expect.poll(async () => (await sideBar().boundingBox())!.width).toBeLessThan(before);
    await page.keyboard.press('ArrowRight');
    // Hidden and shown again by Ctrl/Cmd+B, as in VS Code.
    await page.keyboard.press('ControlOrMeta+B');
    await expect.poll(() => sideBar().count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+B');
    await expect.poll(() => sideBar().count()).toBe(1);
  }, 60_000);

  it('Ctrl/Cmd+J toggles the panel and its splitter resizes it; Ctrl/Cmd+, opens Settings', async () => {
    const panel = page.getByRole('region', { name: 'Output' });
    await expect.poll(() => panel.count()).toBe(1);
    await page.keyboard.press('ControlOrMeta+J');
    await expect.poll(() => panel.count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+J');
    await expect.poll(() => panel.count()).toBe(1);
    const sash = page.getByRole('separator', { name: 'Resize the panel' });
    const before = Number(await sash.getAttribute('aria-valuenow'));
    const height = (await page.getByRole('region', { name: 'Panel' }).boundingBox())!.height;
    await sash.focus();
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => sash.getAttribute('aria-valuenow')).toBe(String(before + 50));
    expect((await page.getByRole('region', { name: 'Panel' }).boundingBox())!.height).toBeCloseTo(
      height + 50,
      0,
    );
    await page.keyboard.press('Shift+ArrowDown');
    await activity('Results').focus();
    await page.keyboard.press('ControlOrMeta+,');
    await expect.poll(showing).toBe('Settings');
  }, 60_000);

  it('a click opens a preview tab (italic) that the next click replaces; a double-click or an edit pins it', async () => {
    await activity('Competitors').click();
    await expect.poll(showing).toBe('Competitors');
    expect(await italic('Competitors')).toBe('italic');
    await activity('Creator fit').click();
    await expect.poll(showing).toBe('Creator fit');
    // The preview was replaced: Competitors has no tab left.
    expect(await strip().getByRole('tab', { name: 'Competitors', exact: true }).count()).toBe(0);
    expect(await italic('Creator fit')).toBe('italic');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'preview-tab-light.png') });
    await strip().getByRole('tab', { name: 'Creator fit', exact: true }).dblclick();
    await expect.poll(() => italic('Creator fit')).toBe('normal');
    await activity('Watch').click();
    expect(await strip().getByRole('tab', { name: 'Creator fit', exact: true }).count()).toBe(1);
    // An edit in the preview's view pins it too.
    await activity('Competitors').click();
    expect(await strip().getByRole('tab', { name: 'Watch', exact: true }).count()).toBe(0);
    await page.getByRole('tabpanel').getByRole('textbox').first().fill('@acme_designs');
    await expect.poll(() => italic('Competitors')).toBe('normal');
  }, 60_000);

  it('Ctrl/Cmd+Z in a list undoes its last edit; a Problems entry reveals its row on a click and on Enter', async () => {
    await activity('Candidates').dblclick();
    await page.getByLabel('Add to Candidate hashtags', { exact: true }).fill('booktok');
    await page.keyboard.press('Enter');
    await expect.poll(() => readFile(path.join(ws, 'tags.csv'), 'utf8')).toContain('\nbooktok\n');
    // Focus in the grid (not a text field, whose own undo Ctrl+Z keeps), then Ctrl/Cmd+Z.
    const grid = page.getByRole('region', { name: 'Candidate hashtags' }).getByRole('grid');
    await grid.getByRole('gridcell', { name: 'founderlife', exact: true }).click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => readFile(path.join(ws, 'tags.csv'), 'utf8')).not.toContain('booktok');
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect.poll(() => readFile(path.join(ws, 'tags.csv'), 'utf8')).toContain('\nbooktok\n');
    // An invalid row: in Problems, whose entry reveals it.
    await page.getByLabel('Add to Candidate hashtags', { exact: true }).fill('small business');
    await page.keyboard.press('Enter');
    await activity('Settings').click();
    await page.getByRole('tab', { name: /Problems/ }).click();
    const entry = page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button', { name: /small business/ });
    await entry.click();
    await expect.poll(showing).toBe('Candidates');
    const focusedCell = () =>
      page.evaluate(() => {
        // The page's document (the Node-side type check has no DOM).
        type Focused = { getAttribute(n: string): string | null; textContent: string | null } | null;
        const el = (globalThis as unknown as { document: { activeElement: Focused } }).document.activeElement;
        return el?.getAttribute('role') === 'gridcell' ? el.textContent : null;
      });
    await expect.poll(focusedCell).toBe('small business');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'problems-reveal-light.png') });
    await activity('Watch').click();
    await entry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(showing).toBe('Candidates');
    await expect.poll(focusedCell).toBe('small business');
    // Taken out again, so the run below has a valid list.
    await grid.getByRole('gridcell', { name: 'small business', exact: true }).click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => entry.count()).toBe(0);
  }, 60_000);

  it('after a run: status bar items act on a click, Escape closes the row detail, Output follows its newest line', async () => {
    await startRun(page);
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Finished:/ })
            .count(),
        { timeout: 60_000 },
      )
      .toBe(1);
    // The row's detail, closed by Escape.
    await page
      .getByRole('region', { name: 'Results US' })
      .locator('[role="row"][row-index="0"] [role="gridcell"][col-id="tag"]')
      .click();
    const detail = page.getByRole('complementary', { name: /^Detail of #/ });
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    // Status bar: the credits open History's ledger, the run state Results, the problems Problems.
    await status()
      .getByRole('button', { name: /credits? this week/ })
      .click();
    await expect.poll(showing).toBe('History');
    await expect.poll(() => page.getByRole('region', { name: 'Credits spent' }).isVisible()).toBe(true);
    await status()
      .getByRole('button', { name: /^Last run/ })
      .click();
    await expect.poll(showing).toBe('Results');
    await status()
      .getByRole('button', { name: /problems?$/ })
      .click();
    await expect
      .poll(() => page.getByRole('tab', { name: /Problems/ }).getAttribute('aria-selected'))
      .toBe('true');
    // Output: at its newest line as lines come; left where it is once the user scrolled up.
    await page.getByRole('tab', { name: 'Output' }).click();
    const log = page.getByRole('region', { name: 'Output' });
    const atBottom = () => log.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4);
    await activity('Settings').click();
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => log.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect.poll(atBottom).toBe(true);
    await log.evaluate((el) => (el.scrollTop = 0));
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => log.locator('.line').count()).toBeGreaterThan(9);
    expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
    await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(atBottom).toBe(true);
  }, 120_000);

  it('the palette matches the letters in order, best first', async () => {
    await page.keyboard.press('ControlOrMeta+Shift+P');
    const box = page.getByRole('combobox', { name: 'Type a command' });
    const firstOption = () => page.locator('.palette [role="option"]').first().textContent();
    for (const [typed, title] of [
      ['exrep', 'Export reports'],
      ['vcrf', 'View: Creator fit'],
      ['thdark', 'Theme: dark'],
      ['tgsb', 'Toggle the side bar'],
    ] as const) {
      await box.fill(typed);
      await expect.poll(firstOption).toMatch(new RegExp(`^${title}`));
    }
    await page.keyboard.press('Escape');
  }, 60_000);

  it('screenshots light and dark', async () => {
    for (const name of ['dark', 'light'] as const) {
      await setTheme(page, name);
      await activity('Candidates').click();
      await page.screenshot({ path: path.join(SCREENSHOTS, `side-bar-candidates-${name}.png`) });
      await activity('Results').click();
      await page.getByRole('tab', { name: /Problems/ }).click();
      await page.screenshot({ path: path.join(SCREENSHOTS, `results-habits-${name}.png`) });
    }
  }, 60_000);

  it('the last workspace opens again at launch', async () => {
    await preview.close();
    await open();
    await expect.poll(() => status().textContent()).toContain('client-acme');
    // Closed by the user, it is not opened at the next launch.
    await runCommand(page, 'Close workspace');
    await expect.poll(() => status().textContent()).toContain('No workspace');
    await preview.close();
    await open();
    await expect.poll(() => status().textContent()).toContain('No workspace');
  }, 120_000);
});
