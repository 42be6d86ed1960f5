// Writes report files safely: names checked to stay inside the chosen folder, a temporary file in the
// same folder flushed and renamed over the old one, an alternate name when the report is open in Excel.
import { lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TagfitError } from '../errors';
import { atomicWrite } from '../storage/atomic-write';
import { storageError } from '../storage/storage-error';

export interface WrittenFile {
  /** The name asked for. */
  requested: string;
  /** The name written: the requested one, or an alternate like "US-2026-11-20 (1).md". */
  name: string;
  /** Absolute path of the file written. */
  path: string;
  alternate: boolean;
  /** Set when an alternate name was used, for people: why. */
  note?: string;
}

/** The atomic writer (storage/atomic-write's signature); tests pass a failing one to simulate a full disk. */
export type AtomicWriter = (
  file: string,
  data: string | Buffer,
  options: { fsync: boolean; tmpfileCreated: (tmp: string) => void },
) => Promise<void>;

export interface WriteOptions {
  writer?: AtomicWriter;
}

/** How many alternates ("name (1).md" …) to try when the report is locked by another program. */
const MAX_ALTERNATES = 20;
/** On Windows, renaming over a file that Excel has open fails with one of these. */
const LOCKED_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const defaultWriter: AtomicWriter = (file, data, options) => atomicWrite(file, data, options);

/** Refuses a name that is not a plain file name (separators, "..", control or Windows-reserved characters). */
export function validateReportName(name: string): void {
  const bad = (why: string): never => {
    throw new TagfitError('input', `Invalid report file name "${name.replace(/\p{Cc}/gu, '?')}": ${why}.`, {
      name,
    });
  };
  if (name.length === 0) bad('it is empty');
  if (name.length > 200) bad('it is longer than 200 characters');
  if (name === '.' || name === '..') bad('it is not a file name');
  if (/[/\\]/.test(name)) bad('it contains a path separator');
  if (/[\p{Cc}<>:"|?*]/u.test(name)) bad('it contains a character that file systems refuse');
  if (/[. ]$/.test(name) || /^ /.test(name)) bad('it starts with a space or ends with a space or a dot');
  if (RESERVED_WINDOWS_NAMES.test(name)) bad('Windows reserves that name');
}

/** The absolute path of `name` in `dir`, refusing anything that would land outside `dir`. */
function insideDir(dir: string, name: string): string {
  validateReportName(name);
  const root = path.resolve(dir);
  const target = path.resolve(root, name);
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new TagfitError('input', `Report file name "${name}" would be written outside ${root}.`, {
      name,
      dir: root,
    });
  }
  return target;
}

/** "US-2026-11-20.md" → "US-2026-11-20 (1).md". */
export function alternateName(name: string, n: number): string {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

interface AttemptResult {
  ok: boolean;
  error?: unknown;
  /** The write failed after its temporary file was made: the folder is writable, the target is not. */
  locked?: boolean;
}

async function attempt(
  writer: AtomicWriter,
  target: string,
  content: string | Buffer,
): Promise<AttemptResult> {
  // A symlink in the folder would make the write land wherever it points: only our own files are replaced.
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    throw new TagfitError('storage', `Cannot write ${target}: it is a symbolic link; remove it first.`, {
      path: target,
    });
  }
  let tmpCreated = false;
  try {
    await writer(target, content, {
      fsync: true,
      tmpfileCreated: () => {
        tmpCreated = true;
      },
    });
    return { ok: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: e,
      locked: tmpCreated && existing !== undefined && LOCKED_CODES.has(code ?? ''),
    };
  }
}

/**
 * Writes `content` to `dir/name` atomically: the old file stays whole until the new one is complete.
 * Creates `dir` when missing. When the file is locked (open in Excel on Windows), writes "name (1).ext"
 * (or the next free alternate) and says so. Any other failure is a TagfitError('storage') naming the path.
 */
export async function writeFileAtomic(
  dir: string,
  name: string,
  content: string | Buffer,
  options: WriteOptions = {},
): Promise<WrittenFile> {
  const target = insideDir(dir, name);
  const root = path.dirname(target);
  try {
    await mkdir(root, { recursive: true });
  } catch (e) {
    throw storageError('create the folder', root, e);
  }
  const writer = options.writer ?? defaultWriter;

  const first = await attempt(writer, target, content);
  if (first.ok) return { requested: name, name, path: target, alternate: false };
  if (!first.locked) throw storageError('write', target, first.error);

  const code = (first.error as NodeJS.ErrnoException).code;
  for (let n = 1; n <= MAX_ALTERNATES; n += 1) {
    const altName = alternateName(name, n);
    const altPath = insideDir(root, altName);
    const next = await attempt(writer, altPath, content);
    if (next.ok) {
      return {
        requested: name,
        name: altName,
        path: altPath,
        alternate: true,
        note: `${name} is open in another program (${code}); wrote ${altName} instead`,
      };
    }
    if (!next.locked) throw storageError('write', altPath, next.error);
  }
  throw storageError('write', target, first.error);
}

/**
 * Before a run spends credits: the report folder exists (created when missing) and takes a file. A wrong or
 * read-only path on a shared drive is then said at once, not after the run. The folder can still vanish during
 * the run; writeFileAtomic creates it again.
 */
export async function checkReportDir(dir: string): Promise<void> {
  const root = path.resolve(dir);
  try {
    await mkdir(root, { recursive: true });
  } catch (e) {
    throw storageError('create the folder', root, e);
  }
  const probe = path.join(root, `.tagfit-write-check-${process.pid}`);
  try {
    await writeFile(probe, '');
  } catch (e) {
    throw storageError('write to the report folder', root, e);
  } finally {
    await rm(probe, { force: true }).catch(() => {});
  }
}

/** A file to write. Its content may name files listed before it (a report linking its chart): it is then made
 * with the names they were written under, an alternate when the first name was locked. It may be made
 * asynchronously (a PDF printed by a browser): a failure then leaves the files before it written. */
export interface ReportFile {
  name: string;
  content:
    string | Buffer | ((writtenAs: (requested: string) => string) => string | Promise<string | Buffer>);
}

/**
 * Writes several reports into `dir`, in order. Every name is checked before anything is written; each file is
 * written atomically, so a failure leaves earlier files complete and the failing one untouched.
 */
export async function writeReports(
  dir: string,
  files: readonly ReportFile[],
  options: WriteOptions = {},
): Promise<WrittenFile[]> {
  for (const f of files) insideDir(dir, f.name);
  const written: WrittenFile[] = [];
  const writtenAs = (requested: string): string =>
    written.find((w) => w.requested === requested)?.name ?? requested;
  // A file that cannot be written (a folder in its place, a printer without a browser) costs that file only: the
  // others are still written, and the first failure is thrown at the end with every file written and not.
  const failed: { name: string; error: unknown }[] = [];
  for (const f of files) {
    try {
      const content = typeof f.content === 'function' ? await f.content(writtenAs) : f.content;
      written.push(await writeFileAtomic(dir, f.name, content, options));
    } catch (e) {
      if (!(e instanceof TagfitError)) throw e;
      failed.push({ name: f.name, error: e });
    }
  }
  const first = failed[0]?.error;
  if (first instanceof TagfitError) {
    first.details.written = written.map((w) => w.path);
    first.details.notWritten = failed.map((x) => x.name);
    if (failed.length > 1) {
      const more = failed.slice(1).map((x) => x.name);
      first.message = `${first.message.replace(/\.$/, '')}; ${more.length} more not written: ${more.join(', ')}.`;
    }
    throw first;
  }
  return written;
}
