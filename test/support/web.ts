// The browser preview as a user starts it (`npm run web`, i.e. scripts/web.ts) and a Chromium driving it (found
// by src/core/browser/discovery.ts: the system's, Playwright's or @sparticuz/chromium's).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from '../../src/core/browser/discovery';
import { ROOT } from './cli';
import { KEY, NOW } from './faults';

/** Screenshots the browser tests take, to be looked at (CI keeps the folder). */
export const SCREENSHOTS = path.join(ROOT, '.test-reports');

export interface Preview {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  close(): Promise<void>;
}

/** Starts `npm run web -- --no-open --port 0 …` and waits for the URL it prints. */
export function startPreview(args: string[], env: Record<string, string | undefined> = {}): Promise<Preview> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/run-ts.mjs'), 'scripts/web.ts', '--no-open', '--port', '0', ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TIKLIVE_KEY: undefined,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
        ...env,
      } as NodeJS.ProcessEnv,
    },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web printed no URL in 60 s:\n${err}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`npm run web exited with ${code}:\n${err}`)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Tagfit preview: (http:\/\/127\.0\.0\.1:\d+\/\S+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        child,
        stderr: () => err,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => {
              clearTimeout(hard);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** The browser the tests drive; fails (never skips) with the command that fixes it where none can be had. */
export function launchChromium(): Promise<Browser> {
  return launchBrowser();
}

/**
 * A page of the workbench at a desktop size whose uncaught errors are collected in `errors`: a browser test checks
 * them after each test with `expectNoPageErrors` (an uncaught error fails the test it happens in).
 */
export async function workbenchPage(
  browser: Browser,
  errors: string[],
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => {
    console.error(`page error: ${e.message}`);
    errors.push(e.message);
  });
  return page;
}

/** No uncaught error in the page since the last check (the collected ones are taken out). */
export function expectNoPageErrors(errors: string[]): void {
  expect(errors.splice(0), 'uncaught errors in the page').toEqual([]);
}

/**
 * Opens a view from the activity bar, as a click does, and waits until its panel shows. A click that lands while
 * the workbench re-renders (a workspace settling, a run ending) is given again, so a busy machine does not turn one
 * lost click into a test that waits out its timeout on the wrong view.
 */
export async function openView(page: Page, name: string): Promise<void> {
  const button = page
    .getByRole('navigation', { name: 'Activity bar' })
    .getByRole('button', { name, exact: true });
  const shown = (): Promise<string | null> => page.getByRole('tabpanel').first().getAttribute('aria-label');
  await expect
    .poll(
      async () => {
        if ((await shown()) !== name) await button.click();
        return shown();
      },
      { timeout: 30_000 },
    )
    .toBe(name);
}

/**
 * Runs a command from the palette as a person does: Ctrl/Cmd+Shift+P, the title typed into the palette's own field
 * (so no key lands where the focus was before), Enter once the selected match is that command, the palette closed.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const box = page.getByRole('combobox', { name: 'Type a command' });
  // The palette opens empty (it once cleared its field after opening, wiping what was typed on a busy machine, and
  // Enter then ran the first command of the whole list): the field is checked empty, the title typed (again, while
  // the field does not hold it), and Enter pressed once the selected match is that command.
  await expect.poll(() => box.inputValue()).toBe('');
  await expect
    .poll(async () => {
      if ((await box.inputValue()) !== title) await box.fill(title);
      return page
        .locator('.palette [role="option"][aria-selected="true"]')
        .first()
        .textContent({ timeout: 1000 });
    })
    .toContain(title);
  await box.press('Enter');
  await expect.poll(() => page.getByRole('dialog', { name: 'Command palette' }).count()).toBe(0);
}

/** Switches the workbench's theme by its palette command and waits until the page shows it. */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await runCommand(page, `Theme: ${theme}`);
  await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
}

/**
 * The preview against the simulator as most browser tests start it: the simulator's URL and the tests' key, the
 * tests' fixed clock (or `now`), the app's data in `<home>/app`, and `workspace` opened if one is given.
 */
