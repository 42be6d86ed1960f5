// File system failures in words people understand, naming the path: one home for every writer and reader.
import { TagfitError } from '../errors';

/** The reason for an errno code, for people; `fallback` when the code says nothing useful. */
export function storageReason(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (is the folder read-only?)';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'ENOENT':
      return 'the folder no longer exists';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EEXIST':
      return 'a file has that name, not a folder';
    case 'EISDIR':
      return 'a folder already has that name';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return fallback;
  }
}

/** TagfitError('storage'): "Cannot <what> <target>: <reason>." with the errno code in the details. */
export function storageError(what: string, target: string, e: unknown): TagfitError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason = storageReason(code, e instanceof Error ? e.message : String(e));
  return new TagfitError(
    'storage',
    `Cannot ${what} ${target}: ${reason}.`,
    { path: target, code },
    { cause: e },
  );
}
