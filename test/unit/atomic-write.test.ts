// The one atomic writer: every byte written and checked before the rename, or the old file left as it was.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, type AtomicFs } from '../../src/core/storage/atomic-write';
import { smallDisk } from '../support/faults';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const report = 'region,rank,tag\n' + 'US,1,founderlife\n'.repeat(400); // 6,816 bytes

describe('atomicWrite', () => {
  it('a nearly full disk (4,096 bytes free): fails with ENOSPC, the old file whole, no temporary file left', async () => {
    const file = path.join(dir, 'US-2026-11-20.csv');
    await writeFile(file, 'LAST WEEK\n');
    const disk = smallDisk(4096);
    await expect(atomicWrite(file, report, { fs: disk })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(disk.free()).toBe(0); // the first write was short, as on a real disk: it took what fitted
    expect(await readFile(file, 'utf8')).toBe('LAST WEEK\n');
    expect(await readdir(dir)).toEqual(['US-2026-11-20.csv']);
  });

  it('short writes with room left: carried on until every byte is written', async () => {
    const file = path.join(dir, 'US.csv');
    const real = smallDisk(Number.MAX_SAFE_INTEGER);
    // A file system that takes at most 1,000 bytes a call (a network drive does such things).
    const trickle: AtomicFs = {
      ...real,
      async open(f, flags, mode) {
        const h = await real.open(f, flags, mode);
        return { ...h, write: (b, off, len, pos) => h.write(b, off, Math.min(len, 1000), pos) };
      },
    };
    await atomicWrite(file, report, { fs: trickle });
    expect(await readFile(file, 'utf8')).toBe(report);
  });

  it('a file system that claims a write it did not keep: caught by the size check, the old file kept', async () => {
    const file = path.join(dir, 'US.csv');
    await writeFile(file, 'OLD\n');
    const real = smallDisk(Number.MAX_SAFE_INTEGER);
    const liar: AtomicFs = {
      ...real,
      async open(f, flags, mode) {
        const h = await real.open(f, flags, mode);
        return {
          ...h,
          write: async (b, off, len, pos) => {
            await h.write(b, off, Math.min(len, 100), pos);
            return { bytesWritten: len };
          },
        };
      },
    };
    await expect(atomicWrite(file, report, { fs: liar })).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(file, 'utf8')).toBe('OLD\n');
    expect(await readdir(dir)).toEqual(['US.csv']);
  });
});
