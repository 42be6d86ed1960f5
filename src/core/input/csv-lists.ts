// Readers for the three input lists (candidate hashtags, target creators, regions): tolerant of what
// spreadsheets produce, strict about values, with file, line, column and reason.
import { parse } from 'csv-parse/sync';
import { TagfitError } from '../errors';
import { settingRef } from '../../shared/scoring-registry';
import { cellText, isBlankLine, lineStarts, parseRows, quoteList } from './csv-rows';
import { decode, readListBytes } from './list-file';
import { CREATORS, type ListKind, REGIONS, TAGS, usernameSchema } from './list-kinds';

export interface ListError {
  file: string;
  line: number;
  column: string;
  reason: string;
}

export interface ListResult {
  /** Valid, normalised values, each once, in the order first seen. */
  values: string[];
  /** Values listed more than once, with every line they were on. */
  merged: { value: string; lines: number[] }[];
  /** Rows that were skipped, and why; the other rows are still usable. */
  errors: ListError[];
}

/** Lists are short; a file this large is a wrong file, not a long list. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;

function parseList(text: string, file: string, kind: ListKind): ListResult {
  if (text.includes('\u0000')) {
    throw new TagfitError(
      'input',
      `${file} is not a text file (it contains NUL characters): expected a CSV list.`,
      { file },
    );
  }
  // One line ending throughout: csv-parse counts a CRLF inside a quoted field as two lines, which would
  // shift every line number reported after it.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (body.trim() === '')
    throw new TagfitError('input', `${file} is empty: expected a header line "${kind.column}".`, { file });

  const starts = lineStarts(body);
  let headerLine = 1;
  while (isBlankLine(body, starts, headerLine)) headerLine += 1;
  const headerText = body.slice(starts[headerLine - 1]!, starts[headerLine] ?? body.length);

  // Excel writes ";" or tabs in many locales: the delimiter is whichever makes the header name our column.
  let delimiter: string | undefined;
  let columnIndex = -1;
  let headerCells: string[] = [];
  for (const d of DELIMITERS) {
    let cells: string[];
    try {
      cells =
        (
          parse(headerText, { delimiter: d, relax_quotes: true, relax_column_count: true }) as string[][]
        )[0] ?? [];
    } catch {
      continue;
    }
    if (d === ',') headerCells = cells.map(cellText);
    const index = cells.findIndex((c) => cellText(c).toLowerCase() === kind.column);
    if (index >= 0) {
      delimiter = d;
      columnIndex = index;
      break;
    }
  }
  if (delimiter === undefined) {
    throw new TagfitError(
      'input',
      `${file} line ${headerLine}: expected a header with a column named "${kind.column}", found ${headerCells.length > 0 ? quoteList(headerCells) : 'nothing readable'}.`,
      { file, line: headerLine, column: kind.column },
    );
  }

  const errors: ListError[] = [];
  const report = (line: number, reason: string): void => {
    errors.push({ file, line, column: kind.column, reason });
  };
  const rows = parseRows(body, delimiter, report);
  const cells: { line: number; cell: string }[] = [];
  for (const row of rows) {
    if (row.line <= headerLine) continue;
    if (row.cells.every((c) => c.trim() === '')) continue; // a blank row, e.g. ",," from a spreadsheet
    const cell = row.cells[columnIndex];
    if (cell === undefined) report(row.line, `no "${kind.column}" cell in this row`);
    else cells.push({ line: row.line, cell });
  }
  return collectValues(cells, kind, errors, report);
}

/** Validates and normalises each cell, merging duplicates (with the lines they stood on). */
function collectValues(
  cells: readonly { line: number; cell: string }[],
  kind: ListKind,
  errors: ListError[],
  report: (line: number, reason: string) => void,
): ListResult {
  const firstLines = new Map<string, number[]>();
  for (const { line, cell } of cells) {
    const parsed = kind.schema.safeParse(cell);
    if (!parsed.success) {
      const shown = cell.trim().replace(/[\r\n]+/g, ' ');
      report(
        line,
        `"${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}" is not a ${kind.noun}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
      continue;
    }
    const lines = firstLines.get(parsed.data);
    if (lines) lines.push(line);
    else firstLines.set(parsed.data, [line]);
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    values: [...firstLines.keys()],
    merged: [...firstLines]
      .filter(([, lines]) => lines.length > 1)
      .map(([value, lines]) => ({ value, lines })),
    errors,
  };
}

/**
 * A list that arrives as values (the app's editor) rather than a file: the same validation and merging as a
 * CSV list; `line` is the item's position (1-based) and `file` the list's label.
 */
export function listFromValues(
  kind: 'tags' | 'creators' | 'regions',
  values: readonly string[],
  label: string,
): ListResult {
  const spec = { tags: TAGS, creators: CREATORS, regions: REGIONS }[kind];
  const errors: ListError[] = [];
  const report = (line: number, reason: string): void => {
    errors.push({ file: label, line, column: spec.column, reason });
  };
  return collectValues(
    values.map((cell, i) => ({ line: i + 1, cell })),
    spec,
    errors,
    report,
  );
}

async function readList(file: string, kind: ListKind): Promise<ListResult> {
  const bytes = await readListBytes(file);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new TagfitError(
      'input',
      `${file} is ${Math.round(bytes.length / 1048576)} MB: too large for a ${kind.noun} list.`,
      { file },
    );
  }
  return parseList(decode(bytes, file), file, kind);
}

/** Candidate hashtags from CSV text with a `tag` column; `#` dropped, NFC, lower case. */
export const parseTagList = (text: string, fileLabel: string): ListResult => parseList(text, fileLabel, TAGS);
/** Target creators from CSV text with a `unique_id` column; `@` dropped, lower case. */
export const parseCreatorList = (text: string, fileLabel: string): ListResult =>
  parseList(text, fileLabel, CREATORS);
/** Regions from CSV text with a `code` column; upper case. */
export const parseRegionList = (text: string, fileLabel: string): ListResult =>
  parseList(text, fileLabel, REGIONS);

/** One username as the creator list reads it (`@` dropped, lower case), or why it cannot be one. */
export function parseUsername(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const parsed = usernameSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
}

export const readTagList = (file: string): Promise<ListResult> => readList(file, TAGS);
export const readCreatorList = (file: string): Promise<ListResult> => readList(file, CREATORS);
export const readRegionList = (file: string): Promise<ListResult> => readList(file, REGIONS);

/** Says which duplicates were merged; invalid rows stop the run (file, line, reason) unless skipped. */
export function checkLists(
  lists: readonly ListResult[],
  warn: (m: string) => void,
  skipInvalid: boolean,
  notice: (m: string) => void = warn,
): void {
  const problems = lists.flatMap((l) => l.errors);
  // A merge loses nothing: a notice, which --quiet leaves out.
  for (const l of lists) {
    for (const m of l.merged) notice(`merged duplicates of "${m.value}" (lines ${m.lines.join(', ')})`);
  }
  if (problems.length === 0) return;
  const lines = problems.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.reason}`);
  if (!skipInvalid) {
    throw new TagfitError(
      'input',
      `invalid input (fix it, or use ${settingRef('skipInvalid')} to score the valid rows):\n  ${lines.join('\n  ')}`,
      { settings: ['skipInvalid'] },
    );
  }
  for (const l of lines) warn(`skipped ${l}`);
}
