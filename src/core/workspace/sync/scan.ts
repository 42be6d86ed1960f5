// What is wrong in a workspace's files on a shared drive: sync clients' conflicted copies (found by name alone, cheap
// enough for every command), and for `workspace check` also damaged or foreign files in data/ and other locks.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseEntry, listCacheFiles } from '../cache-entry';
import { DEVICE_ID, type Device } from '../device';
import { parseRun } from '../history';
import { readTextFile } from '../json-file';
import type { WorkspacePaths } from '../layout';
import { describeHolder, isDeadHere, otherHolders } from '../lock';
import { loadSettings } from '../settings';
import { conflictOf, type SyncClient } from './conflict-names';

export type FindingKind = 'conflict' | 'damaged' | 'foreign' | 'lock';

/** What a conflicted copy holds, which decides whether it can be merged. */
export type CopyKind = 'run' | 'settings' | 'cache' | 'list' | 'report' | 'other';

export interface Finding {
  kind: FindingKind;
  /** The file, absolute. */
  path: string;
  /** For a conflicted copy: the file it is a copy of, absolute, and what it holds. */
  original?: string;
  copyOf?: CopyKind;
  client?: SyncClient;
  /** `merge`: `workspace check --fix` merges it; `list`: a person decides. */
  fix: 'merge' | 'list';
  message: string;
}

const CLIENT_NAMES: Record<SyncClient, string> = {
  dropbox: 'Dropbox',
  onedrive: 'OneDrive',
  'google-drive': 'Google Drive',
  syncthing: 'Syncthing',
};

/** Names a workspace's data/ folder holds that are Tagfit's (anything else there is foreign). */
const DATA_NAMES = new Set([
  'history',
  'cache',
  'locks',
  'ledger',
  'merged',
  '.gitignore',
  'watch.json',
  'watch',
  'localize.json',
  'localize',
]);
const DATA_LEGACY = new Set(['tagfit.lock', 'lock-holder.json']);
/** What operating systems and sync clients drop everywhere: never a finding. */
const SYSTEM_JUNK = /^(?:\.DS_Store|Thumbs\.db|desktop\.ini|Icon\r|\.dropbox(?:\.attr)?|~\$.*|\._.*)$/;

const ls = (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[]);

function kindOf(folder: string, original: string, paths: WorkspacePaths): CopyKind {
  if (folder === paths.history) return 'run';
  if (folder === paths.root && original === 'tagfit.json') return 'settings';
  if (folder === paths.root && original.endsWith('.csv')) return 'list';
  if (folder.startsWith(paths.cache)) return 'cache';
  if (folder.startsWith(paths.reports)) return 'report';
  return 'other';
}

const ADVICE: Record<CopyKind, string> = {
  run: 'both runs are kept when merged (workspace check --fix)',
  settings: 'merged field by field (workspace check --fix)',
  cache: 'the newer answer is kept when merged (workspace check --fix)',
  list: 'list files are yours, so Tagfit does not merge them: compare the two, keep the rows you want in the list, then delete the copy',
  report: 'a report is made again by any export: keep the one you want and delete the other',
  other: 'Tagfit cannot merge it: compare the two, keep one, then delete the copy',
};

/** The folders where Tagfit writes, each a place a sync client may leave a copy. */
async function foldersOf(paths: WorkspacePaths, cacheShards: boolean): Promise<string[]> {
  const folders = [paths.root, paths.data, paths.history, paths.locks, paths.cache, paths.reports];
  for (const d of await ls(paths.reports)) if (DEVICE_ID.test(d)) folders.push(path.join(paths.reports, d));
  folders.push(
    path.join(paths.data, 'ledger'),
    path.join(paths.data, 'watch'),
    path.join(paths.data, 'localize'),
  );
  // Each device's cache folder is written by that device alone, so a copy there is rare (a device id reused on two
  // computers, the older flat layout); its hundreds of shard folders are looked through by `workspace check`.
  if (!cacheShards) return folders;
  const cacheRoots = [paths.cache];
  for (const d of await ls(paths.cache)) if (DEVICE_ID.test(d)) cacheRoots.push(path.join(paths.cache, d));
  for (const c of cacheRoots) {
    if (c !== paths.cache) folders.push(c);
    for (const s of await ls(c)) if (/^[0-9a-f]{2}$/.test(s)) folders.push(path.join(c, s));
  }
  return folders;
}

/**
 * The conflicted copies of Tagfit's files, by name alone (no file is read). Every command checks without the cache's
 * shard folders (`cacheShards: false`, a few folders); `workspace check` and the app's banner look through them too.
 */
