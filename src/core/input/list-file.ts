// Reading a list file: only a regular file, only UTF-8 text, and a plain reason when it is neither.
import { readFile, stat } from 'node:fs/promises';
import { TagfitError } from '../errors';

/** Decodes a file's bytes as UTF-8 text, or says plainly why it is not a CSV list. */
export function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new TagfitError('input', `${file} is empty: expected a CSV list.`, { file });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new TagfitError('input', `${file} is UTF-16 text: save it as "CSV UTF-8" and try again.`, { file });
  }
  if (bytes.includes(0))
    throw new TagfitError(
      'input',
      `${file} is not a text file (it contains NUL bytes): expected a CSV list.`,
      { file },
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TagfitError('input', `${file} is not UTF-8 text: save it as "CSV UTF-8" and try again.`, {
      file,
    });
  }
}

/**
 * A list file's bytes. Anything but a regular file is refused before it is opened: reading a FIFO would wait
 * forever for a writer, a device could be endless.
 */
export async function readListBytes(file: string): Promise<Buffer> {
  try {
    const st = await stat(file);
    if (!st.isFile() && !st.isDirectory()) {
      throw new TagfitError(
        'input',
        `Cannot read ${file}: it is not a regular file (a pipe, device or socket); give a CSV file.`,
        { file },
      );
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof TagfitError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : ((e as Error).message ?? String(e));
    throw new TagfitError('input', `Cannot read ${file}: ${why}.`, { file, code }, { cause: e });
  }
}
