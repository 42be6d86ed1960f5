// The CSV report of one region, for spreadsheets: one row per ranked tag, RFC 4180, UTF-8 with a BOM,
// and text cells guarded against formula injection (OWASP CSV injection).
import { stringify } from 'csv-stringify/sync';
import type { FailedTag, RegionResult, RunResult, ScoredTag } from '../../shared/model';
import { SCORED_ROW_FIELDS, type ScoredRowKey } from '../../shared/scored-row';
import { summaryRows } from './run-summary';
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
  'previous_run_at',
  'user_count_growth_per_week',
  'view_count_growth_per_week',
  'score_change',
  'rank_change',
  'previous_velocity',
  'crossed_velocity_threshold',
  'score_low',
  'score_high',
  'rank_low',
  'rank_high',
  'confidence',
  'confidence_reason',
  'stopped_early',
  'status',
  'status_reason',
] as const;

type CsvCell = string | number | boolean | null;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], CsvCell>>;

/** Each field of the scored-row projection as its CSV cells (the columns scored-row.ts names for it). */
const CSV_CELLS: { [K in ScoredRowKey]: (t: ScoredTag) => CsvRow } = {
  tag: (t) => ({ tag: t.tag }),
  score: (t) => ({ score: t.score }),
  velocity: (t) => ({ velocity: t.velocity }),
  density: (t) => ({ density: t.density }),
  overlap: (t) => ({ overlap: t.overlap }),
  sample: (t) => ({ sample: t.sample }),
  flags: (t) => ({
    flags: t.flags.map((f) => f.kind).join('; '),
    flag_reasons: t.flags.map((f) => `${f.kind}: ${f.reason}`).join(' | '),
  }),
  rank: (t) => ({ rank: t.rank }),
  candidate: (t) => ({ candidate: t.candidate }),
  normalised: (t) => ({
    velocity_normalised: t.normalised.velocity,
    density_normalised: t.normalised.density,
    overlap_normalised: t.normalised.overlap,
  }),
  served: (t) => ({ served: t.served }),
  distinctAuthors: (t) => ({ distinct_authors: t.distinctAuthors }),
  targetAuthors: (t) => ({ target_authors: t.targetAuthors }),
  medianLikes: (t) => ({ median_likes: t.medianLikes }),
  userCount: (t) => ({ user_count: t.userCount }),
  viewCount: (t) => ({ view_count: t.viewCount }),
  isCommerce: (t) => ({ is_commerce: t.isCommerce }),
  history: (t) => ({
    previous_run_at: t.history?.previousRunAt ?? null,
    user_count_growth_per_week: t.history?.userCountGrowthPerWeek ?? null,
    view_count_growth_per_week: t.history?.viewCountGrowthPerWeek ?? null,
    score_change: t.history?.scoreChange ?? null,
    rank_change: t.history?.rankChange ?? null,
    previous_velocity: t.history?.previousVelocity ?? null,
    crossed_velocity_threshold: t.history ? t.history.crossedVelocityThreshold : null,
  }),
  stoppedEarly: (t) => ({ stopped_early: t.stoppedEarly ?? null }),
  // In the flags and flag_reasons columns, as the 'tie-band' flag.
  tieBand: () => ({}),
  meanLikes: (t) => ({ mean_likes: t.meanLikes }),
  newestPostAt: (t) => ({
    newest_post_at: t.newestPostAt > 0 ? new Date(t.newestPostAt * 1000).toISOString() : null,
  }),
  confidence: (t) => ({
    score_low: t.confidence?.low ?? null,
    score_high: t.confidence?.high ?? null,
    rank_low: t.confidence?.rankLow ?? null,
    rank_high: t.confidence?.rankHigh ?? null,
    confidence: t.confidence?.label ?? null,
    confidence_reason: t.confidence?.reason ?? null,
  }),
};

/**
 * One row per ranked tag, then one per excluded and failed tag (status "excluded" or "failed", with the reason),
 * so nothing asked for is silently missing from a spreadsheet.
 */
export function renderCsvReport(result: RegionResult, failed: readonly FailedTag[] = []): string {
  const rows: CsvRow[] = result.ranked.map((t) => {
    const row: CsvRow = { region: result.region };
    for (const f of SCORED_ROW_FIELDS) Object.assign(row, CSV_CELLS[f.key](t));
    return { ...row, status: 'ranked', status_reason: null };
  });
  for (const e of result.excluded)
    rows.push({
      region: result.region,
      tag: e.tag,
      candidate: e.tag,
      status: 'excluded',
      status_reason: `${e.kind}: ${e.reason}`,
    });
  for (const f of failed)
    rows.push({
      region: result.region,
      tag: f.tag,
      candidate: f.tag,
      status: 'failed',
      status_reason: `${f.code}: ${f.error}`,
    });
  return stringifyCsv(rows, CSV_COLUMNS);
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
  return stringifyCsv(rows, columns);
}
