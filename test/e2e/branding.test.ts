// Settings › Report branding as a user meets it in the browser preview: agency, client and accent typed, a logo
// chosen from outside the workspace (copied in), the header previewed live with the logo main read, saved to
// tagfit.json; reachable and named for a keyboard and a screen reader (axe), light and dark. Screenshots land in
// .test-reports/branding-light.png and branding-dark.png.
import { mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { axeViolations } from '../support/axe';
import { tempDir } from '../support/cli';
import { demoWorkspace } from '../support/demo-workspace';
import { KEY, NOW_MS } from '../support/faults';
import { pdfPagesText } from '../support/pdf';
import {
  closeAll,
  expectNoPageErrors,
  launchChromium,
  openView,
  previewOnSimulator,
  runCommand,
  runToEnd,
  SCREENSHOTS,
  setTheme,
  workbenchPage,
  type Preview,
} from '../support/web';

const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="40" height="40" rx="8" fill="#ff7a00"/><text x="48" y="27" font-family="sans-serif" font-size="18" font-weight="700" fill="#222">ACME</text></svg>';

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let ws: string;
const pageErrors: string[] = [];

const settingsView = () => page.getByRole('tabpanel', { name: 'Settings' });
const branding = () => settingsView().getByRole('group', { name: 'Report branding' });

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  ws = path.join(home.dir, 'client-zest');
  await demoWorkspace(ws);
  await writeFile(path.join(home.dir, 'acme-logo.svg'), LOGO);
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  // An unpaced plan: the simulator has none, and the run should not wait on one.
  const settingsFile = path.join(ws, 'tagfit.json');
  await writeFile(
    settingsFile,
    JSON.stringify(
      { ...JSON.parse(await readFile(settingsFile, 'utf8')), requestsPerMinute: 100_000 },
      null,
      2,
    ),
  );
  preview = await previewOnSimulator(sim, home.dir, { workspace: ws });
  await page.goto(preview.url);
}, 120_000);

afterAll(() => closeAll(preview, browser, home, sim));

describe('Settings › Report branding', () => {
  it('typed by keyboard, previewed live with the logo, saved to tagfit.json', async () => {
    await openView(page, 'Settings');
    await settingsView()
      .getByRole('heading', { name: /^Workspace: client-zest/ })
      .waitFor();
    // Typed key by key, as a person does (the first key into a preview tab's field once went missing).
    await branding().getByRole('textbox', { name: 'Agency' }).pressSequentially('Northwind Social');
    await branding().getByRole('textbox', { name: 'Client' }).pressSequentially('Zest Cola');
    const accent = branding().getByRole('textbox', { name: 'Accent colour', exact: true });
    await accent.pressSequentially('blue');
    expect(await accent.getAttribute('aria-invalid')).toBe('true');
    expect(await branding().textContent()).toContain('"blue" is not a hex colour');
    await accent.fill('');
    await accent.pressSequentially('#0b7a3b');
    expect(await accent.getAttribute('aria-invalid')).toBe('false');
    // The preview (no file dialog): the logo's path typed, then the button pressed from the keyboard.
    await branding()
      .getByRole('textbox', { name: 'Logo file (absolute path)' })
      .fill(path.join(home.dir, 'acme-logo.svg'));
    await branding().getByRole('button', { name: 'Use this logo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => branding().locator('output').textContent()).toBe('branding/acme-logo.svg');

    const header = branding().getByRole('figure', { name: 'Preview of the report header' });
    await expect.poll(() => header.textContent()).toContain('Prepared by Northwind Social for Zest Cola');
    expect(await branding().getByRole('textbox', { name: 'Agency' }).inputValue()).toBe('Northwind Social');
    const logo = header.getByRole('img', { name: 'Logo of Northwind Social' });
    await expect.poll(() => logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const colours = await page.evaluate(
      `(() => { const s = getComputedStyle(document.querySelector('.brand-header')); return [s.backgroundColor, s.color]; })()`,
    );
    expect(colours).toEqual(['rgb(11, 122, 59)', 'rgb(255, 255, 255)']);
    expect(await header.textContent()).toMatch(/contrast \d+\.\d:1/);

    await settingsView().getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8')).branding)
      .toEqual({
        agency: 'Northwind Social',
        client: 'Zest Cola',
        logo: 'branding/acme-logo.svg',
        accent: '#0b7a3b',
      });
    expect(await readFile(path.join(ws, 'branding', 'acme-logo.svg'), 'utf8')).toBe(LOGO);
    expectNoPageErrors(pageErrors);
  }, 120_000);

  it('passes axe in both themes; screenshots, light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expect(await axeViolations(page), theme).toEqual([]);
      await branding().scrollIntoViewIfNeeded();
      await branding().screenshot({ path: path.join(SCREENSHOTS, `branding-${theme}.png`) });
    }
    expectNoPageErrors(pageErrors);
  }, 60_000);

  it('Export from the preview writes the branded PDF beside the other formats', async () => {
    await runToEnd(page);
    await runCommand(page, 'Export reports');
    const out = path.join(home.dir, 'exported');
    const dialog = page.getByRole('dialog', { name: 'Export reports' });
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(() => readdir(out).catch(() => []), { timeout: 60_000 })
      .toContain('report-2026-11-20.pdf');
    const pages = await pdfPagesText(await readFile(path.join(out, 'report-2026-11-20.pdf')));
    expect(pages[0]).toContain('Prepared by Northwind Social for Zest Cola');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(await readdir(out)).toEqual(
      expect.arrayContaining(['US-2026-11-20.md', 'report-2026-11-20.html']),
    );
    expectNoPageErrors(pageErrors);
  }, 180_000);
});
