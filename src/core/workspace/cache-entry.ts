// One cached answer on disk: its file name (a hash of the call), its JSON shape, how it is read back, and where
// the entries lie (a folder per first two hex digits).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CachedAnswer } from '../api/types';

const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;
const SHARD_NAME = /^[0-9a-f]{2}$/;

/** Reads a file and its size and mtime with the same four system calls readFileSync makes anyway. */
export function readWithStatSync(file: string): { text: string; st: { size: number; mtimeMs: number } } {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { text: buf.toString('utf8', 0, off), st: { size: off, mtimeMs: st.mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

/** When an answer was really fetched (older entries only have the run clock's time). */
export const realTime = (a: CachedAnswer): number => a.fetchedAtReal ?? a.fetchedAt;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

type Parsed = { ok: true; key: string; answer: CachedAnswer } | { ok: false; reason: string };

/** An entry file's text as a cached answer, or why it is damaged. */
export function parseEntry(text: string): Parsed {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, reason: text.length === 0 ? 'it is empty' : 'it is not valid JSON (truncated?)' };
  }
  const e = v as { key?: unknown; fetchedAt?: unknown; fetchedAtReal?: unknown; body?: unknown } | null;
  if (!e || typeof e !== 'object' || typeof e.key !== 'string') return { ok: false, reason: 'it has no key' };
  if (typeof e.fetchedAt !== 'number' || !Number.isFinite(e.fetchedAt)) {
    return { ok: false, reason: 'it has no valid fetchedAt' };
  }
  if (!('body' in e)) return { ok: false, reason: 'it has no body' };
  const real =
    typeof e.fetchedAtReal === 'number' && Number.isFinite(e.fetchedAtReal) ? e.fetchedAtReal : undefined;
  return {
    ok: true,
    key: e.key,
    answer: { fetchedAt: e.fetchedAt, ...(real !== undefined ? { fetchedAtReal: real } : {}), body: e.body },
  };
}

/** The entry files under `root` (one folder per first two hex digits), and temp files a write left behind. */
export async function listCacheFiles(root: string): Promise<{ entries: string[]; temps: string[] }> {
  const shards = await readdir(root).catch(() => [] as string[]);
  const entries: string[] = [];
  const temps: string[] = [];
  await Promise.all(
    shards
      .filter((s) => SHARD_NAME.test(s))
      .map(async (s) => {
        for (const f of await readdir(path.join(root, s)).catch(() => [] as string[])) {
          if (ENTRY_NAME.test(f)) entries.push(path.join(root, s, f));
          else if (/\.json\.\d+$/.test(f)) temps.push(path.join(root, s, f));
        }
      }),
  );
  return { entries, temps };
}
