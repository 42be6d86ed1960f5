// The list readers with a memory: an unchanged list file is not parsed again, an edited one is (the new tag shows),
// and a file saved moments ago is always read again (its times are too coarse to show a second save yet).
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/core/input/csv-lists', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/input/csv-lists')>();
  return {
    ...real,
    readTagList: (file: string) => {
      parsed.count += 1;
      return real.readTagList(file);
    },
  };
});
const { readTagListCached } = await import('../../src/core/input/list-cache');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-list-cache-'));
  parsed.count = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A list file as a user saved it a while ago (a minute back). */
async function savedEarlier(file: string, text: string, minutesAgo = 1): Promise<void> {
  await writeFile(file, text);
  const t = new Date(Date.now() - minutesAgo * 60_000);
  await utimes(file, t, t);
}

describe('list files read with a memory', () => {
  it('an unchanged file is parsed once; an edited one again, and its new tag is there', async () => {
    const file = path.join(dir, 'tags.csv');
    await savedEarlier(file, 'tag\nskincare\nbooktok\n', 5);
    expect((await readTagListCached(file)).values).toEqual(['skincare', 'booktok']);
    expect((await readTagListCached(file)).values).toEqual(['skincare', 'booktok']);
    expect(parsed.count).toBe(1);

    // The user adds a tag (saved a minute later than the first version).
    await savedEarlier(file, 'tag\nskincare\nbooktok\nslowliving\n', 4);
    expect((await readTagListCached(file)).values).toEqual(['skincare', 'booktok', 'slowliving']);
    expect(parsed.count).toBe(2);
    // Same length, other tag, another save: read again too.
    await savedEarlier(file, 'tag\nskincare\nbooktok\nslowtravel\n', 3);
    expect((await readTagListCached(file)).values).toEqual(['skincare', 'booktok', 'slowtravel']);
    expect(parsed.count).toBe(3);
  });

  it('a file saved moments ago is read every time, so a second save in the same instant is not missed', async () => {
    const file = path.join(dir, 'tags.csv');
    await writeFile(file, 'tag\nskincare\n');
    await readTagListCached(file);
    await writeFile(file, 'tag\nbooktok\n');
    expect((await readTagListCached(file)).values).toEqual(['booktok']);
    expect(parsed.count).toBe(2);
  });

  it('what a caller changes in a list it got is not what the next caller gets', async () => {
    const file = path.join(dir, 'tags.csv');
    await savedEarlier(file, 'tag\nskincare\n');
    (await readTagListCached(file)).values.push('changed');
    expect((await readTagListCached(file)).values).toEqual(['skincare']);
  });

  it('a missing file is the reader’s typed error, and is read again once it exists', async () => {
    const file = path.join(dir, 'tags.csv');
    await expect(readTagListCached(file)).rejects.toThrow(/no such file/);
    await savedEarlier(file, 'tag\nskincare\n');
    expect((await readTagListCached(file)).values).toEqual(['skincare']);
  });
});
