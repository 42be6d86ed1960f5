// The one atomic file writer (reports, cache entries, history, tagfit.json, the lock note): a temporary file
// in the same folder, every byte written and checked, flushed, then renamed over the target. On any failure the
// temporary file is removed and the old file stays as it was.
//
// Why not write-file-atomic: it issues one write() and ignores how many bytes landed, so a nearly full disk
// left a truncated report behind a "wrote …" and exit 0. Here a short write is continued and a write that
// cannot finish is an error.
import { randomBytes } from 'node:crypto';
import { open as fsOpen, rename as fsRename, unlink as fsUnlink } from 'node:fs/promises';
import path from 'node:path';

/** The part of a file handle the writer uses (node:fs/promises FileHandle has it; tests inject a small disk). */
export interface WritableHandle {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  stat(): Promise<{ size: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file system calls the writer makes; node:fs/promises by default. */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

const nodeFs: AtomicFs = {
  open: (file, flags, mode) => fsOpen(file, flags, mode),
  rename: fsRename,
  unlink: fsUnlink,
};

export interface AtomicWriteOptions {
  /** Flush the file to the disk before the rename (default true; the cache skips it, a lost entry is refetched). */
  fsync?: boolean;
  /** Called once the temporary file exists: a later failure is about the target, not the folder. */
  tmpfileCreated?: (tmp: string) => void;
  fs?: AtomicFs;
}

/** `<name>.<digits>`: the cache's prune recognises a temporary file left by a killed process by that shape. */
const tempName = (file: string): string =>
  `${file}.${process.pid}${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}`;

/** A short write that made no progress: the disk took nothing more. */
const noSpace = (file: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });

/** Writes `data` to `file` whole or not at all. Throws the file system's error (with its `code`). */
export async function atomicWrite(
  file: string,
  data: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = tempName(path.resolve(file));
  const handle = await fs.open(tmp, 'wx', 0o666);
  let closed = false;
  try {
    options.tmpfileCreated?.(tmp);
    let off = 0;
    while (off < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, off, bytes.length - off, off);
      if (bytesWritten <= 0) throw noSpace(tmp);
      off += bytesWritten;
    }
    if (options.fsync !== false) await handle.sync();
    // The bytes the file system says it holds, not the bytes we asked it to take.
    const { size } = await handle.stat();
    if (size !== bytes.length) {
      throw Object.assign(new Error(`${tmp} holds ${size} of ${bytes.length} bytes after writing`), {
        code: 'EIO',
      });
    }
    closed = true;
    await handle.close();
    await fs.rename(tmp, file);
  } catch (e) {
    if (!closed) await handle.close().catch(() => {});
    await fs.unlink(tmp).catch(() => {});
    throw e;
  }
}
