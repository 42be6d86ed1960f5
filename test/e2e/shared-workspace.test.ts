// A shared client workspace in the browser preview: the banner says a sync client left a conflicted copy, Review
// lists it and merges it, History names the laptop each run came from; the banner passes axe in both themes.
// Screenshots land in .test-reports/sync-banner-light.png and sync-banner-dark.png.
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { runCli, tempDir } from '../support/cli';
import { demoWorkspace } from '../support/demo-workspace';
import { NOW } from '../support/faults';
import { thisDevice } from '../../src/core/workspace/device';
import { acquireWorkspaceLock } from '../../src/core/workspace/lock';
import {
  closeAll,
  expectNoPageErrors,
  folderDialog,
  launchChromium,
  openView,
  SCREENSHOTS,
  setTheme,
  startPreview,
  workbenchPage,
  type Preview,
} from '../support/web';

let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let ws: string;
const pageErrors: string[] = [];
const banner = () => page.getByRole('status', { name: 'Conflicted copies' });

beforeAll(async () => {
  home = await tempDir();
  ws = path.join(home.dir, 'client-zest');
  await demoWorkspace(ws);
  // Ben's laptop ran it, and the sync client left a copy of his tagfit.json beside Anna's.
  const ben = await runCli(['score', '--workspace', ws, '--demo', '--now', NOW, '--quiet'], {
    env: { TAGFIT_DEVICE: 'Ben laptop' },
  });
  expect(ben.code, ben.stderr).toBe(0);
  const settings = JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8'));
  await writeFile(
    path.join(ws, "tagfit (Ben's conflicted copy 2026-11-20).json"),
    JSON.stringify({ ...settings, pages: 3 }),
  );
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await startPreview(['--now', NOW, '--data-dir', path.join(home.dir, 'app'), '--workspace', ws], {
    TAGFIT_DEVICE: 'Anna laptop',
  });
  await page.goto(preview.url);
}, 180_000);

afterAll(() => closeAll(preview, browser, home));

describe('a shared workspace in the app', () => {
  it('the banner names the conflicted copy; Review lists it; axe passes in both themes (screenshots)', async () => {
    await expect
      .poll(() => banner().textContent())
      .toContain("1 conflicted copy of Tagfit's files in this workspace");
    await banner().getByRole('button', { name: 'Review' }).click();
    await expect
      .poll(() => banner().textContent())
      .toContain("tagfit (Ben's conflicted copy 2026-11-20).json is a copy Dropbox made of");
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expect(await axeViolations(page, '.sync-banner'), theme).toEqual([]);
      await banner().screenshot({ path: path.join(SCREENSHOTS, `sync-banner-${theme}.png`) });
    }
    expectNoPageErrors(pageErrors);
  }, 60_000);

  it('Merge merges it field by field; History shows the device each run came from', async () => {
    await banner().getByRole('button', { name: 'Merge what can be merged' }).click();
    await expect.poll(() => banner().textContent()).toContain('The conflicted copies were merged.');
    expect(JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).pages).toBe(3);

    await openView(page, 'History');
    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.getByRole('columnheader', { name: 'Device' }).waitFor();
    await expect.poll(() => runs.getByRole('row').nth(1).textContent()).toContain('Ben laptop');
    expectNoPageErrors(pageErrors);
  }, 60_000);
});

describe('a workspace in use, opened with Ctrl+O', () => {
  it('the alert offers to open it read-only, and that opens it read-only', async () => {
    // Another Tagfit on this computer (a cron run, say) holds the second client's workspace.
    const other = path.join(home.dir, 'client-acme');
    await demoWorkspace(other);
    const lock = await acquireWorkspaceLock(
      other,
      { app: 'cli', task: 'a score run' },
      { device: await thisDevice({ ...process.env, TAGFIT_DEVICE: 'Anna laptop' }) },
    );
    try {
      await folderDialog(page, 'O', 'Open workspace', other, 'Open');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('The workspace is in use');
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        expect(await axeViolations(page, '.alert'), theme).toEqual([]);
        await alert.screenshot({ path: path.join(SCREENSHOTS, `locked-alert-${theme}.png`) });
      }
      await alert.getByRole('button', { name: 'Open read-only' }).click();
      await expect.poll(() => page.getByText('client-acme (read-only)', { exact: true }).count()).toBe(1);
      // The open succeeded: the alert about it goes.
      await expect.poll(() => alert.count()).toBe(0);
    } finally {
      await lock.release();
    }
    expectNoPageErrors(pageErrors);
  }, 60_000);
});
