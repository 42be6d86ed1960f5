// The API key never leaves the wire: a canary key goes through the app's handlers and the CLI, with auth
// errors, 429s, 5xx and time-outs on the way, and appears in no IPC result, event, log line, report, cache or
// history file — while the simulator proves it did arrive in the X-Api-Key header.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKeychain } from '../../src/core/secrets/keychain';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { createTestApp } from '../support/app';
import { ROOT, runCli, tempDir } from '../support/cli';

const CANARY = 'CANARY-7f3a9c1e5b2d4f6a8c0e';
const NOW = '2026-11-20T00:00:00Z';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ key: CANARY, now: Date.parse(NOW) });
});
afterAll(() => sim.close());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function injectTrouble(): void {
  sim.inject({ kind: 'status', status: 429, retryAfter: '1', endpoint: '/challenge-posts/', times: 2 });
  sim.inject({ kind: 'status', status: 503, endpoint: '/challenge-posts/', times: 2 });
  sim.inject({
    kind: 'status',
    status: 500,
    endpoint: '/challenge-info-name/',
    match: { name: 'saasmarketing' },
    times: Infinity,
  });
  sim.inject({ kind: 'auth-200', endpoint: '/challenge-info-name/', match: { name: 'uxdesign' }, times: 1 });
}

describe('the API key never leaks', () => {
  it('through the app handlers: a workspace run, a decode, an export and a history compare leave it in no event, response, log, report, cache, history or settings file', async () => {
    const app = await createTestApp({ keychain: createMemoryKeychain(CANARY), apiBase: sim.url, now: NOW });
    const t = await tempDir();
    try {
      const ws = path.join(t.dir, 'client');
      await initWorkspace(ws, { settings: { preset: 'seed', requestsPerMinute: 100_000 } });
      await writeFile(
        path.join(ws, 'tags.csv'),
        'tag\nsmallbusinesscheck\nfounderlife\nsaasmarketing\nuxdesign\n',
      );
      await writeFile(path.join(ws, 'regions.csv'), 'code\nUS\nGB\n');
      await writeFile(path.join(ws, 'creators.csv'), 'unique_id\nacme_designs\n');
      const captured: unknown[] = [];
      const call = async (channel: string, payload: unknown): Promise<void> => {
        captured.push(await app.call(channel as never, payload));
      };
      await call('workspace:open', { dir: ws });
      await call('app:get-status', {});
      await call('keychain:test-key', {});
      injectTrouble();
      try {
        await call('run:start', { runId: 'canary-run-1' });
      } finally {
        sim.clearFaults();
      }
      await call('run:start', { runId: 'canary-run-2' });
      await call('run:rescore', { overrides: { preset: 'paid' } });
      await call('decode:competitors', { competitors: ['acme_designs'], posts: 30 });
      await call('creator-fit:run', { creators: ['acme_designs'] });
      await call('reports:export', {});
      await call('history:compare', { before: 'previous', after: 'last' });
      await call('keychain:get-state', {});
      const text = JSON.stringify([captured, app.events, app.logs]);
      expect(text).toContain('"type":"done"');
      expect(text).toContain('saasmarketing'); // the failure is reported…
      expect(text).toMatch(/refused the API key/); // …and so is the refused key
      expect(text).not.toContain(CANARY);
      const files = [...(await filesUnder(ws)), ...(await filesUnder(app.dir))];
      expect(files.some((f) => f.includes(`${path.sep}reports${path.sep}`))).toBe(true);
      expect(files.some((f) => f.includes(`${path.sep}history${path.sep}`))).toBe(true);
      expect(files.some((f) => f.includes(`${path.sep}cache${path.sep}`))).toBe(true);
      expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
      for (const f of files) expect(await readFile(f, 'utf8'), f).not.toContain(CANARY);
      expect(sim.stats().apiKeysSeen).toContain(CANARY);
    } finally {
      await app.dispose();
      await t.dispose();
    }
  });

  it('through the CLI: stdout, stderr, reports, cache and history hold no trace of it', async () => {
    const ws = await tempDir();
    const out = await tempDir();
    try {
      const init = await runCli([
        'init',
        ws.dir,
        '--tags',
        path.join(ROOT, 'resources/demo/tags.csv'),
        '--creators',
        path.join(ROOT, 'resources/demo/creators.csv'),
        '--regions',
        path.join(ROOT, 'resources/demo/regions.csv'),
      ]);
      expect(init.code, init.stderr).toBe(0);
      injectTrouble();
      const run = await runCli(
        [
          'score',
          '--workspace',
          ws.dir,
          '--api-base',
          sim.url,
          '--now',
          NOW,
          '--out',
          out.dir,
          '--format',
          'md,csv',
          '--json',
          '--rpm',
          '100000',
        ],
        {
          env: { TIKLIVE_KEY: CANARY },
        },
      );
      sim.clearFaults();
      expect(run.stdout.length).toBeGreaterThan(100);
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      const files = [...(await filesUnder(ws.dir)), ...(await filesUnder(out.dir))];
      expect(files.some((f) => f.includes(`${path.sep}cache${path.sep}`))).toBe(true);
      expect(files.some((f) => f.endsWith('.md'))).toBe(true);
      for (const f of files) expect(await readFile(f, 'utf8'), f).not.toContain(CANARY);
      expect(sim.stats().apiKeysSeen).toContain(CANARY);
    } finally {
      await ws.dispose();
      await out.dispose();
    }
  });
});
