// Two copies of a folder merged the way Dropbox merges them after both changed offline: a file the same on both
// sides is one file; a file that differs keeps the first side's version and gets a "(B's conflicted copy DATE)"
// sibling holding the second side's. Folders are unioned.
import { copyFile, mkdir, readdir, readFile, stat, utimes } from 'node:fs/promises';
import path from 'node:path';

async function files(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => [])) {
    const p = path.join(rel, e.name);
    if (e.isDirectory()) {
      out.push(`${p}/`, ...(await files(root, p)));
    } else out.push(p);
  }
  return out;
}

/** "tagfit.json" → "tagfit (Ben's conflicted copy 2026-12-06).json". */
export function dropboxCopyName(name: string, device: string, date: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
  return `${stem} (${device}'s conflicted copy ${date})${ext}`;
}

/** Merges `a` and `b` into `out`; returns the conflicted copies it made (relative paths). */
export async function mergeLikeDropbox(
  a: string,
  b: string,
  out: string,
  opts: { device: string; date: string },
): Promise<string[]> {
  const copies: string[] = [];
  const all = [...new Set([...(await files(a)), ...(await files(b))])].sort();
  const keepTime = async (from: string, to: string): Promise<void> => {
    const s = await stat(from);
    await utimes(to, s.atime, s.mtime);
  };
  for (const rel of all) {
    const target = path.join(out, rel);
    if (rel.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const [inA, inB] = [path.join(a, rel), path.join(b, rel)];
    const [ta, tb] = await Promise.all([
      readFile(inA).catch(() => undefined),
      readFile(inB).catch(() => undefined),
    ]);
    if (ta && tb && !ta.equals(tb)) {
      await copyFile(inA, target);
      await keepTime(inA, target);
      const copy = path.join(path.dirname(rel), dropboxCopyName(path.basename(rel), opts.device, opts.date));
      await copyFile(inB, path.join(out, copy));
      await keepTime(inB, path.join(out, copy));
      copies.push(copy);
    } else {
      const from = ta ? inA : inB;
      await copyFile(from, target);
      await keepTime(from, target);
    }
  }
  return copies;
}
