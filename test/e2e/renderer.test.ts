// The renderer in real Chromium, its window.tagfit bridge served by the very main-process handlers the app
// uses (through the same dispatch: validation, errors as results). Demo mode: no key, the simulator answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../src/shared/ipc-contract';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/dispatch';
import { createMemoryKeychain } from '../../src/core/secrets/keychain';
import { ROOT } from '../support/cli';
import { serveFolder } from '../support/static-server';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'out', 'renderer');
const SHOTS = path.join(ROOT, '.test-reports');
const KEY = 'e2e-canary-key-0123456789';

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const seen: unknown[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  if (!existsSync(path.join(OUT, 'index.html'))) {
    const b = spawnSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (b.status !== 0) throw new Error(`electron-vite build failed: ${b.stderr}`);
  }
  server = await serveFolder(OUT);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const handlers = createHandlers({
    keychain: createMemoryKeychain(),
    clock: () => new Date('2026-11-20T00:00:00Z'),
    demoDir: path.join(ROOT, 'resources', 'demo'),
    version: 'e2e',
    emit: <E extends keyof EventPayloads>(channel: E, payload: EventPayloads[E]) => {
      seen.push(payload);
      void page.evaluate(
        ([c, p]) =>
          (globalThis as unknown as { __tagfitEmit: (c: string, p: unknown) => void }).__tagfitEmit(c, p),
        [channel, payload] as const,
      );
    },
  });
  await page.exposeFunction('__tagfitInvoke', async (channel: string, payload: unknown) => {
    const r = await dispatch(handlers, channel, payload);
    seen.push(r);
    return r;
  });
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const w = globalThis as unknown as Record<string, unknown>;
    w.__tagfitEmit = (c: string, p: unknown) => listeners.get(c)?.forEach((l) => l(p));
    w.tagfit = {
      invoke: (c: string, p: unknown) =>
        (w.__tagfitInvoke as (c: string, p: unknown) => Promise<unknown>)(c, p),
      on: (c: string, l: (p: unknown) => void) => {
        if (!listeners.has(c)) listeners.set(c, new Set());
        listeners.get(c)!.add(l);
        return () => listeners.get(c)!.delete(l);
      },
    };
  });
  await page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('renderer (Chromium)', () => {
  it('loads the demo lists, scores them with progress, and shows the ranked hashtags per region', async () => {
    await expect.poll(() => page.getByText('Demo mode').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#tags').inputValue()).toContain('smallbusinesscheck');
    await page.getByRole('button', { name: 'Score' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/Done: \d+ credits, 0 failed/);
    const grid = page.getByTestId('results-grid');
    await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(10);
    const firstRow = grid.getByRole('row').nth(1);
    expect(await firstRow.textContent()).toMatch(/#\S+/);
    await page.getByRole('button', { name: 'GB', exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'GB', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'renderer-results.png') });
  });

  it('takes a key write-only: the renderer learns hasKey, and the key appears in nothing it receives', async () => {
    await page.locator('#key').fill(KEY);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByText('Demo mode').count()).toBe(0);
    expect(await page.locator('#key').inputValue()).toBe('');
    const status = await page.evaluate(() =>
      (
        globalThis as unknown as { tagfit: { invoke: (c: string, p: unknown) => Promise<unknown> } }
      ).tagfit.invoke('app:get-status', {}),
    );
    expect(status).toMatchObject({ ok: true, value: { hasKey: true } });
    expect(JSON.stringify(seen)).not.toContain(KEY);
  });
});
