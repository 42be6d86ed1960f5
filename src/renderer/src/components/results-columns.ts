// Column definitions of the results grid: raw metrics beside the score, so a user sees why a tag scored.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ScoredTag } from '../../../shared/model';

const fixed2 = (p: ValueFormatterParams<ScoredTag, number>): string => (p.value ?? 0).toFixed(2);
const integer = (p: ValueFormatterParams<ScoredTag, number>): string =>
  Math.trunc(p.value ?? 0).toLocaleString();
const flags = (p: ValueFormatterParams<ScoredTag, ScoredTag['flags']>): string =>
  (p.value ?? []).map((f) => f.kind).join(', ');

export const resultColumns: ColDef<ScoredTag>[] = [
  { field: 'rank', headerName: '#', width: 70 },
  { field: 'tag', headerName: 'Hashtag', valueFormatter: (p) => `#${p.value}`, flex: 1, minWidth: 160 },
  { field: 'score', headerName: 'Score', width: 100, sort: 'desc' },
  { field: 'velocity', headerName: 'Velocity', width: 110, valueFormatter: fixed2 },
  { field: 'density', headerName: 'Likes/post', width: 120, valueFormatter: integer },
  { field: 'overlap', headerName: 'Overlap', width: 110, valueFormatter: fixed2 },
  { field: 'sample', headerName: 'Sample', width: 100 },
  {
    field: 'flags',
    headerName: 'Flags',
    flex: 1,
    minWidth: 160,
    valueFormatter: flags,
    tooltipValueGetter: (p) => (p.value as ScoredTag['flags']).map((f) => f.reason).join('\n'),
  },
];
