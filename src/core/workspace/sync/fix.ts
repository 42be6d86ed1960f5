// `workspace check --fix`: merges the conflicted copies whose content allows it (runs: both kept; settings: field by
// field; cache answers: the newer kept). A copy is moved to data/merged/ only once its content is safe in the
// merged file; a copy that cannot be read is left where it is and said. Nothing is deleted.
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { toErrorInfo } from '../../errors';
import { storageError } from '../../storage/storage-error';
import { parseEntry, realTime } from '../cache-entry';
import { loadRuns, parseRun, runIdBase, type StoredRun } from '../history';
import { readTextFile, toPrettyJson, writeFileAtomically } from '../json-file';
import type { WorkspacePaths } from '../layout';
import { parseSettings, saveSettingsFile } from '../settings';
import type { Finding } from './scan';
import { mergeSettingsCopies, sameValue } from './settings-merge';

export interface FixOutcome {
  /** The copy, where it went (data/merged/…), and what merging it did. */
  merged: { path: string; keptAs: string; message: string }[];
  /** Copies whose merge failed, left in place, with why (copies only a person can merge are findings). */
  failed: { path: string; message: string }[];
}

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Moves a merged copy under data/merged/, keeping its path relative to the workspace; never over another file. */
async function keepAside(paths: WorkspacePaths, file: string): Promise<string> {
  const rel = path.relative(paths.root, file);
  const dest = path.join(paths.merged, rel);
  await mkdir(path.dirname(dest), { recursive: true });
  const ext = path.extname(dest);
  let target = dest;
  for (let n = 2; await exists(target); n++)
    target = `${dest.slice(0, dest.length - ext.length)} (${n})${ext}`;
  await rename(file, target);
  return target;
}

async function mergeRun(f: Finding, paths: WorkspacePaths): Promise<string> {
  const raw = (await readTextFile(f.path)) ?? '';
  const copy = parseRun(raw, f.path);
  if ('problem' in copy) throw new Error(copy.problem.replace(/; skipped\.$/, ''));
  const originalRaw = await readTextFile(f.original!);
  const original = originalRaw === undefined ? undefined : parseRun(originalRaw, f.original!);
  if (original && 'run' in original && sameValue(original.run, copy.run))
    return 'the same run as the original';
  // Recorded already by an earlier --fix that could not move the copy aside: not recorded twice.
  const { id: copyId, ...content } = copy.run;
  for (const run of await loadRuns(paths.data)) {
    const { id, ...other } = run;
    if (id !== copyId && sameValue(other, content)) return `already recorded as run ${id}`;
  }
  // A different run under the same name: recorded again under a free id, so both are listed.
  const device = copy.run.device?.id ?? 'merged';
  const base = runIdBase(copy.run.now);
  const idOf = (n: number): string => `${base}${n > 1 ? `-${n}` : ''}--${device}`;
  let id = idOf(1);
  for (let n = 2; id === copyId || (await exists(path.join(paths.history, `${id}.json`))); n++) id = idOf(n);
  const run: StoredRun = { ...copy.run, id };
  await writeFileAtomically(path.join(paths.history, `${id}.json`), toPrettyJson(run));
  return `recorded as run ${id}`;
}

async function mergeSettings(f: Finding): Promise<string> {
  const file = f.original!;
  const copyRaw = (await readTextFile(f.path)) ?? '';
  const copy = parseSettings(copyRaw, f.path);
  const currentRaw = await readTextFile(file);
  const copies = [{ file: f.path, value: copy, mtimeMs: (await stat(f.path)).mtimeMs }];
  if (currentRaw !== undefined)
    copies.push({ file, value: parseSettings(currentRaw, file), mtimeMs: (await stat(file)).mtimeMs });
  const { merged, differed } = mergeSettingsCopies(copies);
  await saveSettingsFile(file, merged as Parameters<typeof saveSettingsFile>[1]);
  return differed.length === 0
    ? 'merged field by field (no field differed)'
    : `merged field by field; set differently, check these: ${differed.join(' | ')}`;
}

async function mergeCacheEntry(f: Finding): Promise<string> {
  const copy = parseEntry((await readTextFile(f.path)) ?? '');
  if (!copy.ok) throw new Error(`it is damaged (${copy.reason})`);
  const current = parseEntry((await readTextFile(f.original!)) ?? '');
  if (current.ok && current.key !== copy.key) throw new Error('it holds the answer to another request');
  if (current.ok && realTime(current.answer) >= realTime(copy.answer)) return 'the original is as new';
  const text = JSON.stringify({ key: copy.key, ...copy.answer });
  await writeFileAtomically(f.original!, text, { fsync: false });
  return 'its newer answer replaced the original';
}

/** Merges every finding marked `merge`; each failure is said and leaves its copy where it was. */
export async function fixConflicts(paths: WorkspacePaths, findings: readonly Finding[]): Promise<FixOutcome> {
  const out: FixOutcome = { merged: [], failed: [] };
  for (const f of findings) {
    if (f.kind !== 'conflict' || f.fix !== 'merge') continue;
    let what: string;
    try {
      what =
        f.copyOf === 'run'
          ? await mergeRun(f, paths)
          : f.copyOf === 'settings'
            ? await mergeSettings(f)
            : await mergeCacheEntry(f);
    } catch (e) {
      const message = `${f.path} was not merged and is left as it is: ${toErrorInfo(e).message}`;
      out.failed.push({ path: f.path, message });
      continue;
    }
    try {
      const keptAs = await keepAside(paths, f.path);
      out.merged.push({
        path: f.path,
        keptAs,
        message: `${f.path}: ${what}; the copy was moved to ${keptAs}.`,
      });
    } catch (e) {
      // Merged, but still there: the next --fix finds its content already in place and does not add it twice.
      const reason = storageError('move it to', paths.merged, e).message;
      out.failed.push({ path: f.path, message: `${f.path}: ${what}, but it is left where it is. ${reason}` });
    }
  }
  return out;
}
