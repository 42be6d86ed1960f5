// What the export dialog shows once the files are written: what was exported where (said as the Output says it),
// and Open folder / Open report, which main carries out (the OS's default app; the preview says the path).
import type { ExportDone as Done } from '../../../shared/ipc/reports';
import { invoke } from '../bridge';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';

export async function openExported(what: 'folder' | 'report'): Promise<void> {
  try {
    const r = await invoke('reports:open', { what });
    // The preview opens nothing: main's line says the path to open by hand, and "Opened" would contradict it.
    if (useWorkspaceStore.getState().status?.shell !== 'web')
      useUiStore.getState().log('info', `Opened the ${what}: ${r.opened}`);
  } catch (e) {
    useUiStore.getState().report(what === 'folder' ? 'Opening the folder' : 'Opening the report', e);
  }
}

export function ExportDone({ done, onClose }: { done: Done; onClose(): void }): React.JSX.Element {
  return (
    <>
      <h2>Reports exported</h2>
      <p role="status">{done.summary}</p>
      <div className="buttons">
        <button onClick={() => void openExported('folder')}>Open folder</button>
        <button disabled={done.report === null} onClick={() => void openExported('report')}>
          Open report
        </button>
        <button className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
