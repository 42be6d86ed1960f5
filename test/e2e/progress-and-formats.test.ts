// Issue 28, items 12 and 13, in the browser preview against the simulator, as a person reads the screen: a run's
// progress tells one story (one count of pairs, a time left that does not overshoot the run's real end, nothing
// before the pace is known), a cancel is one neutral line, and a figure reads the same in the grid, the detail and
// the exported report. Screenshots, light and dark, land in .test-reports/.
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { tempDir } from '../support/cli';
import { listFiles } from '../support/demo-workspace';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  expectNoPageErrors,
  launchChromium,
  previewOnSimulator,
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
const progressLine = () => page.getByRole('group', { name: 'Run progress' }).getByRole('status');
const output = () => page.getByRole('region', { name: 'Output' });

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  // The demo's lists (30 candidates once merged, four regions: 120 pairs) in a workspace of their own.
  ws = path.join(home.dir, 'demo-lists');
  await initWorkspace(ws, {
    from: listFiles(),
    settings: { preset: 'organic', requestsPerMinute: 100000 },
  });
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir, { workspace: ws });
  await page.goto(preview.url);
  await sideBar().getByRole('button', { name: 'Run', exact: true }).waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(browser, preview, sim, home));

describe('a run as the user watches it (issue 28, item 13)', () => {
  it('a cancel by the user is one neutral line, "Cancelled — kept N pairs", not a red error twice', async () => {
    // Paced answers: the run is still going when the user changes their mind.
    sim.setOptions({ latencyMs: 400 });
    await startRun(page);
    await expect
      .poll(() => progressLine().textContent(), { timeout: 30_000 })
      .toMatch(/^[1-9]\d* of \d+ pairs/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-light.png') });
    await sideBar().getByRole('button', { name: 'Cancel run' }).click();
    const cancelled = page.getByRole('status').filter({ hasText: /^Cancelled — kept \d+ pairs?/ });
    await expect.poll(() => cancelled.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Styled as a finished run's line (the side bar's background), not as an error's.
    // The page's own getComputedStyle (the Node-side type check has no DOM).
    const background = (el: unknown): string =>
      (
        globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
      ).getComputedStyle(el).backgroundColor;
    expect(await page.locator('.run-end').evaluate(background)).toBe(await sideBar().evaluate(background));
    // The Output says it once, as information, and names no run by its id.
    const lines = await output().locator('.line').allTextContents();
    expect(lines.filter((l) => l.includes('Cancelled — kept'))).toHaveLength(1);
    expect(await output().locator('.line.error').count()).toBe(0);
    expect(lines.join('\n')).not.toMatch(/\br[0-9a-z]{10,}\b/);
    await setTheme(page, 'dark');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cancelled-dark.png') });
    await setTheme(page, 'light');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cancelled-light.png') });
  }, 120_000);

  it('one count of pairs, and a time left shown only once the pace is known (its distance from the real end printed)', async () => {
    sim.setOptions({ latencyMs: 250 });
    await startRun(page);
    const seen: { at: number; text: string }[] = [];
    const runButton = sideBar().getByRole('button', { name: 'Run', exact: true });
    // Read the progress as a person glances at it, until the run is over.
    for (;;) {
      const text = await progressLine()
        .textContent({ timeout: 200 })
        .catch(() => null);
      if (text) seen.push({ at: Date.now(), text });
      if (await runButton.isVisible()) break;
      await page.waitForTimeout(150);
    }
    const end = Date.now();
    expect(seen.length).toBeGreaterThan(5);
    for (const { text } of seen) {
      expect(text).toMatch(
        /^(counting the pairs… · \d+ credits?|\d+ of \d+ pairs · \d+ % · \d+ credits?( · (a few seconds left|about \d+ s left|about \d+ min left))?)$/,
      );
    }
    // Nothing contradicts the progress line: no second count of pairs anywhere on the page.
    expect(await page.getByText(/pairs in\b/).count()).toBe(0);
    // No estimate before five pairs ended. How far each one is from the time the run really had left is printed,
    // not bounded (wall time on a shared machine): the rule's bound is pinned with a fake clock in time-left.test.ts.
    const estimates = seen.flatMap(({ at, text }) => {
      const done = Number(/^(\d+) of/.exec(text)?.[1] ?? 0);
      const m = /about (\d+) (s|min) left/.exec(text);
      if (/a few seconds left/.test(text)) return [{ at, done, seconds: 5 }];
      return m ? [{ at, done, seconds: Number(m[1]) * (m[2] === 'min' ? 60 : 1) }] : [];
    });
    // A run of several seconds says how long it has left at some point.
    expect(estimates.length).toBeGreaterThan(0);
    console.log(
      `time left said: ${estimates.map((e) => `${e.seconds} s with ${((end - e.at) / 1000).toFixed(1)} s to go`).join('; ')}`,
    );
    for (const e of estimates) expect(e.done).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Finished:/ })
          .count(),
      )
      .toBe(1);
    sim.setOptions({ latencyMs: 0 });
  }, 180_000);
});

describe('one format per figure (issue 28, item 12)', () => {
  it('the grid, the detail and the report say the same likes per post, velocity and confidence', async () => {
    const grid = page.getByRole('region', { name: 'Results US' }).getByRole('grid');
    const first = grid.locator('[role="row"][row-index="0"]');
    const cell = (col: string) => first.locator(`[role="gridcell"][col-id="${col}"]`).textContent();
    const [tag, velocity, likes, confidence] = await Promise.all(
      ['tag', 'velocity', 'density', 'confidence'].map(cell),
    );
    expect(velocity).toMatch(/^\d+ %$/);
    expect(likes).toMatch(/^\d{1,3}(,\d{3})*$/);
    expect(confidence).toMatch(/^(confident|uncertain|too few posts)/);
    expect(await grid.getByText('sure', { exact: true }).count()).toBe(0);
    // The detail says the same figures in words.
    await first.locator('[role="gridcell"][col-id="tag"]').click();
    const detail = page.getByRole('complementary', { name: /^Detail of #/ });
    await detail.waitFor();
    const words = (await detail.textContent())!;
    expect(words).toContain(`${velocity} of posts in the last`);
    expect(words).toContain(`${likes} likes per post`);
    expect(words).toContain(confidence!.split(' ')[0]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'formats-detail-light.png') });
    // The exported report prints them the same way.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+E');
    const dialog = page.getByRole('dialog', { name: 'Export reports' });
    const out = path.join(home.dir, 'exported');
    await dialog.getByLabel('Folder').fill(out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(async () => (await readdir(out).catch(() => [])).some((f) => /^US-.*\.md$/.test(f)))
      .toBe(true);
    const md = await readFile(
      path.join(
        out,
        (await readdir(out)).find((f) => /^US-.*\.md$/.test(f))!,
      ),
      'utf8',
    );
    const row = md.split('\n').find((l) => l.startsWith(`| ${tag!.startsWith('#') ? tag : `#${tag}`} |`));
    expect(row, `the report's row of ${tag}`).toBeDefined();
    expect(row).toContain(`| ${velocity} | ${likes} |`);
    // No "1 answers", no run id, anywhere the user reads.
    const screen = `${await page.getByRole('contentinfo', { name: 'Status bar' }).textContent()}\n${await output().textContent()}`;
    expect(screen).not.toMatch(/\b1 answers\b/);
    expect(screen).not.toMatch(/\br[0-9a-z]{10,}\b/);
  }, 120_000);
});
