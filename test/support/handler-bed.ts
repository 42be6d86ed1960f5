// The bed the handler tests share, one test file per handler domain (handlers-*.test.ts): the test app of app.ts
// on a simulator for the file, with workspaces and child processes disposed after each test.
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { PdfPrinter } from '../../src/core/report/pdf';
import { createMemoryKeychain, type Keychain } from '../../src/core/secrets/keychain';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { createTestApp, type TestApp } from './app';
import { tempDir } from './cli';
import { KEY, NOW, NOW_MS } from './faults';

/**
 * The bed the handler tests share (one file per handler domain): a simulator for the file, reset before each test,
 * and apps, workspaces and child processes disposed after each.
 */
export interface HandlerBed {
  /** Set before the file's first test. */
  readonly sim: SimulatorHandle;
  /** A test app on the simulator, with the test key in its keychain unless another is given. */
  app(opts?: {
    keychain?: Keychain;
    now?: string;
    pdf?: PdfPrinter;
    shell?: 'electron' | 'web';
  }): Promise<TestApp>;
  /** A workspace folder made by `tagfit init` with the given lists, on an unpaced plan. */
  workspace(tags: string[], regions?: string[], creators?: string[]): Promise<string>;
  /** Run after each test. */
  disposers: (() => Promise<void>)[];
  /** Killed after each test. */
  children: ChildProcess[];
}

export function useHandlerBed(): HandlerBed {
  const bed = {
    sim: undefined as unknown as SimulatorHandle,
    disposers: [] as (() => Promise<void>)[],
    children: [] as ChildProcess[],
    async app(
      opts: { keychain?: Keychain; now?: string; pdf?: PdfPrinter; shell?: 'electron' | 'web' } = {},
    ): Promise<TestApp> {
      const a = await createTestApp({
        keychain: opts.keychain ?? createMemoryKeychain(KEY),
        apiBase: bed.sim.url,
        now: opts.now ?? NOW,
        pdf: opts.pdf,
        shell: opts.shell,
      });
      bed.disposers.push(a.dispose);
      return a;
    },
    async workspace(
      tags: string[],
      regions = ['US', 'GB'],
      creators = ['acme_designs', 'studio_north'],
    ): Promise<string> {
      const t = await tempDir();
      bed.disposers.push(t.dispose);
      const ws = path.join(t.dir, 'client');
      // An unpaced plan: the simulator has none, and the tests should not wait on one.
      await initWorkspace(ws, { settings: { preset: 'seed', requestsPerMinute: 100_000 } });
      await writeFile(path.join(ws, 'tags.csv'), `tag\n${tags.join('\n')}\n`);
      await writeFile(path.join(ws, 'regions.csv'), `code\n${regions.join('\n')}\n`);
      await writeFile(path.join(ws, 'creators.csv'), `unique_id\n${creators.join('\n')}\n`);
      return ws;
    },
  };
  beforeAll(async () => {
    bed.sim = await startSimulator({ key: KEY, now: NOW_MS });
  });
  afterAll(async () => {
    await bed.sim.close();
  });
  beforeEach(() => {
    bed.sim.setOptions({ key: KEY, latencyMs: 0 });
    bed.sim.clearFaults();
    bed.sim.resetStats();
  });
  afterEach(async () => {
    for (const c of bed.children.splice(0)) c.kill('SIGKILL');
    await Promise.all(bed.disposers.splice(0).map((d) => d()));
  });
  return bed;
}
