// One writer per workspace: a proper-lockfile lock on data/, plus a note of who holds it for a clear refusal.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import { TagfitError } from '../errors';
import { toPrettyJson, writeFileAtomically } from './json-file';
import { workspacePaths } from './layout';

export interface LockHolder {
  app: 'cli' | 'app';
  pid?: number;
  host?: string;
}

interface HolderNote {
  app: 'cli' | 'app';
  pid: number;
  host: string;
  since: string;
  /** Ours alone, so release never deletes another holder's note. */
  token: string;
}

export interface WorkspaceLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** A lock not refreshed for this long belongs to a holder that is gone (default 30 s). */
  staleMs?: number;
  /** Called if the lock was lost while held (e.g. the machine slept past the stale time). */
  onCompromised?: (err: Error) => void;
}

const APP_NAMES = { cli: 'the Tagfit CLI', app: 'the Tagfit app' } as const;

async function readHolder(file: string): Promise<HolderNote | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as Partial<HolderNote>;
    if ((v.app === 'cli' || v.app === 'app') && typeof v.pid === 'number' && typeof v.host === 'string') {
      return v as HolderNote;
    }
  } catch {
    // Missing or half-written: the holder is simply not named.
  }
  return undefined;
}

/** On this machine we can tell at once that a holder's process has gone, without waiting for the stale time. */
function isDeadHere(h: HolderNote): boolean {
  if (h.host !== hostname() || h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function describeHolder(root: string, h: HolderNote | undefined): string {
  if (!h) return `Workspace ${root} is in use by another Tagfit.`;
  return `Workspace ${root} is in use by ${APP_NAMES[h.app]} (pid ${h.pid} on host ${h.host}) since ${h.since}.`;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the workspace for one writer. A second Tagfit gets TagfitError('locked') naming the holder; a holder
 * that died stops blocking once its lock goes stale (at once when its pid is known dead on this host).
 */
export async function acquireWorkspaceLock(
  dir: string,
  holder: LockHolder,
  opts: LockOptions = {},
): Promise<WorkspaceLock> {
  const paths = workspacePaths(dir);
  const rootStat = await stat(paths.root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    throw new TagfitError('input', `Workspace ${paths.root} does not exist.`, { path: paths.root });
  }
  await mkdir(paths.data, { recursive: true });
  const lockOpts = {
    lockfilePath: paths.lock,
    realpath: false,
    stale: opts.staleMs ?? 30_000,
    onCompromised:
      opts.onCompromised ??
      ((err: Error) => process.emitWarning(`Tagfit lost its lock on ${paths.root}: ${err.message}`)),
  };

  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(paths.data, lockOpts);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') {
      throw new TagfitError('storage', `Cannot lock ${paths.root}: ${(e as Error).message}`, {
        path: paths.root,
      });
    }
    let current = await readHolder(paths.lockHolder);
    if (current && isDeadHere(current)) {
      // Look again after a moment: a new holder may have just taken the lock and not yet written its note.
      await sleep(250);
      const again = await readHolder(paths.lockHolder);
      if (again?.token === current.token) {
        await rm(paths.lockHolder, { force: true });
        await rmdir(paths.lock).catch(() => {});
        return acquireWorkspaceLock(dir, holder, opts);
      }
      current = again;
    }
    throw new TagfitError('locked', describeHolder(paths.root, current), {
      path: paths.root,
      holder: current,
    });
  }

  const note: HolderNote = {
    app: holder.app,
    pid: holder.pid ?? process.pid,
    host: holder.host ?? hostname(),
    since: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    token: randomUUID(),
  };
  try {
    await writeFileAtomically(paths.lockHolder, toPrettyJson(note), { fsync: false });
  } catch (e) {
    await release().catch(() => {});
    throw e;
  }

  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      const h = await readHolder(paths.lockHolder);
      if (h?.token === note.token) await rm(paths.lockHolder, { force: true });
      await release().catch((e: NodeJS.ErrnoException) => {
        // Already released by proper-lockfile after a compromise: nothing left to undo.
        if (e.code !== 'ERELEASED' && e.code !== 'ENOTACQUIRED') throw e;
      });
    },
  };
}
