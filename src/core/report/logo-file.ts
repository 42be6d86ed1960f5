// The logo of a workspace's branding: read and checked (inside the workspace, a PNG, JPEG or SVG by name and by
// content, at most 2 MB) and inlined as a data: URL; or a file chosen elsewhere copied into the workspace first.
import { copyFile, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../../shared/branding';
import { TagfitError } from '../errors';
import type { ReportBranding } from './branding';

/** Where a branding problem is said: the settings file and the field, as every tagfit.json problem is. */
export function brandingError(settingsFile: string, field: string, problem: string): TagfitError {
  return new TagfitError('input', `${settingsFile}, field "branding.${field}": ${problem}.`, {
    path: settingsFile,
    field: `branding.${field}`,
  });
}

/** The first bytes each logo type starts with (an SVG is text with an <svg element). */
function looksLike(mime: string, bytes: Buffer): boolean {
  if (mime === 'image/png')
    return bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  if (mime === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const text = bytes.subarray(0, 4096).toString('utf8');
  return /<svg[\s>]/i.test(text) && !bytes.includes(0);
}

/** The image at `file`, checked: a file, a PNG/JPEG/SVG by extension and by content, at most 2 MB. */
async function checkedImage(
  file: string,
  bad: (problem: string) => TagfitError,
): Promise<{ mime: string; bytes: Buffer }> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw bad(e.code === 'ENOENT' ? 'does not exist' : `cannot be read (${e.code ?? e.message})`);
  });
  if (!info.isFile()) throw bad('is not a file');
  const mime = LOGO_TYPES[path.extname(file).toLowerCase() as keyof typeof LOGO_TYPES];
  if (!mime) throw bad('is not a PNG, JPEG or SVG image (by its extension)');
  if (info.size > LOGO_MAX_BYTES)
    throw bad(`is ${(info.size / 1_048_576).toFixed(1)} MB; a logo may be at most 2 MB`);
  const bytes = await readFile(file);
  if (!looksLike(mime, bytes)) {
    const kind = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' }[mime];
    throw bad(`is not a ${kind} image (its content does not match its name)`);
  }
  return { mime, bytes };
}

/** The workspace folder as the file system names it (symbolic links resolved), and a test for "inside it". */
async function workspaceRoot(
  workspaceDir: string,
): Promise<{ root: string; inside: (p: string) => boolean }> {
  const root = await realpath(path.resolve(workspaceDir)).catch(() => path.resolve(workspaceDir));
  return {
    root,
    inside: (p) => {
      const rel = path.relative(root, p);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    },
  };
}

/**
 * The logo as a data: URL, or a TagfitError('input') naming tagfit.json, the field and the problem: outside the
 * workspace (a symbolic link counts where it points), missing, not a PNG/JPEG/SVG, or over 2 MB.
 */
export async function readLogo(
  workspaceDir: string,
  logo: string,
  settingsFile: string,
): Promise<NonNullable<ReportBranding['logo']>> {
  const bad = (problem: string): TagfitError => brandingError(settingsFile, 'logo', `"${logo}" ${problem}`);
  const { root, inside } = await workspaceRoot(workspaceDir);
  const asked = path.resolve(root, logo);
  if (!inside(asked))
    throw bad(`is outside the workspace ${root}: copy the logo into the workspace (e.g. branding/logo.png)`);
  const real = await realpath(asked).catch((e: NodeJS.ErrnoException) => {
    throw bad(e.code === 'ENOENT' ? 'does not exist' : `cannot be read (${e.code ?? e.message})`);
  });
  if (!inside(real)) throw bad(`points outside the workspace (to ${real})`);
  const { mime, bytes } = await checkedImage(real, bad);
  return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}`, file: path.relative(root, real) };
}

/** Where a logo chosen outside the workspace is copied to, inside it. */
export const LOGO_FOLDER = 'branding';

/**
 * A logo file the user chose, as the path tagfit.json names it: relative to the workspace when it is inside, else
 * checked and copied into its branding/ folder first (a file of the same name there is never overwritten: the
 * copy takes "name (1).png"). Portable: a colleague opening the synced folder finds the logo with it.
 */
export async function adoptLogo(workspaceDir: string, file: string, settingsFile: string): Promise<string> {
  const bad = (problem: string): TagfitError => brandingError(settingsFile, 'logo', `"${file}" ${problem}`);
  const { root, inside } = await workspaceRoot(workspaceDir);
  const real = await realpath(path.resolve(file)).catch((e: NodeJS.ErrnoException) => {
    throw bad(e.code === 'ENOENT' ? 'does not exist' : `cannot be read (${e.code ?? e.message})`);
  });
  const { bytes } = await checkedImage(real, bad);
  const relative = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  if (inside(real)) return relative(real);
  const folder = path.join(root, LOGO_FOLDER);
  await mkdir(folder, { recursive: true });
  const ext = path.extname(real);
  const stem = path.basename(real, ext).replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'logo';
  for (let n = 0; n < 100; n += 1) {
    const target = path.join(folder, `${stem}${n === 0 ? '' : ` (${n})`}${ext.toLowerCase()}`);
    const there = await readFile(target).catch(() => undefined);
    if (there?.equals(bytes)) return relative(target);
    if (there !== undefined) continue;
    // COPYFILE_EXCL: two pickers at once never overwrite each other's copy.
    const copied = await copyFile(real, target, 1).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return false;
        throw new TagfitError('storage', `Cannot copy the logo to ${target}: ${e.message}`, { path: target });
      },
    );
    if (copied) return relative(target);
  }
  throw new TagfitError('storage', `Cannot copy the logo into ${folder}: too many files of that name.`);
}