export function previewOnSimulator(
  sim: { url: string },
  home: string,
  opts: { now?: string; workspace?: string; env?: Record<string, string | undefined> } = {},
): Promise<Preview> {
  return startPreview(
    [
      ...['--api-base', sim.url, '--now', opts.now ?? NOW, '--data-dir', path.join(home, 'app')],
      ...(opts.workspace === undefined ? [] : ['--workspace', opts.workspace]),
    ],
    { TIKLIVE_KEY: KEY, ...opts.env },
  );
}

/** A browser test's tear-down: closes (or disposes of) each part in the order given, passing over any not made. */
export async function closeAll(
  ...parts: ({ close(): Promise<unknown> } | { dispose(): Promise<unknown> } | undefined)[]
): Promise<void> {
  for (const part of parts) {
    if (part) await ('close' in part ? part.close() : part.dispose());
  }
}

/**
 * Screenshots of what the page shows now, light then dark, at `.test-reports/<name>-light.png` and `-dark.png`;
 * the page is left in the theme it had.
 */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const before = await page.locator('html').getAttribute('data-theme');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    // A frame for the theme's colours to be painted (the attribute changes first).
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${theme}.png`) });
  }
  if (before === 'light') await setTheme(page, 'light');
}

/** A grid's column `col` in the order the grid shows its rows (AG Grid moves rows without moving their DOM nodes). */
export function gridColumn(region: Locator, col: string): Promise<string[]> {
  return region.getByRole('grid').evaluate((root, c) => {
    const rows = [...root.querySelectorAll('[role="row"][row-index]')].sort(
      (a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')),
    );
    return rows
      .map((r) => r.querySelector(`[role="gridcell"][col-id="${c}"]`)?.textContent ?? null)
      .filter((t): t is string => t !== null);
  }, col);
}

/** Ctrl/Cmd+N or +O, then the folder typed into the dialog it opens (the preview has no native one). */
export async function folderDialog(
  page: Page,
  key: 'N' | 'O',
  dialog: string,
  dir: string,
  button: string,
): Promise<void> {
  await page.keyboard.press(`ControlOrMeta+${key}`);
  const d = page.getByRole('dialog', { name: dialog });
  await expect.poll(() => d.isVisible()).toBe(true);
  await d.getByLabel('Folder').fill(dir);
  await d.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => d.isVisible()).toBe(false);
}

/**
 * A competitor decoded from the Competitors view as a user does it (the username typed, Decode, Start decode in its
 * confirmation), waited out; returns the panel and the section of the tags found. `timeout` is a limit for a hang.
 */
export async function decodeInCompetitors(
  page: Page,
  username: string,
  timeout = 60_000,
): Promise<{ panel: Locator; tags: Locator }> {
  await openView(page, 'Competitors');
  const panel = page.getByRole('tabpanel', { name: 'Competitors' });
  await page.getByLabel('Competitor usernames').fill(`@${username}`);
  await panel.getByRole('button', { name: 'Decode', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Confirm the decode' })
    .getByRole('button', { name: 'Start decode' })
    .click();
  const tags = panel.getByRole('region', { name: `Tags of @${username}` });
  await expect.poll(() => tags.isVisible(), { timeout }).toBe(true);
  return { panel, tags };
}

/** Run from the side bar, then Start run in the estimate's dialog. */
export async function startRun(page: Page): Promise<void> {
  await page
    .getByRole('complementary', { name: 'Side bar' })
    .getByRole('button', { name: 'Run', exact: true })
    .click();
  await page.getByRole('button', { name: 'Start run' }).click();
}

/**
 * A run started from the side bar and waited out: until the side bar offers Run again or, with `finished`, until a
 * status says "Finished:". `timeout` is a limit for a hang, not a speed bound.
 */
export async function runToEnd(
  page: Page,
  opts: { timeout?: number; finished?: boolean } = {},
): Promise<void> {
  const timeout = opts.timeout ?? 90_000;
  await startRun(page);
  if (opts.finished) {
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Finished:' }).count(), { timeout })
      .toBeGreaterThan(0);
    return;
  }
  const run = page
    .getByRole('complementary', { name: 'Side bar' })
    .getByRole('button', { name: 'Run', exact: true });
  await expect.poll(() => run.isVisible(), { timeout, interval: 500 }).toBe(true);
}
