// CSV rows as spreadsheets write them, read by a real parser that resumes after a malformed record, with the
// line each row starts on.
import { parse } from 'csv-parse/sync';

/** A field longer than this is not a list value: it is an unclosed quote eating the lines after it. */
const MAX_RECORD_CHARS = 4096;

/** Start offsets of every line (LF endings), so a parse can resume at a given line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export const isBlankLine = (text: string, starts: number[], line: number): boolean => {
  const from = starts[line - 1]!;
  const to = line < starts.length ? starts[line]! : text.length;
  return /^[\s,;\t]*$/.test(text.slice(from, to));
};

export const cellText = (s: string): string => s.replace(/^\uFEFF/, '').trim();

export function quoteList(cells: string[]): string {
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
export function parseRows(
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
