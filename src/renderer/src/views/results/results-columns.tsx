// Columns of a region's results: rank, tag, the score with a bar of its parts, its confidence, flags as chips with
// their reasons (beside the score, so a flagged tag never reads as a pick), raw metrics, sample, lifetime counts,
// momentum since the last run.
import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';
import type { ScoredTag, ScoringSettings } from '../../../../shared/model';
import { inert } from '../../../../shared/safe-text';
import { scoreParts } from '../../../../shared/score-parts';
import {
  confidenceWord,
  formatInterval,
  formatLikes,
  formatMomentum,
  formatOverlap,
  formatRankRange,
  formatScore,
  formatVelocity,
  formatWhole,
  notComparableWords,
} from '../../../../shared/number-format';
import { TagName } from '../../components/ApiText';

// Lifetime counts in three figures (134M, 2.05B, 517K): narrow enough for the grid to fit 1440 px, exact on hover.
const SHORT = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
const fmtShort = (n: number): string => SHORT.format(n);

export function ScoreCell(
  p: ICellRendererParams<ScoredTag> & { settings: ScoringSettings },
): React.JSX.Element | null {
  const t = p.data;
  if (!t) return null;
  const parts = scoreParts(t, p.settings);
  return (
    <div
      className="score-cell"
      title={`velocity ${formatScore(parts.velocity)} + density ${formatScore(parts.density)} + overlap ${formatScore(parts.overlap)} − penalty ${formatScore(parts.penalty)}`}
    >
      <span className="score-num">{formatScore(t.score)}</span>
      <span className="bar" aria-hidden="true">
        <span className="part v" style={{ width: `${parts.velocity}%` }} />
        <span className="part d" style={{ width: `${parts.density}%` }} />
        <span className="part o" style={{ width: `${parts.overlap}%` }} />
        {parts.penalty > 0 && <span className="part p" style={{ width: `${parts.penalty}%` }} />}
      </span>
    </div>
  );
}

/** The 90 % interval and rank range, with the label; the reason on hover. */
export function ConfidenceCell(p: ICellRendererParams<ScoredTag>): React.JSX.Element | null {
  const c = p.data?.confidence;
  // A re-score answers with ranks first; its intervals and rank ranges follow from the scoring workers.
  if (!c && (p.context as { intervalsUpdating?: boolean } | undefined)?.intervalsUpdating)
    return (
      <span
        className="confidence-cell updating"
        aria-busy="true"
        title="The interval is being computed again."
      >
        updating…
      </span>
    );
  if (!c) return null;
  const ranks = formatRankRange(c);
  // Too few posts for an interval: said in words, with no numbers that would look like one.
  if (c.low === null || c.high === null)
    return (
      <span className="confidence-cell" title={c.reason ?? 'Too few posts for an interval.'}>
        <span className="chip confidence-too-few">{confidenceWord(c)}</span>
      </span>
    );
  return (
    <span
      className="confidence-cell"
      title={`90 % interval ${formatInterval(c)}, ranks ${ranks}${c.reason ? `. ${c.reason}` : ''}`}
    >
      <span className={`chip confidence-${c.label}`}>{confidenceWord(c)}</span> {formatInterval(c)} · {ranks}
    </span>
  );
}

export function TagCell(p: ICellRendererParams<ScoredTag>): React.JSX.Element | null {
  return p.data ? <TagName tag={p.data.tag} candidate={p.data.candidate} /> : null;
}

/**
 * The first flag as a chip and the others counted (+1), so a flagged row keeps to its narrow column; every flag's
 * name and reason is in the tooltip, and the names are read out in full.
 */
export function FlagsCell(p: ICellRendererParams<ScoredTag>): React.JSX.Element | null {
  const flags = p.data?.flags ?? [];
  const [first, ...rest] = flags;
  if (!first) return null;
  return (
    <span className="chips" title={flags.map((f) => `${f.kind}: ${f.reason}`).join('\n')}>
      <span className={`chip flag-${first.kind}`}>{first.kind}</span>
      {rest.length > 0 && (
        <span className="chip">
          +{rest.length}
          <span className="sr-only">: {rest.map((f) => f.kind).join(', ')}</span>
        </span>
      )}
    </span>
  );
}

/**
 * Columns that give way first when the grid is narrow (the detail panel open, a small window), most expendable
 * first; the rank, tag, score, confidence and flags always stay. At 1440 × 900 every column shows.
 */
