// Regions: TikLiveAPI's region list (cached) with names, searchable; the checked ones are the workspace's regions.
// The check marks are drawn from the regions list in the store, and a click toggles one code through the store:
// the grid's own selection state never decides what the list holds.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { invoke } from '../../bridge';
import { TextInput } from '../../components/TextInput';
import { emptyGrid } from '../../components/GridEmpty';
import { GRID_KEYBOARD, GRID_THEMES, useTheme } from '../../components/theme';
import { useListsStore } from '../../stores/lists-store';
import { useUiStore } from '../../stores/ui-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

interface RegionRow {
  code: string;
  name: string;
  chosen: boolean;
}

function ChosenCell(p: ICellRendererParams<RegionRow>): React.JSX.Element | null {
  if (!p.data) return null;
  return (
    <input
      type="checkbox"
      aria-label={`Score ${p.data.code}`}
      checked={p.data.chosen}
      readOnly
      tabIndex={-1}
    />
  );
}

const COLUMNS: ColDef<RegionRow>[] = [
  // A header with words, for a screen reader reading the column (an empty one is announced as nothing).
  { field: 'chosen', headerName: 'Scored', width: 90, cellRenderer: ChosenCell, filter: false },
  { field: 'code', headerName: 'Code', width: 110, sort: 'asc' },
  { field: 'name', headerName: 'Country', flex: 1 },
];

export function RegionsView(): React.JSX.Element {
  const theme = useTheme();
  const regionRows = useListsStore((s) => s.lists.regions.rows);
  const selected = useMemo(() => regionRows.map((r) => r.value), [regionRows]);
  const readOnly = useWorkspaceStore((s) => s.workspace?.readOnly ?? true);
  const [known, setKnown] = useState<Record<string, string> | null>(null);
  const [search, setSearch] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    invoke('lists:regions', {})
      .then((r) => {
        setKnown(r.regions);
        setNote(r.note);
        useUiStore.getState().succeeded('Loading the region list');
      })
      .catch((e: unknown) => {
        useUiStore.getState().report('Loading the region list', e);
        setKnown({});
      });
  }, []);
  const rows = useMemo<RegionRow[] | null>(() => {
    if (!known) return null;
    const chosen = new Set(selected);
    // The workspace's own codes stay listed even if the region list lacks them (it came back empty, say).
    const codes = [...new Set([...Object.keys(known), ...selected])];
    return codes.map((code) => ({ code, name: known[code] ?? '', chosen: chosen.has(code) }));
  }, [known, selected]);
  return (
    <div className="list-view">
      <div className="toolbar">
        <TextInput label="Search regions" placeholder="Search regions" value={search} onChange={setSearch} />
        <span className="muted">
          {selected.length} selected: {selected.join(', ') || 'none'}. {note}
        </span>
      </div>
      <section className="grid" aria-label="Regions">
        {rows && (
          <AgGridReact<RegionRow>
            theme={GRID_THEMES[theme]}
            {...GRID_KEYBOARD}
            rowData={rows}
            columnDefs={COLUMNS}
            getRowId={(p) => p.data.code}
            quickFilterText={search}
            {...emptyGrid(
              'regions',
              search
                ? `No region matches “${search}”: clear the search to see them all.`
                : 'No regions to pick from yet: the region list could not be read (the Output says why).',
            )}
            rowClass={readOnly ? undefined : 'clickable'}
            onRowClicked={(e) => {
              if (!readOnly && e.data) void useListsStore.getState().toggle('regions', e.data.code);
            }}
          />
        )}
      </section>
    </div>
  );
}
