// `npm run bench -- --scale-workbench`: the workbench at agency scale as a person drives it. A real run of 200 tags ×
// 25 regions against the simulator (its long-list switch, full samples, through the CLI), the browser preview
// opened on that workspace (the run rebuilt from the cache, 0 credits), then the velocity slider stepped from the
// keyboard as a drag moves it: per step, the time from the key to the grid's new scores, and to the intervals of
// the region in view, read in the page; a screenshot of the updating state and of the settled grid, light and dark.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../src/core/browser/discovery';
import { buildDemoDataset, startSimulator } from '../../src/core/simulator';
import { scaleTagNames, withScaleTags } from '../../src/core/simulator/scale-tags';
import { ROOT, runCli } from '../../test/support/cli';

const KEY = 'bench-scale-workbench-key-0001';
const NOW = '2026-11-20T00:00:00Z';
const STEPS = 12;

export interface WorkbenchScale {
  tags: number;
  regions: number;
  runSeconds: number;
  /** Per step: key → new scores in the grid, key → the region's intervals in the grid (ms, read in the page). */
  steps: { ranks: number; intervals: number }[];
  screenshots: string[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The CLI as the tests run it (test/support/cli.ts); a failure stops the bench with what it said. */
async function tagfit(args: string[], env: Record<string, string> = {}): Promise<void> {
  const r = await runCli(args, { env, timeoutMs: 900_000 });
  if (r.code !== 0) throw new Error(`tagfit ${args[0]} exited ${r.code}: ${r.stderr.slice(-2000)}`);
}

/** In the page: the time from now until `check` (a function's source) holds, checked every animation frame. The
 * script is a string: a function passed from here would carry the TypeScript loader's helpers the page lacks. */
const until = (page: Page, check: string): Promise<number> =>
  page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const done = ${check};
    const tick = () => (done() ? resolve(performance.now() - t0) : requestAnimationFrame(tick));
    tick();
  })`) as Promise<number>;

const SCORES = `() => [...document.querySelectorAll('[aria-label="Results US"] [role="gridcell"][col-id="score"]')].map((c) => c.textContent).join('|')`;
const SETTLED = `() => { const cells = [...document.querySelectorAll('[aria-label="Results US"] [role="gridcell"][col-id="confidence"]')]; return cells.length > 0 && cells.every((c) => c.textContent !== 'updating…'); }`;

export async function workbenchScale(tags = 200, regionCount = 25): Promise<WorkbenchScale> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-scale-wb-'));
  const sim = await startSimulator({
    key: KEY,
    now: Date.parse(NOW),
    dataset: withScaleTags(buildDemoDataset(), tags),
  });
  const preview: { close?: () => Promise<void> } = {};
  const browser = await launchBrowser();
  try {
    const ws = path.join(dir, 'agency-client');
    await tagfit(['init', ws]);
    const regions = Object.keys(buildDemoDataset().regions).slice(0, regionCount);
    await writeFile(path.join(ws, 'tags.csv'), `tag\n${scaleTagNames(tags).join('\n')}\n`);
    await writeFile(path.join(ws, 'regions.csv'), `code\n${regions.join('\n')}\n`);
    await writeFile(path.join(ws, 'creators.csv'), 'unique_id\nacme_designs\nstudio_north\n');
    process.stderr.write(`a real run of ${tags} × ${regionCount} against the simulator…\n`);
    const t0 = performance.now();
    // Full samples, a fast plan (the simulator's pace is the machine's), CSV only: the run is the set-up.
    const pace = ['--sampling', 'full', '--rpm', '100000', '--concurrency', '16', '--format', 'csv'];
    await tagfit(
      ['score', '--workspace', ws, '--api-base', sim.url, '--now', NOW, '--preset', 'organic', ...pace],
      { TIKLIVE_KEY: KEY },
    );
    const runSeconds = (performance.now() - t0) / 1000;
    const { SCREENSHOTS: shots, startPreview } = await import('../../test/support/web');
    const p = await startPreview(
      ['--api-base', sim.url, '--now', NOW, '--data-dir', path.join(dir, 'app'), '--workspace', ws],
      { TIKLIVE_KEY: KEY },
    );
    preview.close = p.close;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(p.url);
    await page.getByRole('region', { name: 'Results US' }).waitFor({ timeout: 180_000 });
    // Checked in the page by `until` (Playwright's waitForFunction evaluates a string with eval, which the
    // preview's Content Security Policy refuses).
    await Promise.race([
      until(page, SETTLED),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the grid did not settle in 180 s')), 180_000).unref(),
      ),
    ]);
    await mkdir(shots, { recursive: true });
    const slider = page.getByLabel('Velocity weight slider', { exact: true });
    const steps: WorkbenchScale['steps'] = [];
    const screenshots: string[] = [];
    for (let step = 0; step < STEPS; step++) {
      const before = (await page.evaluate(`(${SCORES})()`)) as string;
      await slider.focus();
      const ranks = until(page, `() => (${SCORES})() !== ${JSON.stringify(before)}`);
      await page.keyboard.press(step % 4 < 2 ? 'ArrowRight' : 'ArrowLeft');
      const r = await ranks;
      if (step < 2) {
        const file = path.join(
          shots,
          `scale-${tags}x${regionCount}-updating-${step === 0 ? 'light' : 'dark'}.png`,
        );
        await page.screenshot({ path: file });
        screenshots.push(file);
      }
      const i = await until(page, SETTLED);
      steps.push({ ranks: r, intervals: r + i });
      if (step === 0) {
        // The second step is looked at in the dark theme.
        await page.keyboard.press('ControlOrMeta+Shift+P');
        await page.getByRole('combobox', { name: 'Type a command' }).fill('Theme: dark');
        await page.keyboard.press('Enter');
      }
    }
    const file = path.join(shots, `scale-${tags}x${regionCount}-settled-dark.png`);
    await page.screenshot({ path: file });
    screenshots.push(file);
    return { tags, regions: regionCount, runSeconds, steps, screenshots };
  } finally {
    await browser.close();
    await preview.close?.();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function workbenchScaleSection(w: WorkbenchScale): string {
  const ranks = w.steps.map((s) => s.ranks);
  const intervals = w.steps.map((s) => s.intervals);
  const f = (x: number): string => x.toFixed(0);
  return [
    `The workbench driven at ${w.tags} tags × ${w.regions} regions (a real run against the simulator, ${w.runSeconds.toFixed(0)} s, reopened in the browser preview; ${w.steps.length} steps of the velocity slider from the keyboard, times read in the page from the key to the grid):`,
    '',
    '| key → new scores in the grid | key → the region in view settled (intervals) |',
    '| ---------------------------- | -------------------------------------------- |',
    `| ${f(median(ranks))} ms median (${f(Math.min(...ranks))}–${f(Math.max(...ranks))}) | ${f(median(intervals))} ms median (${f(Math.min(...intervals))}–${f(Math.max(...intervals))}) |`,
    '',
    `Screenshots: ${w.screenshots.map((s) => path.relative(ROOT, s)).join(', ')}`,
  ].join('\n');
}
