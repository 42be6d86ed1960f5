// The answer cache on disk: one JSON file per API answer under data/cache, bounded in size, never fatal.
import { statSync } from 'node:fs';
import { mkdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerCache, CachedAnswer } from '../api/types';
import { hashKey, listCacheFiles, parseEntry, readWithStatSync, realTime } from './cache-entry';
import { writeFileAtomically } from './json-file';

export const DEFAULT_CACHE_MAX_BYTES = 256 * 1024 * 1024;

export interface FileCacheOptions {
  /** Total size bound; the oldest entries are evicted after a set that crosses it (default 256 MB). */
  maxBytes?: number;
  /** Damaged entries and evictions are reported here (paths and counts, never bodies). */
  onWarning?: (msg: string) => void;
  /**
   * Read entries synchronously. A CLI run has nothing else to do meanwhile, and a warm re-score then reads
   * ~550 entries in a fraction of the time the thread pool takes; the app's main process must not block (a
   * workspace on a network drive), so it leaves this off.
   */
  syncReads?: boolean;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  /** Real fetch times (epoch ms, wall clock) of the oldest and newest entries; null when empty. */
  oldest: number | null;
  newest: number | null;
  maxBytes: number;
  /** Entries evicted by the size bound since this cache was opened. */
  evicted: number;
}

export interface PruneOptions {
  /** Remove entries really fetched (wall clock) more than this long before `now`. */
  olderThanMs?: number;
  /** The wall clock now, in ms. */
  now: number;
  /** Then remove the oldest entries until the total is at most this. */
  maxBytes?: number;
}

export interface FileCache extends AnswerCache {
  /** True when an entry exists and was fetched at most maxAgeMs before now. */
  has(key: string, maxAgeMs: number, now: number): Promise<boolean>;
  stats(): Promise<CacheStats>;
  /** Also removes damaged entries and temp files left by a killed process. */
  prune(opts: PruneOptions): Promise<{ removed: number; freedBytes: number }>;
  readonly dir: string;
}

interface IndexEntry {
  bytes: number;
  fetchedAt: number;
}

/** write-file-atomic's temp files are `<name>.<digits>`; older than this they belong to no live write. */
const TEMP_MAX_AGE_MS = 60 * 60_000;

/** Answers kept in memory per process (a 50-tag × 4-region run reads ~550). */
const MEMO_ENTRIES = 2_000;

