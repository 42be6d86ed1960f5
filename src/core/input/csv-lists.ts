// Readers for the three input lists (candidate hashtags, target creators, regions): a real CSV parser,
// tolerant of what spreadsheets produce, strict about values, with file, line, column and reason.
import { readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { TagfitError } from '../errors';
import { settingRef } from '../../shared/scoring-registry';
import {
  firstBadChar,
  HASHTAG_CHAR_PATTERN,
  HASHTAG_MAX,
  hashtagKey,
  hashtagProblem,
  stripHash,
} from '../../shared/hashtag';

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

interface ListKind {
  column: string;
  /** What the list holds, for messages. */
  noun: string;
  schema: z.ZodType<string, string>;
}

/** A field longer than this is not a list value: it is an unclosed quote eating the lines after it. */
const MAX_RECORD_CHARS = 4096;
/** Lists are short; a file this large is a wrong file, not a long list. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;

// The hashtag grammar lives in src/shared/hashtag.ts; re-exported for the modules that import it from here.
export { HASHTAG_CHAR_PATTERN, HASHTAG_MAX };

const hashtagSchema = z
  .string()
  .transform((raw) => hashtagKey(stripHash(raw)))
  .superRefine((v, ctx) => {
    const problem = hashtagProblem(v);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

// TikTok usernames are ASCII: Latin letters, digits, "_" and ".", 2 to 24 characters.
const USERNAME_CHAR = /^[a-z0-9_.]$/;
const usernameSchema = z
  .string()
  .transform((raw) => raw.trim().replace(/^@/, '').normalize('NFC').toLowerCase())
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: 'empty username' });
    else if (![...v].every((ch) => USERNAME_CHAR.test(ch)))
      ctx.addIssue({
        code: 'custom',
        message: `contains ${firstBadChar(v, USERNAME_CHAR)}: a TikTok username has only Latin letters, digits, _ and .`,
      });
    else if (v.length < 2 || v.length > 24)
      ctx.addIssue({
        code: 'custom',
        message: `${v.length} character${v.length === 1 ? '' : 's'} long: a TikTok username has 2 to 24`,
      });
  });

const regionSchema = z
  .string()
  .transform((raw) => raw.trim().toUpperCase())
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: 'empty region code' });
    else if (!/^[A-Z]{2}$/.test(v))
      ctx.addIssue({ code: 'custom', message: 'a region code is two letters (ISO 3166-1 alpha-2), e.g. US' });
  });

const TAGS: ListKind = { column: 'tag', noun: 'hashtag', schema: hashtagSchema };
const CREATORS: ListKind = { column: 'unique_id', noun: 'username', schema: usernameSchema };
const REGIONS: ListKind = { column: 'code', noun: 'region code', schema: regionSchema };

/** Start offsets of every line (LF endings), so a parse can resume at a given line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const isBlankLine = (text: string, starts: number[], line: number): boolean => {
  const from = starts[line - 1]!;
  const to = line < starts.length ? starts[line]! : text.length;
  return /^[\s,;\t]*$/.test(text.slice(from, to));
};

const cellText = (s: string): string => s.replace(/^\uFEFF/, '').trim();

function quoteList(cells: string[]): string {
  const shown = cells.slice(0, 5).map((c) => `"${c.length > 40 ? `${c.slice(0, 40)}…` : c}"`);
  return shown.join(', ') + (cells.length > 5 ? ', …' : '');
}

interface RawRow {
  line: number;
  cells: string[];
}

/**
 * Parses CSV rows from `text`, resuming after a malformed record instead of losing the rest of the file:
 * a record that fails (an unclosed quote, a field over the cap) is reported at the line it starts on and
 * parsing starts again on the next line. Each failure costs at most MAX_RECORD_CHARS of re-reading.
 */
function parseRows(
  text: string,
  delimiter: string,
  onError: (line: number, reason: string) => void,
): RawRow[] {
  const starts = lineStarts(text);
  const rows: RawRow[] = [];
  let firstLine = 1;
  while (firstLine <= starts.length) {
    let lastEnd = firstLine - 1;
    const offset = firstLine - 1;
    try {
      parse(text.slice(starts[firstLine - 1]!), {
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_CHARS,
        on_record: (record: string[], context) => {
          const end = context.lines + offset;
          let start = lastEnd + 1;
          while (start < end && isBlankLine(text, starts, start)) start += 1;
          rows.push({ line: start, cells: record });
          lastEnd = end;
          return null;
        },
      });
      break;
    } catch (e) {
      let bad = lastEnd + 1;
      while (bad < starts.length && isBlankLine(text, starts, bad)) bad += 1;
      const code = (e as { code?: string }).code;
      const lineLength = (starts[bad] ?? text.length) - (starts[bad - 1] ?? 0);
      onError(
        bad,
        code === 'CSV_MAX_RECORD_SIZE' && lineLength > MAX_RECORD_CHARS
          ? `the line is ${lineLength.toLocaleString('en')} characters long, more than the ${MAX_RECORD_CHARS.toLocaleString('en')} a list row may have (the line is skipped)`
          : code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE'
            ? 'a quote opened here is never closed (the line is skipped)'
            : `malformed CSV: ${(e as Error).message}`,
      );
      firstLine = bad + 1;
    }
  }
  return rows;
}

/** Decodes a file's bytes as UTF-8 text, or says plainly why it is not a CSV list. */
function decode(bytes: Uint8Array, file: string): string {
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
