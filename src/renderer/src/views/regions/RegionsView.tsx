// Regions: TikLiveAPI's region list (cached) with names, searchable; the checked ones are the workspace's regions.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { invoke } from '../../bridge';
import { GRID_THEMES, useTheme } from '../../components/theme';
import { useListsStore } from '../../stores/lists-store';
import { useUiStore } from '../../stores/ui-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

interface RegionRow {
  code: string;
  name: string;
}

const COLUMNS: ColDef<RegionRow>[] = [
  { field: 'code', headerName: 'Code', width: 110, sort: 'asc' },
  { field: 'name', headerName: 'Country', flex: 1 },
];

export function RegionsView(): React.JSX.Element {
  const theme = useTheme();
  const regionRows = useListsStore((s) => s.lists.regions.rows);
  const selected = useMemo(() => regionRows.map((r) => r.value), [regionRows]);
  const readOnly = useWorkspaceStore((s) => s.workspace?.readOnly ?? true);
  const [rows, setRows] = useState<RegionRow[] | null>(null);
  const [search, setSearch] = useState('');
  const [note, setNote] = useState('');
  const api = useRef<GridApi<RegionRow> | null>(null);
  const syncing = useRef(false);
  useEffect(() => {
    invoke('lists:regions', {})
      .then((r) => {
        setRows(Object.entries(r.regions).map(([code, name]) => ({ code, name })));
        setNote(r.fromCache ? 'From the cache: no credit.' : 'Fetched from TikLiveAPI: 1 credit.');
      })
      .catch((e: unknown) => {
        useUiStore.getState().report('Loading the region list', e);
        setRows(selected.map((code) => ({ code, name: '' })));
      });
    // The list is loaded once per opening of the view.
  }, []);
  const key = selected.join(',');
  useEffect(() => {
    const g = api.current;
    if (!g || !rows) return;
    syncing.current = true;
    const want = new Set(selected);
    g.forEachNode((n) => n.setSelected(want.has(n.data?.code ?? '')));
    syncing.current = false;
    // Re-sync when the selection in the store or the rows change.
  }, [key, rows]);
  const columns = useMemo(() => COLUMNS, []);
  return (
    <div className="list-view">
      <div className="toolbar">
        <input
          aria-label="Search regions"
          placeholder="Search regions"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="muted">
          {selected.length} selected: {selected.join(', ') || 'none'}. {note}
        </span>
      </div>
      <section className="grid" aria-label="Regions">
        {rows && (
          <AgGridReact<RegionRow>
            theme={GRID_THEMES[theme]}
            rowData={rows}
            columnDefs={columns}
            getRowId={(p) => p.data.code}
            quickFilterText={search}
            rowSelection={{
              mode: 'multiRow',
              enableClickSelection: !readOnly,
              checkboxes: !readOnly,
              headerCheckbox: false,
            }}
            onGridReady={(e) => {
              api.current = e.api;
              const want = new Set(selected);
              syncing.current = true;
              e.api.forEachNode((n) => n.setSelected(want.has(n.data?.code ?? '')));
              syncing.current = false;
            }}
            onRowSelected={(e) => {
              // One row toggled by the user: add or remove its code (a search may hide the other selected rows).
              if (syncing.current || readOnly || !e.data) return;
              const code = e.data.code;
              const next = e.node.isSelected()
                ? [...selected.filter((c) => c !== code), code]
                : selected.filter((c) => c !== code);
              if (next.join(',') !== key) void useListsStore.getState().replace('regions', next);
            }}
          />
        )}
      </section>
    </div>
  );
}
