// Columns of the list grids: the value (editable through the store), and the engine's verdict on it.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ListRow } from '../../stores/lists-store';

export function listColumns(valueHeader: string): ColDef<ListRow>[] {
  return [
    {
      field: 'value',
      headerName: valueHeader,
      editable: true,
      flex: 2,
      filter: true,
      cellClassRules: { invalid: (p) => p.data?.problem != null },
    },
    {
      field: 'problem',
      headerName: 'Check',
      flex: 3,
      cellRenderer: ProblemCell,
      filter: true,
    },
  ];
}

/** "✓" for a value the engine takes, the reason for one it refuses. */
export function ProblemCell(p: ICellRendererParams<ListRow>): string {
  return p.data?.problem ? `✗ ${p.data.problem}` : '✓';
}
