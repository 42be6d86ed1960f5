// Issue 27 in the browser preview against the simulator: on a long list, each step of the velocity slider re-ranks
// the grid (the ranks answer at once), the confidence cells read "updating…" with the grid busy while the
// intervals are computed, then show an interval again. The page holds the intervals event back for a moment (the
// test's EventSource, not the app) so the updating state can be looked at: screenshots light and dark.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { tempDir } from '../support/cli';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  expectNoPageErrors,
  gridColumn,
  launchChromium,
  previewOnSimulator,
  runToEnd,
  screenshotBothThemes,
  workbenchPage,
  type Preview,
} from '../support/web';

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
const pageErrors: string[] = [];

/** Run in the page before its scripts: server-sent `run:intervals` messages wait while window.__holdIntervals is
 * set, and are delivered in order once it is cleared. */
function holdIntervalsInPage(): void {
  type Message = { data: unknown };
  type Source = { addEventListener(type: 'message', fn: (m: Message) => void): void };
  const w = globalThis as unknown as {
    __holdIntervals: boolean;
    EventSource: new (url: string) => Source;
  };
  w.__holdIntervals = false;
  const Base = w.EventSource;
  w.EventSource = function (url: string): Source {
    const source = new Base(url);
    let fn: ((m: Message) => void) | null = null;
    const queue: Message[] = [];
    const flush = (): void => {
      while (queue.length > 0 && !w.__holdIntervals) fn?.(queue.shift()!);
      if (queue.length > 0) setTimeout(flush, 20);
    };
    source.addEventListener('message', (m) => {
      const held = typeof m.data === 'string' && m.data.includes('"channel":"run:intervals"');
      if (held && (w.__holdIntervals || queue.length > 0)) {
        queue.push(m);
        setTimeout(flush, 20);
      } else fn?.(m);
    });
    // The bridge sets onmessage: it gets the messages as they are let through.
    Object.defineProperty(source, 'onmessage', { set: (f: typeof fn) => (fn = f), get: () => fn });
    return source;
  } as unknown as new (url: string) => Source;
}

const grid = () => page.getByRole('region', { name: 'Results US' });

/** A column of the Results grid in the order it shows its rows. */
const cells = (col: string): Promise<string[]> => gridColumn(grid(), col);

const hold = (on: boolean) =>
  page.evaluate((v) => ((globalThis as unknown as { __holdIntervals: boolean }).__holdIntervals = v), on);

const screenshots = (name: string) => screenshotBothThemes(page, `rerank-${name}`);

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  const ws = path.join(home.dir, 'client-long');
  // A long list: every tag of the simulator's world that serves posts (the edge tags are wire faults).
  const tags = buildDemoDataset()
    .tags.filter((t) => t.shape !== 'edge' && t.shape !== 'empty')
    .map((t) => t.name);
  await initWorkspace(ws, { settings: { preset: 'organic', requestsPerMinute: 100000 } });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path.join(ws, 'tags.csv'), `tag\n${tags.join('\n')}\n`);
  await writeFile(path.join(ws, 'regions.csv'), 'code\nUS\nGB\n');
  await writeFile(path.join(ws, 'creators.csv'), 'unique_id\nacme_designs\nstudio_north\n');
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  await page.addInitScript(holdIntervalsInPage);
  preview = await previewOnSimulator(sim, home.dir, { workspace: ws });
  await page.goto(preview.url);
}, 120_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(browser, preview, sim, home));

describe('a weight slider on a long list', () => {
  it('re-ranks the grid on every step; the intervals read "updating…" until they come, then show', async () => {
    await runToEnd(page, { finished: true });
    // The grid renders the rows in view (about 25 of the list's).
    await expect.poll(async () => (await cells('tag')).length).toBeGreaterThan(20);
    await expect.poll(async () => (await cells('confidence')).every((c) => /\d/.test(c))).toBe(true);

    const slider = page.getByLabel('Velocity weight slider', { exact: true });
    let before = await cells('score');
    let moved = 0;
    for (let step = 0; step < 6; step++) {
      await hold(true);
      // A step of the slider from the keyboard, as a drag moves it: 0.05 a step.
      const was = Number(await slider.inputValue());
      await slider.focus();
      await page.keyboard.press(step < 3 ? 'ArrowRight' : 'ArrowLeft');
      expect(Math.abs(Number(await slider.inputValue()) - was)).toBeCloseTo(0.05, 5);
      // The ranks and scores of this step are in while its intervals are held back: every confidence cell
      // reads "updating…", and the grid says it is busy.
      await expect
        .poll(async () => (await cells('confidence')).every((c) => c === 'updating…'), { timeout: 10_000 })
        .toBe(true);
      await expect.poll(() => grid().getAttribute('aria-busy')).toBe('true');
      const after = await cells('score');
      // Each step's scores are new ones, ranked: the grid shows them highest first.
      const scores = after.map(Number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      if (after.join() !== before.join()) moved += 1;
      before = after;
      if (step === 0) await screenshots('updating');
      await hold(false);
      await expect
        .poll(async () => (await cells('confidence')).every((c) => /\d/.test(c) || c === 'too few posts'))
        .toBe(true);
      await expect.poll(() => grid().getAttribute('aria-busy')).toBe('false');
    }
    // Every step changed the scores shown (a step of the slider changes the weight, so the scores).
    expect(moved).toBe(6);
    // The status bar says where the results now come from: no answer was read, the samples in hand were.
    await expect
      .poll(() => page.locator('footer[aria-label="Status bar"]').textContent())
      .toContain('re-scored from the samples in hand');
    await screenshots('settled');
  }, 180_000);
});
