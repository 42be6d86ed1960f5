// Two real processes on one workspace: the second is refused with the holder named, then gets in after release; a
// lock noted by another computer (a shared drive) is named and never taken over unless asked.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TagfitError } from '../../src/core/errors';
import { initWorkspace, workspacePaths } from '../../src/core/workspace/layout';
import { thisDevice } from '../../src/core/workspace/device';
import { acquireWorkspaceLock } from '../../src/core/workspace/lock';

const FIXTURE = path.resolve('test/fixtures/hold-workspace-lock.ts');

/** This computer's lock note in the workspace (data/locks/<device>.json). */
const noteFile = async (): Promise<string> =>
  path.join(workspacePaths(ws).locks, `${(await thisDevice()).id}.json`);

let ws: string;
const children: ChildProcessWithoutNullStreams[] = [];
beforeEach(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'tagfit-lock-'));
  await initWorkspace(ws);
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(ws, { recursive: true, force: true });
});

interface Holder {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next line the child prints. */
  nextLine(): Promise<string>;
  exited: Promise<number | null>;
}

function startHolder(app: 'cli' | 'app'): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, ws, app], { stdio: 'pipe' });
  children.push(child);
  const lines: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  let buf = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    nextLine: () => {
      const l = lines.shift();
      return l !== undefined ? Promise.resolve(l) : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

async function refusal(): Promise<TagfitError> {
  const e = await acquireWorkspaceLock(ws, { app: 'app' }).then(
    async (l) => {
      await l.release();
      return undefined;
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TagfitError);
  return e as TagfitError;
}

describe('workspace lock across processes', () => {
  it('refuses a second Tagfit naming the holder, and lets it in after release', async () => {
    const holder = startHolder('cli');
    expect(await holder.nextLine()).toBe('locked');

    const e = await refusal();
    expect(e.code).toBe('locked');
    expect(e.message).toMatch(
      new RegExp(
        `^Workspace ${ws.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by the Tagfit CLI ` +
          `\\(pid ${holder.child.pid} on host ${hostname()}\\) since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, ` +
          `on device "${(await thisDevice()).name}"( \\(user [^)]+\\))?\\.$`,
      ),
    );
    const note = JSON.parse(await readFile(await noteFile(), 'utf8'));
    expect(note).toMatchObject({ app: 'cli', pid: holder.child.pid, host: hostname() });

    holder.child.stdin.write('release\n');
    expect(await holder.nextLine()).toBe('released');
    expect(await holder.exited).toBe(0);

    const mine = await acquireWorkspaceLock(ws, { app: 'app' });
    await mine.release();
    await expect(stat(await noteFile())).rejects.toThrow();
  });

  it('the other way round: the app holds it, a CLI process is refused with the app named', async () => {
    const mine = await acquireWorkspaceLock(ws, { app: 'app' });
    try {
      const cli = startHolder('cli');
      const line = await cli.nextLine();
      expect(line).toContain('error locked: ');
      expect(line).toContain(`is in use by the Tagfit app (pid ${process.pid} on host ${hostname()})`);
      expect(await cli.exited).toBe(3);
    } finally {
      await mine.release();
    }
  });

  it('a holder that died does not block', async () => {
    const holder = startHolder('cli');
    expect(await holder.nextLine()).toBe('locked');
    holder.child.kill('SIGKILL');
    await holder.exited;
    // Its lock folder and note are left behind, as after a crash; its pid is gone, so the lock is taken over.
    const mine = await acquireWorkspaceLock(ws, { app: 'cli' });
    const note = JSON.parse(await readFile(await noteFile(), 'utf8'));
    expect(note.pid).toBe(process.pid);
    await mine.release();
  });

  it('a lock noted by another computer is named, not taken over however old, unless asked (--break-lock)', async () => {
    // Another laptop's note, synced in: its lock looks abandoned here (its folder's time is not refreshed).
    const file = path.join(workspacePaths(ws).locks, 'ben-laptop.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify({
        app: 'cli',
        pid: 4242,
        host: 'bens-macbook',
        since: '2026-12-06T09:00:00Z',
        token: 't',
        device: 'ben-laptop',
        deviceName: 'Ben laptop',
        user: 'ben',
        task: 'a score run',
      }),
    );
    await new Promise((r) => setTimeout(r, 1200));
    const e = await refusal();
    expect(e.code).toBe('locked');
    expect(e.message).toBe(
      `Workspace ${ws} is in use by the Tagfit CLI (pid 4242 on host bens-macbook) since 2026-12-06T09:00:00Z, ` +
        'on device "Ben laptop" (user ben), for a score run. That is another computer: on a shared drive its lock ' +
        'can look abandoned while the drive syncs, so Tagfit never takes it over by itself. If that Tagfit is no ' +
        'longer running, run again with --break-lock (in the app: Break the lock).',
    );
    // Refused, and nothing of the other computer's was touched.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ device: 'ben-laptop' });

    const mine = await acquireWorkspaceLock(ws, { app: 'cli' }, { staleMs: 2000, breakLock: true });
    expect(mine.broken).toEqual([expect.stringContaining(`took over the lock noted in ${file}: Workspace`)]);
    await expect(stat(file)).rejects.toThrow();
    await mine.release();
  });
});