const fmtBytes = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${n} B`;

/** A file cache in `dir` (the workspace's data/cache). Implements the client's AnswerCache. */
export function createFileCache(dir: string, opts: FileCacheOptions = {}): FileCache {
  const root = path.resolve(dir);
  const maxBytes = opts.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  const warned = new Set<string>();
  const warn = (file: string, msg: string): void => {
    // Once per file: a damaged entry would otherwise be reported on every lookup until it is replaced.
    if (warned.has(file)) return;
    warned.add(file);
    opts.onWarning?.(msg);
  };
  let index: Promise<Map<string, IndexEntry>> | undefined;
  // Answers this process already read or wrote, by file: the CLI's credit estimate walks the same entries the
  // run then reads, and a second read of a file would only repeat the first. Bounded; files removed drop out.
  // A memo entry holds only while the file keeps the size and mtime it had: a file changed behind our back is read.
  const memo = new Map<string, { answer: CachedAnswer; bytes: number; mtimeMs: number }>();
  const remember = (file: string, answer: CachedAnswer, bytes: number, mtimeMs: number): void => {
    if (memo.size < MEMO_ENTRIES || memo.has(file)) memo.set(file, { answer, bytes, mtimeMs });
  };
  const statOf = async (file: string): Promise<{ size: number; mtimeMs: number } | undefined> => {
    try {
      return opts.syncReads ? statSync(file) : await stat(file);
    } catch {
      return undefined;
    }
  };
  let evicted = 0;
  let evictionReported = false;
  let evicting: Promise<void> = Promise.resolve();

  const fileOf = (key: string): string => {
    const h = hashKey(key);
    return path.join(root, h.slice(0, 2), `${h}.json`);
  };

  /**
   * Sizes and ages from stat alone (set() stamps each file's mtime with its fetchedAt), so opening a large cache
   * does not read every body. Built once, then kept up to date by set/prune.
   */
  function loadIndex(): Promise<Map<string, IndexEntry>> {
    index ??= (async () => {
      const map = new Map<string, IndexEntry>();
      const { entries } = await listCacheFiles(root);
      await Promise.all(
        entries.map(async (f) => {
          const s = await stat(f).catch(() => undefined);
          if (s) map.set(f, { bytes: s.size, fetchedAt: s.mtimeMs });
        }),
      );
      return map;
    })();
    return index;
  }

  async function readEntry(key: string): Promise<CachedAnswer | undefined> {
    const file = fileOf(key);
    const known = memo.get(file);
    if (known) {
      const st = await statOf(file);
      if (st && st.size === known.bytes && st.mtimeMs === known.mtimeMs) return known.answer;
      memo.delete(file);
    }
    let text: string;
    let st: { size: number; mtimeMs: number } | undefined;
    try {
      ({ text, st } = opts.syncReads
        ? readWithStatSync(file)
        : { text: await readFile(file, 'utf8'), st: undefined });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        warn(file, `Cache entry ${file} cannot be read (${(e as Error).message}); treated as a miss.`);
      }
      return undefined;
    }
    const p = parseEntry(text);
    if (!p.ok) {
      warn(
        file,
        `Cache entry ${file} is damaged (${p.reason}); treated as a miss and replaced by the next fetch.`,
      );
      return undefined;
    }
    if (p.key !== key) {
      warn(file, `Cache entry ${file} holds the answer for another request; treated as a miss.`);
      return undefined;
    }
    st ??= await statOf(file);
    if (st) remember(file, p.answer, st.size, st.mtimeMs);
    return p.answer;
  }

  async function removeFile(file: string): Promise<void> {
    memo.delete(file);
    await rm(file, { force: true });
  }

  /** Removes the oldest entries until the total is at most `limit`, sparing `keep` (the entry just written). */
  async function evictTo(limit: number, keep?: string): Promise<{ removed: number; freedBytes: number }> {
    const map = await loadIndex();
    let total = 0;
    for (const e of map.values()) total += e.bytes;
    if (total <= limit) return { removed: 0, freedBytes: 0 };
    const byAge = [...map.entries()]
      .filter(([f]) => f !== keep)
      .sort((a, b) => a[1].fetchedAt - b[1].fetchedAt);
    let removed = 0;
    let freedBytes = 0;
    for (const [f, e] of byAge) {
      if (total <= limit) break;
      await removeFile(f);
      map.delete(f);
      total -= e.bytes;
      freedBytes += e.bytes;
      removed++;
    }
    return { removed, freedBytes };
  }

  return {
    dir: root,

    get: readEntry,

    async set(key, answer) {
      const file = fileOf(key);
      const text = JSON.stringify({
        key,
        fetchedAt: answer.fetchedAt,
        ...(answer.fetchedAtReal !== undefined ? { fetchedAtReal: answer.fetchedAtReal } : {}),
        body: answer.body,
      });
      await mkdir(path.dirname(file), { recursive: true });
      // No fsync: a cache entry lost to a power cut is found damaged and re-fetched, which costs one credit;
      // an fsync per answer would cost every run time.
      await writeFileAtomically(file, text, { fsync: false });
      // The file's time is the real fetch time: stats and pruning judge by it, not by a run's `--now`.
      const at = new Date(realTime(answer));
      await utimes(file, at, at).catch(() => {});
      warned.delete(file);
      const st = await statOf(file);
      if (st) remember(file, answer, st.size, st.mtimeMs);
      const map = await loadIndex();
      map.set(file, { bytes: Buffer.byteLength(text), fetchedAt: realTime(answer) });
      // One eviction at a time: concurrent sets would otherwise delete the same files twice.
      evicting = evicting.then(async () => {
        const r = await evictTo(maxBytes, file).catch((e: Error) => {
          // The answer is stored; failing to make room is worth a warning, not a failed fetch.
          opts.onWarning?.(`Cache ${root}: could not evict old entries (${e.message}).`);
          return { removed: 0, freedBytes: 0 };
        });
        if (r.removed === 0) return;
        evicted += r.removed;
        if (!evictionReported) {
          evictionReported = true;
          opts.onWarning?.(
            `Cache ${root} reached its bound of ${fmtBytes(maxBytes)}: removed the ${r.removed} oldest ` +
              `entr${r.removed === 1 ? 'y' : 'ies'} (${fmtBytes(r.freedBytes)}). Raise cacheMaxBytes to keep more.`,
          );
        }
      });
      await evicting;
    },

    async has(key, maxAgeMs, now) {
      const a = await readEntry(key);
      return a !== undefined && now - a.fetchedAt <= maxAgeMs;
    },

    async stats() {
      const map = await loadIndex();
      let bytes = 0;
      let oldest: number | null = null;
      let newest: number | null = null;
      for (const e of map.values()) {
        bytes += e.bytes;
        if (oldest === null || e.fetchedAt < oldest) oldest = e.fetchedAt;
        if (newest === null || e.fetchedAt > newest) newest = e.fetchedAt;
      }
      return { entries: map.size, bytes, oldest, newest, maxBytes, evicted };
    },

    async prune(p) {
      await evicting;
      memo.clear();
      const map = await loadIndex();
      const { entries, temps } = await listCacheFiles(root);
      let removed = 0;
      let freedBytes = 0;
      const drop = async (f: string, bytes: number): Promise<void> => {
        await removeFile(f);
        map.delete(f);
        removed++;
        freedBytes += bytes;
      };
      // Read each entry: ages judged from the content, not from mtimes a copy may have changed.
      for (const f of entries) {
        const text = await readFile(f, 'utf8').catch(() => undefined);
        if (text === undefined) continue;
        const bytes = Buffer.byteLength(text);
        const e = parseEntry(text);
        if (!e.ok || hashKey(e.key) !== path.basename(f, '.json')) {
          opts.onWarning?.(`Cache entry ${f} was damaged; removed.`);
          await drop(f, bytes);
        } else if (p.olderThanMs !== undefined && p.now - realTime(e.answer) > p.olderThanMs) {
          await drop(f, bytes);
        } else {
          map.set(f, { bytes, fetchedAt: realTime(e.answer) });
        }
      }
      for (const t of temps) {
        const s = await stat(t).catch(() => undefined);
        // File times are wall-clock times, so they are judged against the wall clock, not the caller's `now`.
        if (s && Date.now() - s.mtimeMs > TEMP_MAX_AGE_MS) {
          await removeFile(t);
          removed++;
          freedBytes += s.size;
        }
      }
      if (p.maxBytes !== undefined) {
        const r = await evictTo(p.maxBytes);
        removed += r.removed;
        freedBytes += r.freedBytes;
      }
      return { removed, freedBytes };
    },
  };
}
