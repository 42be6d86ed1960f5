// The ranked hashtags of one region in AG Grid (read-only: edits happen in the lists).
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { ScoredTag } from '../../../shared/model';
import { resultColumns } from './results-columns';

ModuleRegistry.registerModules([AllCommunityModule]);

export function ResultsGrid({ rows }: { rows: ScoredTag[] }): React.JSX.Element {
  return (
    <div className="grid" data-testid="results-grid">
      <AgGridReact<ScoredTag>
        rowData={rows}
        columnDefs={resultColumns}
        getRowId={(p) => p.data.tag}
        animateRows={false}
      />
    </div>
  );
}