const HIDE_ORDER = ['viewCount', 'userCount', 'sample', 'density', 'overlap', 'velocity', 'momentum'];

/** Shows the columns that fit `width` pixels and hides the rest by priority, so the grid never scrolls sideways. */
export function fitColumns(api: GridApi<ScoredTag>, width: number): void {
  const cols = api.getColumns() ?? [];
  const min = (id: string): number => cols.find((c) => c.getColId() === id)?.getColDef().minWidth ?? 0;
  // The vertical scroll bar's room, and a pixel or two of rounding.
  let total = cols.reduce((n, c) => n + (c.getColDef().minWidth ?? 0), 0) + 18;
  const hide: string[] = [];
  for (const id of HIDE_ORDER) {
    if (total <= width) break;
    hide.push(id);
    total -= min(id);
  }
  const show = HIDE_ORDER.filter((id) => !hide.includes(id));
  api.setColumnsVisible(show, true);
  if (hide.length > 0) api.setColumnsVisible(hide, false);
}

/** Numbers right-aligned, without a menu button taking room from a short header. */
const numeric = { type: 'numericColumn', suppressHeaderMenuButton: true } as const;

/** A count too wide for its column: shown short (12.3K), the whole number in the tooltip. */
function countColumn(field: 'userCount' | 'viewCount', headerName: string): ColDef<ScoredTag> {
  return {
    field,
    headerName,
    valueFormatter: (p) => fmtShort(p.value as number),
    tooltipValueGetter: (p) => formatWhole(p.value as number),
    ...numeric,
  };
}

export function resultColumns(settings: ScoringSettings): ColDef<ScoredTag>[] {
  // Widths are minimums with flex: the columns share the grid's width, and fitColumns hides by priority where
  // even the minimums do not fit.
  return [
    { field: 'rank', headerName: '#', minWidth: 44, maxWidth: 56, flex: 0.3, initialSort: 'asc', ...numeric },
    {
      field: 'tag',
      headerName: 'Tag',
      minWidth: 114,
      flex: 1.6,
      // Shown inert and isolated, with the name asked for when the API answered under another one.
      valueFormatter: (p) => `#${inert(String(p.value ?? ''))}`,
      cellRenderer: TagCell,
      filter: true,
    },
    {
      field: 'score',
      headerName: 'Score',
      minWidth: 114,
      flex: 1.2,
      cellRenderer: ScoreCell,
      cellRendererParams: { settings },
      filter: 'agNumberColumnFilter',
    },
    {
      headerName: 'Confidence',
      colId: 'confidence',
      // "uncertain 53.61–74.50 · #4–#13": the interval in the reports' two decimals, read whole.
      minWidth: 236,
      flex: 1.2,
      cellRenderer: ConfidenceCell,
      valueGetter: (p) => p.data?.confidence?.label ?? '',
      filter: true,
    },
    {
      headerName: 'Flags',
      colId: 'flags',
      minWidth: 96,
      flex: 1.4,
      cellRenderer: FlagsCell,
      valueGetter: (p) => p.data?.flags.map((f) => f.kind).join(' '),
      filter: true,
    },
    {
      field: 'velocity',
      headerName: 'Velocity',
      minWidth: 68,
      flex: 0.7,
      valueFormatter: (p) => formatVelocity(p.value as number),
      ...numeric,
    },
    {
      field: 'density',
      headerName: 'Likes/post',
      minWidth: 80,
      flex: 0.8,
      valueFormatter: (p) => formatLikes(p.value as number),
      ...numeric,
    },
    {
      field: 'overlap',
      headerName: 'Overlap',
      minWidth: 66,
      flex: 0.7,
      valueFormatter: (p) => formatOverlap(p.value as number),
      ...numeric,
    },
    { field: 'sample', headerName: 'Sample', minWidth: 60, flex: 0.6, ...numeric },
    { ...countColumn('userCount', 'Creators'), minWidth: 70, flex: 0.7 },
    { ...countColumn('viewCount', 'Views'), minWidth: 56, flex: 0.6 },
    {
      colId: 'momentum',
      headerName: 'Momentum',
      minWidth: 86,
      flex: 0.9,
      valueGetter: (p) => formatMomentum(p.data?.history),
      // "not comparable" says why where the column cuts it: the words History's comparison says.
      tooltipValueGetter: (p) => {
        const h = p.data?.history;
        return h?.notComparable ? notComparableWords(h.notComparable) : formatMomentum(h) || undefined;
      },
    },
  ];
}
