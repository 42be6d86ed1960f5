// The CSV report of one region, for spreadsheets: one row per ranked tag, RFC 4180, UTF-8 with a BOM,
// and text cells guarded against formula injection (OWASP CSV injection).
import { stringify } from 'csv-stringify/sync';
import type { FailedTag, RegionResult, RunResult, ScoredTag, TagHistory } from '../../shared/model';
import {
  csvColumnsOf,
  SCORED_ROW_FIELDS,
  type ScoredRowField,
  type ScoredRowKey,
} from '../../shared/scored-row';
import { summaryRows } from './run-summary';
import { SIMULATED_LINE } from './title-block';
import { dropBidi } from '../text/safe-text';

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (with full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Makes a text cell safe for a spreadsheet: direction overrides dropped (as the Markdown report does), then a
 * cell that a spreadsheet would run as a formula prefixed with "'", which makes it plain text. Dropping first
 * means an override cannot hide a leading "=" from the guard.
 */
export function guardCell(text: string): string {
  const plain = dropBidi(text);
  return FORMULA_START.test(plain) ? `'${plain}` : plain;
}

export const CSV_COLUMNS = [
  'region',
  'rank',
  'tag',
  'candidate',
  'score',
  'velocity',
  'density',
  'overlap',
  'velocity_normalised',
  'density_normalised',
  'overlap_normalised',
  'sample',
  'served',
  'distinct_authors',
  'target_authors',
  'median_likes',
  'mean_likes',
  'newest_post_at',
  'user_count',
  'view_count',
  'is_commerce',
  'flags',
  'flag_reasons',
  ...csvColumnsOf('history'),
  ...csvColumnsOf('confidence'),
  'stopped_early',
  'in_hand_score',
  'score_estimated',
  'status',
  'status_reason',
] as const;

type CsvCell = string | number | boolean | null;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], CsvCell>>;

/** The momentum field a history column carries: "user_count_growth_per_week" → "userCountGrowthPerWeek". */
const momentumKey = (column: string): keyof TagHistory =>
  column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof TagHistory;

/**
 * The fields whose CSV cells are more than their value in their one column (scored-row.ts names the columns);
 * a field with no column here or there (tieBand: the CSV carries it as the tie-band flag) gives no cell.
 */
const CSV_CELLS: Partial<{ [K in ScoredRowKey]: (t: ScoredTag) => CsvRow }> = {
  flags: (t) => ({
    flags: t.flags.map((f) => f.kind).join('; '),
    flag_reasons: t.flags.map((f) => `${f.kind}: ${f.reason}`).join(' | '),
  }),
  normalised: (t) => ({
    velocity_normalised: t.normalised.velocity,
    density_normalised: t.normalised.density,
    overlap_normalised: t.normalised.overlap,
  }),
  // Each momentum column is its field's name in snake case (previous_run_at: previousRunAt).
  history: (t) => {
    const row: Record<string, CsvCell> = {};
    for (const column of csvColumnsOf('history')) row[column] = t.history?.[momentumKey(column)] ?? null;
    return row;
  },
  newestPostAt: (t) => ({
    newest_post_at: t.newestPostAt > 0 ? new Date(t.newestPostAt * 1000).toISOString() : null,
  }),
  estimate: (t) => ({ score_estimated: t.estimate?.text ?? null }),
  confidence: (t) => ({
    score_low: t.confidence?.low ?? null,
    score_high: t.confidence?.high ?? null,
    rank_low: t.confidence?.rankLow ?? null,
    rank_high: t.confidence?.rankHigh ?? null,
    confidence: t.confidence?.label ?? null,
    confidence_reason: t.confidence?.reason ?? null,
  }),
};

/** One field's cells: its own mapping, else its value (null when absent) in its one column. */
function cellsOf(f: ScoredRowField, t: ScoredTag): CsvRow {
  const own = CSV_CELLS[f.key as ScoredRowKey];
  if (own) return own(t);
  const [column, ...more] = f.csv;
  if (column === undefined) return {};
  if (more.length > 0) throw new Error(`scored-row field ${f.key} has several CSV columns but no mapping`);
  return { [column]: (t[f.key] as CsvCell | undefined) ?? null } as CsvRow;
}

/** An excluded or failed tag's row: the tag, its status and why. */
const statusRow = (region: string, tag: string, status: string, reason: string): CsvRow => ({
  region,
  tag,
  candidate: tag,
  status,
  status_reason: reason,
});

/**
 * One row per ranked tag, then one per excluded and failed tag (status "excluded" or "failed", with the reason),
 * so nothing asked for is silently missing from a spreadsheet.
 */
export function renderCsvReport(
  result: RegionResult,
  failed: readonly FailedTag[] = [],
  opts: { simulated?: boolean } = {},
): string {
  const rows: CsvRow[] = result.ranked.map((t) => {
    const row: CsvRow = { region: result.region };
    for (const f of SCORED_ROW_FIELDS) Object.assign(row, cellsOf(f, t));
    return { ...row, status: 'ranked', status_reason: null };
  });
  for (const e of result.excluded)
    rows.push(statusRow(result.region, e.tag, 'excluded', `${e.kind}: ${e.reason}`));
  for (const f of failed) rows.push(statusRow(result.region, f.tag, 'failed', `${f.code}: ${f.error}`));
  return stringifyCsv(...withDataColumn(rows, CSV_COLUMNS, opts.simulated === true));
}

/**
 * A demo run's CSV gets a last column, `data`, saying on every row that it is simulated: a comment line would break
 * the header row spreadsheets and scripts read, and a real run's files keep their columns unchanged.
 */
function withDataColumn(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  simulated: boolean,
): [Record<string, unknown>[], string[]] {
  if (!simulated) return [[...rows], [...columns]];
  return [rows.map((r) => ({ ...r, data: SIMULATED_LINE })), [...columns, 'data']];
}

/**
 * Rows as a CSV file people open in Excel: UTF-8 with a BOM, CRLF, RFC 4180 quoting (a lone LF or CR quoted too),
 * text cells guarded against formula injection; numbers we write (a negative score change) stay numbers.
 */
export function stringifyCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringify([...rows], {
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: {
      string: (value) => guardCell(value),
      number: (value) => (Number.isFinite(value) ? String(value) : ''),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

/** The cross-region summary: a row per tag with its best region and, per region, its score, rank or status. */
export function renderSummaryCsv(result: RunResult): string {
  const regions = Object.keys(result.regions);
  const columns = [
    'tag',
    'candidate',
    'best_region',
    'best_score',
    ...regions.flatMap((r) => [`${r}_score`, `${r}_rank`, `${r}_status`]),
  ];
  const rows = summaryRows(result).map((row) => {
    const out: Record<string, CsvCell> = {
      tag: row.tag,
      candidate: row.candidate,
      best_region: row.best?.region ?? null,
      best_score: row.best?.score ?? null,
    };
    for (const r of regions) {
      const c = row.byRegion[r];
      out[`${r}_score`] = c && 'score' in c ? c.score : null;
      out[`${r}_rank`] = c && 'rank' in c ? c.rank : null;
      out[`${r}_status`] = !c ? 'not scored' : 'status' in c ? c.status : 'ranked';
    }
    return out;
  });
  return stringifyCsv(...withDataColumn(rows, columns, result.simulated === true));
}
