// The one session builder: the CLI's flags and the app's handlers resolve the same workspace to the same cache
// lifetimes, plan and time-out; explicit overrides win; the key follows the one key policy.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionRequestFromFlags } from '../../src/cli/session-flags';
import { type JobSession, resolveJobSession, SESSION_DEFAULTS } from '../../src/core/job/job-session';
import { createMemoryKeychain } from '../../src/core/secrets/keychain';
import { initWorkspace, type Workspace } from '../../src/core/workspace/layout';
import { type HandlerContext, sessionRequest } from '../../src/main/handlers/context';
import type { OpenWorkspace } from '../../src/main/session';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tagfit-session-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const HOUR = 3_600_000;
const NOW = new Date('2026-11-20T00:00:00Z');

/** The app's session of a workspace, through the handlers' own request builder. */
function appSession(ws: Workspace, opts: { envKey?: string; demo?: boolean } = {}): Promise<JobSession> {
  const ctx = {
    s: {
      clock: () => NOW,
      clockIsFixed: true,
      keychain: createMemoryKeychain('stored-key'),
      envKey: opts.envKey,
    },
    session: {},
  } as unknown as HandlerContext;
  const open: OpenWorkspace = { ws, demo: opts.demo === true, readOnly: false, heldBy: null };
  return resolveJobSession({ ...sessionRequest(ctx, open), workspace: ws });
}

/** The CLI's session of a workspace, from the flags as commander gives them (none set). */
function cliSession(ws: Workspace | undefined, flags: Record<string, unknown> = {}): Promise<JobSession> {
  return resolveJobSession({
    ...sessionRequestFromFlags({ now: NOW.toISOString(), ...flags }, { keys: false }),
    workspace: ws,
  });
}

const plan = (s: JobSession) => ({
  maxAgeMs: s.maxAgeMs,
  infoMaxAgeMs: s.infoMaxAgeMs,
  requestsPerMinute: s.requestsPerMinute,
  concurrency: s.concurrency,
  timeoutMs: s.timeoutMs,
  cacheDir: s.cacheDir,
});

describe('resolveJobSession', () => {
  it("gives the CLI and the app the same cache lifetimes, plan and time-out for one workspace: the workspace's", async () => {
    const ws = await initWorkspace(path.join(tmp, 'w'), {
      settings: { cacheMaxAgeHours: 12, infoCacheMaxAgeHours: 48, requestsPerMinute: 90, concurrency: 3 },
    });
    const app = await appSession(ws);
    const cli = await cliSession(ws);
    expect(plan(cli)).toEqual(plan(app));
    expect(plan(app)).toEqual({
      maxAgeMs: 12 * HOUR,
      infoMaxAgeMs: 48 * HOUR,
      requestsPerMinute: 90,
      concurrency: 3,
      timeoutMs: 15_000,
      cacheDir: ws.paths.cache,
    });
    // Both keep answers: the workspace's cache is open for both.
    expect(app.cache).toBeDefined();
    expect(cli.cache).toBeDefined();
  });

  it("a new workspace's defaults are the session defaults: 24 h answers, a week of challenge info, 200 rpm, 8 at once, 15 s", async () => {
    const ws = await initWorkspace(path.join(tmp, 'fresh'));
    const expected = {
      maxAgeMs: 24 * HOUR,
      infoMaxAgeMs: 168 * HOUR,
      requestsPerMinute: 200,
      concurrency: 8,
      timeoutMs: 15_000,
    };
    const { cacheDir: _a, ...app } = plan(await appSession(ws));
    const { cacheDir: _b, ...cli } = plan(await cliSession(ws));
    expect(app).toEqual(expected);
    expect(cli).toEqual(expected);
    // Without a workspace the CLI has the same plan, and no cache unless one is named.
    const bare = await cliSession(undefined);
    expect(plan(bare)).toEqual({ ...expected, cacheDir: undefined });
    expect(bare.cache).toBeUndefined();
    expect(SESSION_DEFAULTS.timeoutMs).toBe(15_000);
  });

  it('explicit overrides win over the workspace; --max-age holds for every answer; --no-cache reads none', async () => {
    const ws = await initWorkspace(path.join(tmp, 'o'), { settings: { requestsPerMinute: 90 } });
    const s = await cliSession(ws, {
      rpm: '30',
      concurrency: '2',
      timeout: '5',
      maxAge: '2',
      maxCredits: '7',
    });
    expect(plan(s)).toMatchObject({
      requestsPerMinute: 30,
      concurrency: 2,
      timeoutMs: 5_000,
      maxAgeMs: 2 * HOUR,
      infoMaxAgeMs: 2 * HOUR,
    });
    expect(s.maxCredits).toBe(7);
    const fresh = await cliSession(ws, { cache: false });
    expect([fresh.maxAgeMs, fresh.infoMaxAgeMs]).toEqual([0, 0]);
    await expect(cliSession(ws, { cache: false, offline: true })).rejects.toMatchObject({
      code: 'input',
      message: expect.stringMatching(/contradict each other/),
      details: { settings: ['offline', 'noCache'] },
    });
    await expect(cliSession(undefined, { offline: true })).rejects.toMatchObject({
      message: expect.stringMatching(/needs a cache/),
      details: { settings: ['offline', 'workspace', 'cacheDir'] },
    });
  });

  it('the key by the one policy: the environment wins over the keychain, the demo needs none, no key is said', async () => {
    const ws = await initWorkspace(path.join(tmp, 'k'));
    expect((await appSession(ws, { envKey: 'env-key' })).key?.reveal()).toBe('env-key');
    expect((await appSession(ws)).key?.reveal()).toBe('stored-key');
    expect((await appSession(ws, { demo: true })).key).toBeUndefined();
    await expect(
      resolveJobSession({ demo: false, keys: { keychain: createMemoryKeychain() }, workspace: ws }),
    ).rejects.toMatchObject({ code: 'input', message: expect.stringMatching(/No TikLiveAPI key/) });
  });
});
