// The workspace's declared variants (variants.csv: columns tag, region, variant): local-language variants the user
// already knows, read as tolerantly as the other lists and checked as strictly, each problem with file and line.
import { parse } from 'csv-parse/sync';
import { TagfitError } from '../errors';
import type { ListError } from './csv-lists';
import { cellText, isBlankLine, lineStarts, parseRows, quoteList } from './csv-rows';
import { decode, readListBytes } from './list-file';
import { REGIONS, TAGS } from './list-kinds';

export interface DeclaredVariant {
  tag: string;
  region: string;
  variant: string;
  /** The line it stood on. */
  line: number;
}

export interface VariantList {
  values: DeclaredVariant[];
  errors: ListError[];
}

const COLUMNS = ['tag', 'region', 'variant'] as const;
const DELIMITERS = [',', ';', '\t'] as const;

/** Declared variants from CSV text; a row with a bad cell is skipped and said (file, line, column, reason). */
export function parseVariantList(text: string, file: string): VariantList {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (body.trim() === '') return { values: [], errors: [] };
  const starts = lineStarts(body);
  let headerLine = 1;
  while (isBlankLine(body, starts, headerLine)) headerLine += 1;
  const headerText = body.slice(starts[headerLine - 1]!, starts[headerLine] ?? body.length);
  let delimiter: string | undefined;
  let index: number[] = [];
  let shown: string[] = [];
  for (const d of DELIMITERS) {
    let cells: string[];
    try {
      cells = ((parse(headerText, { delimiter: d, relax_quotes: true }) as string[][])[0] ?? []).map(
        cellText,
      );
    } catch {
      continue;
    }
    if (d === ',') shown = cells;
    const at = COLUMNS.map((c) => cells.findIndex((h) => h.toLowerCase() === c));
    if (at.every((i) => i >= 0)) {
      delimiter = d;
      index = at;
      break;
    }
  }
  if (delimiter === undefined)
    throw new TagfitError(
      'input',
      `${file} line ${headerLine}: expected a header with the columns "tag", "region" and "variant", found ${shown.length > 0 ? quoteList(shown) : 'nothing readable'}.`,
      { file, line: headerLine },
    );
  const errors: ListError[] = [];
  const values: DeclaredVariant[] = [];
  const seen = new Set<string>();
  const rows = parseRows(body, delimiter, (line, reason) =>
    errors.push({ file, line, column: 'tag', reason }),
  );
  for (const row of rows) {
    if (row.line <= headerLine || row.cells.every((c) => c.trim() === '')) continue;
    const read: Partial<Record<(typeof COLUMNS)[number], string>> = {};
    for (const [i, column] of COLUMNS.entries()) {
      const cell = row.cells[index[i]!];
      const kind = column === 'region' ? REGIONS : TAGS;
      const parsed = kind.schema.safeParse(cell ?? '');
      if (cell === undefined || !parsed.success) {
        const why =
          cell === undefined
            ? `no "${column}" cell in this row`
            : (parsed.error?.issues[0]?.message ?? 'invalid');
        errors.push({
          file,
          line: row.line,
          column,
          reason: cell === undefined ? why : `"${cell.trim()}" is not a ${kind.noun}: ${why}`,
        });
        break;
      }
      read[column] = parsed.data;
    }
    if (!read.tag || !read.region || !read.variant) continue;
    if (read.tag === read.variant) {
      errors.push({ file, line: row.line, column: 'variant', reason: `#${read.variant} is the tag itself` });
      continue;
    }
    const key = `${read.tag}|${read.region}|${read.variant}`;
    if (seen.has(key)) continue;
    seen.add(key);
    values.push({ tag: read.tag, region: read.region, variant: read.variant, line: row.line });
  }
  errors.sort((a, b) => a.line - b.line);
  return { values, errors };
}

/** The declared variants of a file; a missing file declares none. */
export async function readVariantList(file: string): Promise<VariantList> {
  let bytes: Buffer;
  try {
    bytes = await readListBytes(file);
  } catch (e) {
    if (e instanceof TagfitError && e.details.code === 'ENOENT') return { values: [], errors: [] };
    throw e;
  }
  if (bytes.length === 0) return { values: [], errors: [] };
  return parseVariantList(decode(bytes, file), file);
}
