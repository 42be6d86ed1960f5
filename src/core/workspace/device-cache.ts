// A workspace's answer cache on a shared drive: each computer writes only its own folder, data/cache/<device>/, so
// two laptops never write one file; it reads the other computers' folders (and the older flat layout) read-only,
// so a run made on another laptop re-scores offline here and its answers are not paid for twice.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CachedAnswer } from '../api/types';
import { createFileCache, type FileCache, type FileCacheOptions } from './cache';
import { realTime } from './cache-entry';
import { DEVICE_ID, type Device, thisDevice } from './device';

/** How often a miss looks again for folders other computers added since (their sync may arrive mid-session). */
const RESCAN_MS = 30_000;
const SHARD = /^[0-9a-f]{2}$/;

/** The folder this device writes its answers into. */
export const deviceCacheDir = (cacheRoot: string, device: Device): string =>
  path.join(path.resolve(cacheRoot), device.id);

export async function createWorkspaceCache(
  cacheRoot: string,
  opts: FileCacheOptions & { device?: Device } = {},
): Promise<FileCache> {
  const root = path.resolve(cacheRoot);
  const device = opts.device ?? (await thisDevice());
  const own = createFileCache(deviceCacheDir(root, device), opts);
  // Read-only: nothing is ever set or evicted there, so no bound applies.
  const readOnly = (dir: string): FileCache =>
    createFileCache(dir, { onWarning: opts.onWarning, syncReads: opts.syncReads, maxBytes: Infinity });
  const others = new Map<string, FileCache>();
  let scannedAt = 0;
  const scan = async (): Promise<void> => {
    scannedAt = Date.now();
    for (const name of await readdir(root).catch(() => [] as string[])) {
      // The older flat layout's shards (data/cache/ab/…) are read through one reader of the root.
      const dir = SHARD.test(name) ? root : path.join(root, name);
      if (name === device.id || (!SHARD.test(name) && !DEVICE_ID.test(name)) || others.has(dir)) continue;
      others.set(dir, readOnly(dir));
    }
  };
  await scan();

  /** The answer the run's clock calls the newest (then the real fetch time), so no laptop pays for one in hand. */
  const newer = (a: CachedAnswer | undefined, b: CachedAnswer | undefined): CachedAnswer | undefined =>
    !a
      ? b
      : !b
        ? a
        : b.fetchedAt > a.fetchedAt || (b.fetchedAt === a.fetchedAt && realTime(b) > realTime(a))
          ? b
          : a;

  async function fromOthers(key: string): Promise<CachedAnswer | undefined> {
    let best: CachedAnswer | undefined;
    for (const c of others.values()) best = newer(best, await c.get(key));
    return best;
  }

  async function get(key: string): Promise<CachedAnswer | undefined> {
    const mine = await own.get(key);
    let theirs = await fromOthers(key);
    if (!mine && !theirs && Date.now() - scannedAt >= RESCAN_MS) {
      await scan();
      theirs = await fromOthers(key);
    }
    return newer(mine, theirs);
  }

  return {
    dir: own.dir,
    get,
    set: (key, answer) => own.set(key, answer),
    async has(key, maxAgeMs, now) {
      const a = await get(key);
      return a !== undefined && now - a.fetchedAt <= maxAgeMs;
    },
    stats: () => own.stats(),
    prune: (p) => own.prune(p),
  };
}