export async function findConflicts(
  paths: WorkspacePaths,
  opts: { cacheShards?: boolean } = {},
): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const folder of await foldersOf(paths, opts.cacheShards !== false)) {
    for (const name of await ls(folder)) {
      const c = conflictOf(name);
      if (!c) continue;
      const copyOf = kindOf(folder, c.original, paths);
      const canMerge = copyOf === 'run' || copyOf === 'settings' || copyOf === 'cache';
      const file = path.join(folder, name);
      const original = path.join(folder, c.original);
      out.push({
        kind: 'conflict',
        path: file,
        original,
        copyOf,
        client: c.client,
        fix: canMerge ? 'merge' : 'list',
        message: `${file} is a copy ${CLIENT_NAMES[c.client]} made of ${original}${c.device ? ` (from ${c.device})` : ''}: ${ADVICE[copyOf]}.`,
      });
    }
  }
  return out;
}

/** One line for every command's stderr when copies wait to be merged or read; undefined when there are none. */
export async function conflictNotice(paths: WorkspacePaths): Promise<string | undefined> {
  const found = await findConflicts(paths, { cacheShards: false });
  if (found.length === 0) return undefined;
  const mergeable = found.filter((f) => f.fix === 'merge').length;
  return (
    `${found.length} conflicted cop${found.length === 1 ? 'y' : 'ies'} of Tagfit's files in ${paths.root} ` +
    `(${mergeable} can be merged): run \`tagfit workspace check --workspace ${paths.root} --fix\``
  );
}

/** Everything `workspace check` reports: conflicted copies, damaged or foreign files in data/, other locks. */
export async function checkWorkspace(
  paths: WorkspacePaths,
  device: Device,
  opts: { cacheEntries?: boolean } = {},
): Promise<Finding[]> {
  const out = await findConflicts(paths);
  const copies = new Set(out.map((f) => f.path));
  const damaged = (file: string, message: string): void => {
    out.push({ kind: 'damaged', path: file, fix: 'list', message });
  };
  await loadSettings(paths.settings).catch((e: Error) => damaged(paths.settings, e.message));
  for (const name of await ls(paths.data)) {
    if (DATA_NAMES.has(name) || DATA_LEGACY.has(name) || SYSTEM_JUNK.test(name)) continue;
    const file = path.join(paths.data, name);
    if (copies.has(file) || /^watch\.json\.damaged-/.test(name)) continue;
    out.push({
      kind: 'foreign',
      path: file,
      fix: 'list',
      message: `${file} is not a file Tagfit writes: left as it is and ignored (move it out of data/ if it is yours).`,
    });
  }
  for (const name of await ls(paths.history)) {
    const file = path.join(paths.history, name);
    if (copies.has(file) || SYSTEM_JUNK.test(name) || /\.json\.\d+$/.test(name)) continue;
    if (!name.endsWith('.json')) {
      out.push({
        kind: 'foreign',
        path: file,
        fix: 'list',
        message: `${file} is not a run record: left as it is and ignored.`,
      });
      continue;
    }
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) continue;
    const raw = await readTextFile(file).catch((e: Error) => e.message);
    const r = raw === undefined ? undefined : parseRun(raw, file);
    if (r && 'problem' in r)
      damaged(file, `${r.problem.replace(/; skipped\.$/, '')}: not listed; left as it is.`);
  }
  // Every answer read: for `workspace check` (the CLI), not each time the app opens a workspace.
  const cacheRoots = opts.cacheEntries
    ? [
        paths.cache,
        ...(await ls(paths.cache)).filter((d) => DEVICE_ID.test(d)).map((d) => path.join(paths.cache, d)),
      ]
    : [];
  for (const c of cacheRoots) {
    for (const file of (await listCacheFiles(c)).entries) {
      const text = await readTextFile(file).catch(() => '');
      const e = parseEntry(text ?? '');
      if (!e.ok)
        damaged(
          file,
          `Cache entry ${file} is damaged (${e.reason}): read as a miss, replaced by the next fetch.`,
        );
    }
  }
  for (const h of await otherHolders(paths.root, device)) {
    const gone = isDeadHere(h.note);
    out.push({
      kind: 'lock',
      path: h.file,
      fix: 'list',
      message: gone
        ? `${h.file}: a lock left by a Tagfit on this computer that has ended; the next run clears it.`
        : `${h.file}: ${describeHolder(paths.root, h.note)} If that Tagfit is no longer running, \`tagfit score --break-lock\` (or Break the lock in the app) takes the workspace.`,
    });
  }
  return out;
}
