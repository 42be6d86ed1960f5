// A list as the user typed it, kept beside the list while it holds rows the engine refuses: `tags.draft.csv` next
// to `tags.csv`. The list file stays what the CLI and a run read (valid rows only); the draft keeps the rest, the
// user's own words, so an invalid row survives closing the workspace and can be fixed later. No draft, no problem.
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LIST_NAMES, LIST_SETTINGS, type ListName } from '../../shared/scoring-registry';
import type { SkippedRow } from '../../shared/list-draft';
import { storageError } from '../storage/storage-error';
import { readTextFile, writeFileAtomically } from '../workspace/json-file';
import { listFromValues } from './csv-lists';
import { CREATORS, REGIONS, TAGS } from './list-kinds';

const HEADERS: Record<ListName, string> = {
  tags: TAGS.column,
  creators: CREATORS.column,
  regions: REGIONS.column,
};

/** `<dir>/tags.draft.csv`: the draft of a list, in the workspace folder beside the list. */
export const draftPath = (dir: string, list: ListName): string => path.join(dir, `${list}.draft.csv`);

/** The rows a list's values would lose (each with why), in their order. */
export function skippedRows(list: ListName, values: readonly string[]): SkippedRow[] {
  return listFromValues(list, values, LIST_SETTINGS[list].label).errors.map((e) => ({
    value: values[e.line - 1] ?? '',
    // '"slow-living" is not a hashtag: …' → 'not a hashtag: …': the value is said once, beside it.
    reason: e.reason.replace(/^".*?" is /s, ''),
  }));
}

/**
 * Keeps the list as typed while any row is refused (written atomically, quoted as CSV: a typed comma or quote is
 * kept), and removes the draft once every row is valid: the list file then says it all.
 */
export async function saveListDraft(dir: string, list: ListName, values: readonly string[]): Promise<void> {
  const file = draftPath(dir, list);
  if (skippedRows(list, values).length === 0) {
    await unlink(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw storageError('remove the draft', file, e);
    });
    return;
  }
  const text = stringify([[HEADERS[list]], ...values.map((v) => [v])], { record_delimiter: '\n' });
  await writeFileAtomically(file, text);
}

/** The list as the user last typed it, or undefined when it has no draft (or one that cannot be read). */
export async function readListDraft(
  dir: string,
  list: ListName,
  warn?: (m: string) => void,
): Promise<string[] | undefined> {
  const file = draftPath(dir, list);
  let text: string | undefined;
  try {
    text = await readTextFile(file);
  } catch (e) {
    warn?.(`${(e as Error).message}; the list shows ${list}.csv only.`);
    return undefined;
  }
  if (text === undefined) return undefined;
  try {
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    return rows.slice(1).map((r) => r[0] ?? '');
  } catch (e) {
    warn?.(`${file} could not be read (${(e as Error).message}); the list shows ${list}.csv only.`);
    return undefined;
  }
}

/** Every list's draft, where there is one. */
export async function readListDrafts(
  dir: string,
  warn?: (m: string) => void,
): Promise<Partial<Record<ListName, string[]>>> {
  const drafts: Partial<Record<ListName, string[]>> = {};
  // Read side by side (app:get-status asks for them while re-scores keep the cores busy).
  const read = await Promise.all(LIST_NAMES.map((list) => readListDraft(dir, list, warn)));
  LIST_NAMES.forEach((list, i) => {
    if (read[i]) drafts[list] = read[i];
  });
  return drafts;
}

/** The rows every list's draft holds that a run skips. */
export async function skippedInDrafts(dir: string, warn?: (m: string) => void): Promise<SkippedRow[]> {
  const drafts = await readListDrafts(dir, warn);
  return LIST_NAMES.flatMap((list) => (drafts[list] ? skippedRows(list, drafts[list]) : []));
}
