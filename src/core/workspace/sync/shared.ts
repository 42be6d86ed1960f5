// Is this workspace used from more than one computer? Then what a run writes under a date (its reports) goes into
// a folder of this device's, so two laptops exporting on the same day never write one file.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEVICE_ID, type Device } from '../device';
import type { WorkspacePaths } from '../layout';

/** Files or folders a sync client keeps at the top of the folder it syncs. */
const MARKERS = ['.dropbox', '.dropbox.cache', '.stfolder', '.tmp.drivedownload', '.tmp.driveupload'];
/** Folder names sync clients give the folder they sync (OneDrive's "OneDrive - Agency" too). */
const SYNC_FOLDER =
  /^(?:dropbox|onedrive|google ?drive|my drive|googledrive-.+|icloud ?drive|cloudstorage)(?:\s.*)?$/i;

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

/** The sync client's folder this path is in, if any is recognised. */
export async function syncedFolderOf(dir: string): Promise<string | undefined> {
  const chain: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    chain.push(at);
    if (path.dirname(at) === at) break;
  }
  // Every folder's markers looked for at once, the innermost match kept: one round trip instead of one per marker
  // and level (app:get-status asks this while re-scores keep the cores busy, when each one waits its turn).
  const found = await Promise.all(
    chain.map(
      async (at) =>
        SYNC_FOLDER.test(path.basename(at)) ||
        (await Promise.all(MARKERS.map((m) => exists(path.join(at, m))))).includes(true),
    ),
  );
  const i = found.indexOf(true);
  return i < 0 ? undefined : chain[i];
}

/**
 * Why the workspace counts as shared, or undefined: this device was named (TAGFIT_DEVICE), it lies in a synced
 * folder, or another computer has left its runs or answers there.
 */
export async function sharedBecause(
  paths: WorkspacePaths,
  device: Device,
  env: Record<string, string | undefined> = process.env,
): Promise<string | undefined> {
  if (env.TAGFIT_DEVICE?.trim()) return 'TAGFIT_DEVICE names this computer';
  // Looked at side by side, answered in this order.
  const [synced, cacheDirs, runs] = await Promise.all([
    syncedFolderOf(paths.root),
    readdir(paths.cache).catch(() => [] as string[]),
    readdir(paths.history).catch(() => [] as string[]),
  ]);
  if (synced) return `it is in the synced folder ${synced}`;
  if (cacheDirs.some((d) => d !== device.id && DEVICE_ID.test(d)))
    return 'another computer keeps answers in it';
  if (runs.some((r) => /--[a-z0-9-]+\.json$/.test(r) && !r.endsWith(`--${device.id}.json`)))
    return 'another computer recorded runs in it';
  return undefined;
}

/** Where a run's reports go: reports/ for a workspace one computer uses, reports/<device>/ for a shared one. */
export async function reportsDirFor(paths: WorkspacePaths, device: Device): Promise<string> {
  return (await sharedBecause(paths, device)) ? path.join(paths.reports, device.id) : paths.reports;
}
