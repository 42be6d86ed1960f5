// The three list readers with a memory: a list file is parsed again only once it changed (inode, size, change and
// modification times), so the app's re-scores and status requests do not re-read three CSVs on every slider step.
// A file modified within the last seconds is always read again: a second save in the same clock tick with the same
// size would leave the same signature (git's "racily clean" files).
import { stat } from 'node:fs/promises';
import { type ListResult, readCreatorList, readRegionList, readTagList } from './csv-lists';

type Reader = (file: string) => Promise<ListResult>;

interface Entry {
  signature: string;
  list: ListResult;
}

/** How old a modification must be before the times are trusted to show the next one (timestamps are coarse). */
const SETTLED_NS = 2_000_000_000n;

/** What changes when the file's content may have: a save in place (size, times) or a replace (inode); undefined
 * when the file cannot be remembered (not a regular file, or changed too recently to trust its times). */
async function signatureOf(file: string): Promise<string | undefined> {
  try {
    const st = await stat(file, { bigint: true });
    if (!st.isFile()) return undefined;
    const now = BigInt(Date.now()) * 1_000_000n;
    if (now - st.mtimeNs < SETTLED_NS) return undefined;
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    // The reader says what is wrong with the path (typed, with the file), and nothing is remembered.
    return undefined;
  }
}

/** A copy the caller may change without changing what is remembered. */
const copyOf = (l: ListResult): ListResult => ({
  values: [...l.values],
  merged: l.merged.map((m) => ({ ...m, lines: [...m.lines] })),
  errors: l.errors.map((e) => ({ ...e })),
});

function remembering(read: Reader): Reader {
  // By path: one entry per list of each workspace opened in this process.
  const byPath = new Map<string, Entry>();
  return async (file) => {
    // The signature is taken before the read: a save during the read leaves a signature that no longer matches.
    const signature = await signatureOf(file);
    const known = byPath.get(file);
    if (signature !== undefined && known?.signature === signature) return copyOf(known.list);
    const list = await read(file);
    if (signature !== undefined) byPath.set(file, { signature, list: copyOf(list) });
    else byPath.delete(file);
    return list;
  };
}

/** readTagList, parsing the file again only when it changed since the last read of that path. */
export const readTagListCached = remembering(readTagList);
/** readCreatorList, parsing the file again only when it changed since the last read of that path. */
export const readCreatorListCached = remembering(readCreatorList);
/** readRegionList, parsing the file again only when it changed since the last read of that path. */
export const readRegionListCached = remembering(readRegionList);
