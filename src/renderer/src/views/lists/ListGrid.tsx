// An editable list grid (candidates, target creators): edits go through the store (readOnlyEdit +
// onCellEditRequest) so validation, undo and saving live in one place. Add by typing, paste many rows from a
// spreadsheet or a plain list, delete the selected, import and export CSV, undo and redo.
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { emptyGrid } from '../../components/GridEmpty';
import { GRID_KEYBOARD, GRID_THEMES, useTheme } from '../../components/theme';
import { useRevealStore } from '../../stores/reveal-store';
import { splitPaste, useListsStore, type ListRow } from '../../stores/lists-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import type { ListName } from '../../../../shared/ipc-payloads';
import { listColumns } from './list-columns';

export function ListGrid(props: {
  list: ListName;
  label: string;
  valueHeader: string;
  hint: string;
}): React.JSX.Element {
  const { list, label, valueHeader } = props;
  const rows = useListsStore((s) => s.lists[list].rows);
  const notice = useListsStore((s) => s.lists[list].notice);
  const canUndo = useListsStore((s) => s.lists[list].undo.length > 0);
  const canRedo = useListsStore((s) => s.lists[list].redo.length > 0);
  const store = useListsStore.getState;
  const readOnly = useWorkspaceStore((s) => s.workspace?.readOnly ?? true);
  const theme = useTheme();
  const api = useRef<GridApi<ListRow> | null>(null);
  const [entry, setEntry] = useState('');
  const [selected, setSelected] = useState(0);
  const columns = useMemo(() => listColumns(valueHeader), [valueHeader]);
  const invalid = rows.filter((r) => r.problem).length;
  // A Problems entry of this list: bring its row into sight and focus its cell.
  const reveal = useRevealStore((s) => s.request);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const g = api.current;
    if (!ready || !g || reveal?.kind !== 'list' || reveal.list !== list) return;
    const i = rows.findIndex((r) => r.value === reveal.value);
    if (i < 0) return;
    g.ensureIndexVisible(i, 'middle');
    g.setFocusedCell(i, 'value');
  }, [reveal, ready]);

  const exportCsv = (): void => {
    const header = { tags: 'tag', creators: 'unique_id', regions: 'code' }[list];
    const blob = new Blob([`${[header, ...rows.map((r) => r.value)].join('\n')}\n`], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${list}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importCsv = async (file: File): Promise<void> => {
    const lines = (await file.text())
      .split(/\r?\n/)
      .map((l) => l.split(',')[0]!.trim().replace(/^"|"$/g, ''));
    const body = /^(tag|unique_id|code)$/i.test(lines[0] ?? '') ? lines.slice(1) : lines;
    await store().add(list, body.filter(Boolean));
  };

  return (
    <div className="list-view">
      <div className="toolbar">
        <input
          data-add-row
          aria-label={`Add to ${label}`}
          placeholder={props.hint}
          value={entry}
          disabled={readOnly}
          onChange={(e) => setEntry(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && entry.trim()) {
              void store().add(list, splitPaste(entry));
              setEntry('');
            }
          }}
          onPaste={(e) => {
            const text = e.clipboardData.getData('text');
            if (/[\n\t,;]/.test(text)) {
              e.preventDefault();
              void store().add(list, splitPaste(text));
            }
          }}
        />
        <button
          disabled={readOnly || !entry.trim()}
          onClick={() => (void store().add(list, splitPaste(entry)), setEntry(''))}
        >
          Add
        </button>
        <button
          disabled={readOnly || selected === 0}
          onClick={() => void store().remove(list, api.current?.getSelectedRows().map((r) => r.id) ?? [])}
        >
          Delete selected
        </button>
        <button disabled={!canUndo} onClick={() => void store().undo(list)}>
          Undo
        </button>
        <button disabled={!canRedo} onClick={() => void store().redo(list)}>
          Redo
        </button>
        <label className="file-button">
          Import CSV
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            disabled={readOnly}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importCsv(f);
              e.target.value = '';
            }}
          />
        </label>
        <button onClick={exportCsv}>Export CSV</button>
        <span className="muted">
          {rows.length} {rows.length === 1 ? 'row' : 'rows'}
          {invalid > 0 ? `, ${invalid} invalid (kept in ${list}.draft.csv)` : ''}
        </span>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <section className="grid" aria-label={label}>
        <AgGridReact<ListRow>
          theme={GRID_THEMES[theme]}
          {...GRID_KEYBOARD}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          readOnlyEdit
          rowSelection={{ mode: 'multiRow' }}
          onGridReady={(e) => {
            api.current = e.api;
            setReady(true);
          }}
          {...emptyGrid(
            `list-${list}`,
            `No ${label.toLowerCase()} yet: type or paste them in the field above (Alt+N), or Import CSV.`,
          )}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows().length)}
          onCellEditRequest={(e: CellEditRequestEvent<ListRow>) => {
            if (e.data) void store().edit(list, e.data.id, String(e.newValue ?? ''));
          }}
          stopEditingWhenCellsLoseFocus
          animateRows={false}
        />
      </section>
    </div>
  );
}
