// One writer per workspace, advisory on a shared drive: each computer locks and notes only files of its own
// (data/locks/<device>.lock/ and <device>.json), and a note from another computer is named, never taken over silently.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { TagfitError } from '../errors';
import { storageError } from '../storage/storage-error';
import { type Device, thisDevice } from './device';
import { toPrettyJson, writeFileAtomically } from './json-file';
import { workspacePaths } from './layout';
import { conflictOf } from './sync/conflict-names';

export interface LockHolder {
  app: 'cli' | 'app';
  pid?: number;
  host?: string;
  /** What the holder is doing, said to whoever is refused ("a score run"). */
  task?: string;
}

export interface HolderNote {
  app: 'cli' | 'app';
  pid: number;
  host: string;
  since: string;
  /** Ours alone, so release never deletes another holder's note. */
  token: string;
  /** The computer (device.ts); notes by an older Tagfit have none. */
  device?: string;
  deviceName?: string;
  user?: string;
  task?: string;
}

export interface WorkspaceLock {
  release(): Promise<void>;
  /** Other computers' notes this lock took over (breakLock), as their messages: the caller says them. */
  broken: string[];
}

export interface LockOptions {
  /** A lock on this computer not refreshed for this long belongs to a holder that is gone (default 30 s). */
  staleMs?: number;
  /** Called if the lock was lost while held (e.g. the machine slept past the stale time). */
  onCompromised?: (err: Error) => void;
  /** Take the workspace even though another computer's note says it is in use (--break-lock, a confirm). */
  breakLock?: boolean;
  device?: Device;
}

const APP_NAMES = { cli: 'the Tagfit CLI', app: 'the Tagfit app' } as const;

export async function readHolder(file: string): Promise<HolderNote | undefined> {
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
export function isDeadHere(h: HolderNote): boolean {
  if (h.host !== hostname() || h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function describeHolder(root: string, h: HolderNote | undefined): string {
  if (!h) return `Workspace ${root} is in use by another Tagfit.`;
  const where = h.deviceName ? `, on device "${h.deviceName}"${h.user ? ` (user ${h.user})` : ''}` : '';
  const task = h.task ? `, for ${h.task}` : '';
  return `Workspace ${root} is in use by ${APP_NAMES[h.app]} (pid ${h.pid} on host ${h.host}) since ${h.since}${where}${task}.`;
}

const FOREIGN_ADVICE =
  'That is another computer: on a shared drive its lock can look abandoned while the drive syncs, so Tagfit never ' +
  'takes it over by itself. If that Tagfit is no longer running, run again with --break-lock (in the app: Break the lock).';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** How long a refused Tagfit waits for the holder's note before saying "another Tagfit" without a name. */
const NOTE_WAIT_MS = 2_000;

/** The notes of holders other than `device` (and an older Tagfit's single note), with their files. */
export async function otherHolders(
  dir: string,
  device: Device,
): Promise<{ file: string; lockDir?: string; note: HolderNote }[]> {
  const paths = workspacePaths(dir);
  const out: { file: string; lockDir?: string; note: HolderNote }[] = [];
  const names = await readdir(paths.locks).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || name === `${device.id}.json` || conflictOf(name)) continue;
    const file = path.join(paths.locks, name);
    const note = await readHolder(file);
    if (note) out.push({ file, lockDir: file.replace(/\.json$/, '.lock'), note });
  }
  const legacy = await readHolder(paths.lockHolder);
  if (legacy) out.push({ file: paths.lockHolder, lockDir: paths.lock, note: legacy });
  return out;
}

/**
 * Takes the workspace for one writer. Another Tagfit on this computer gets TagfitError('locked') naming it (a
 * holder that died stops blocking once its lock goes stale, at once when its pid is known dead here); a note
 * from another computer refuses too, naming it, unless `breakLock`.
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
  const device = opts.device ?? (await thisDevice());
  const noteFile = path.join(paths.locks, `${device.id}.json`);
  try {
    await mkdir(paths.locks, { recursive: true });
  } catch (e) {
    throw storageError('create the lock folder', paths.locks, e);
  }
  const lockOpts = {
    lockfilePath: path.join(paths.locks, `${device.id}.lock`),
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
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED')
      throw storageError(`lock ${paths.root}: cannot create`, lockOpts.lockfilePath, e);
    let current = await readHolder(noteFile);
    // A holder writes its note just after it takes the lock: give it that moment, so the refusal can name it.
    for (let waited = 0; !current && waited < NOTE_WAIT_MS; waited += 50) {
      await sleep(50);
      current = await readHolder(noteFile);
    }
    if (current && isDeadHere(current)) {
      // Look again after a moment: a new holder may have just taken the lock and not yet written its note.
      await sleep(250);
      const again = await readHolder(noteFile);
      if (again?.token === current.token) {
        await rm(noteFile, { force: true });
        await rmdir(lockOpts.lockfilePath).catch(() => {});
        return acquireWorkspaceLock(dir, holder, opts);
      }
      current = again;
    }
    throw new TagfitError('locked', describeHolder(paths.root, current), {
      path: paths.root,
      holder: current,
    });
  }

  const broken: string[] = [];
  try {
    for (const other of await otherHolders(dir, device)) {
      // Same host, process gone (a crash, or another device name given on this computer): nothing to ask.
      const gone = isDeadHere(other.note);
      if (!gone && !opts.breakLock) {
        const advice =
          other.note.host === hostname()
            ? 'It runs on this computer under another device name (TAGFIT_DEVICE); wait for it to finish.'
            : FOREIGN_ADVICE;
        throw new TagfitError('locked', `${describeHolder(paths.root, other.note)} ${advice}`, {
          path: paths.root,
          holder: other.note,
          file: other.file,
        });
      }
      await rm(other.file, { force: true });
      if (other.lockDir) await rm(other.lockDir, { recursive: true, force: true }).catch(() => {});
      if (!gone)
        broken.push(`took over the lock noted in ${other.file}: ${describeHolder(paths.root, other.note)}`);
    }
  } catch (e) {
    await release().catch(() => {});
    throw e;
  }

  const note: HolderNote = {
    app: holder.app,
    pid: holder.pid ?? process.pid,
    host: holder.host ?? hostname(),
    since: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    token: randomUUID(),
    device: device.id,
    deviceName: device.name,
    ...(device.user ? { user: device.user } : {}),
    ...(holder.task ? { task: holder.task } : {}),
  };
  try {
    await writeFileAtomically(noteFile, toPrettyJson(note), { fsync: false });
  } catch (e) {
    await release().catch(() => {});
    throw e;
  }

  let released = false;
  return {
    broken,
    async release() {
      if (released) return;
      released = true;
      const h = await readHolder(noteFile);
      if (h?.token === note.token) await rm(noteFile, { force: true });
      await release().catch((e: NodeJS.ErrnoException) => {
        // Already released by proper-lockfile after a compromise: nothing left to undo.
        if (e.code !== 'ERELEASED' && e.code !== 'ENOTACQUIRED') throw e;
      });
    },
  };
}
