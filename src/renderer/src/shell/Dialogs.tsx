// The dialogs: the credit estimate before a run ("Start run"), the export folder ("Export", the workspace's
// reports/ by default, remembered per workspace), and in the preview the folder to open or create a workspace in
// (Ctrl/Cmd+O, Ctrl/Cmd+N: the app asks with its native folder dialog).
import { useEffect, useRef, useState } from 'react';
import type { ExportDone as ExportDoneView } from '../../../shared/ipc/reports';
import { describeSkipped } from '../../../shared/list-draft';
import { useRunStore } from '../stores/run-store';
import { ExportDone } from './ExportDone';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';

/** What can take focus inside a dialog, in Tab order. */
const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select, output[tabindex], [tabindex="0"]';

/**
 * Focus goes back where it was when a dialog (a Modal, the command palette) closes. Where it was is read at the
 * dialog's first render, before an autoFocus control takes it (read in an effect, it was that control, gone with
 * the dialog: focus fell to the page). Given back only when the focus was lost with the dialog, never taken from
 * where the dialog's action put it.
 */
export function useFocusReturn(): void {
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(
    () => () => {
      const now = document.activeElement;
      if (before?.isConnected && (!now || now === document.body)) before.focus();
    },
    [before],
  );
}

/** A modal dialog (the ARIA pattern): the run's, the export's, and a view's own (the decode's confirmation). */
export function Modal({
  label,
  children,
  onClose,
}: {
  label: string;
  children: React.ReactNode;
  onClose(): void;
}): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  // A modal dialog holds the keyboard (the ARIA dialog pattern): focus moves in when it opens (to the control
  // marked autoFocus, else the first), Tab cycles inside, and focus goes back where it was when it closes.
  useFocusReturn();
  useEffect(() => {
    if (!box.current?.contains(document.activeElement)) {
      box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
  }, []);
  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') return onClose();
    if (e.key !== 'Tab' || !box.current) return;
    const all = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = all[0];
    const last = all.at(-1);
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="overlay" onMouseDown={onClose} onKeyDown={onKey}>
      <div
        ref={box}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onMouseDown={(e) => e.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}

export function Dialogs(): React.JSX.Element | null {
  const dialog = useUiStore((s) => s.dialog);
  const setDialog = useUiStore((s) => s.setDialog);
  const estimate = useRunStore((s) => s.estimate);
  const ws = useWorkspaceStore((s) => s.workspace);
  // The app names folders only through its folder dialog; the preview, which has none, takes a typed path.
  const app = useWorkspaceStore((s) => s.status?.shell === 'electron');
  // null: the folder remembered for the workspace (its reports/ at first), shown until the user types another.
  const [typed, setTyped] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [exported, setExported] = useState<ExportDoneView | null>(null);
  useEffect(() => {
    // An export's result goes with the dialog that showed it: cleared as it closes, so the next opening starts at
    // the folder (never a flash of the old result, whose focused Close would take a pending Enter).
    setExported(null);
    if (dialog === 'export') setTyped(null);
    if (dialog === 'open-workspace' || dialog === 'new-workspace') setFolder('');
  }, [dialog]);
  const dir = typed ?? ws?.exportDir ?? '';
  if (dialog === 'confirm-run' && estimate) {
    const { min, max } = estimate.network;
    return (
      <Modal label="Confirm the run" onClose={() => setDialog(null)}>
        <h2>Run {estimate.pairs} tag × region pairs?</h2>
        <p>
          {estimate.fromCache === 1 ? '1 answer comes' : `${estimate.fromCache} answers come`} from the cache;{' '}
          <strong>{min === max ? min : `${min}–${max}`} credits</strong> to spend
          {min === max ? '' : ` (expected ${estimate.expected}, worst case ${max})`}
          {ws?.demo ? ' (demo: simulated, free)' : ''}. The reference method would spend up to{' '}
          {estimate.reference}.
        </p>
        {estimate.skipped && estimate.skipped.length > 0 && (
          <p role="note">
            {describeSkipped(estimate.skipped)}. Fix {estimate.skipped.length === 1 ? 'it' : 'them'} in the
            list to score {estimate.skipped.length === 1 ? 'it' : 'them'}.
          </p>
        )}
        <div className="buttons">
          <button onClick={() => setDialog(null)}>Not now</button>
          <button className="primary" autoFocus onClick={() => void useRunStore.getState().start()}>
            Start run
          </button>
        </div>
      </Modal>
    );
  }
  if (dialog === 'export') {
    return (
      <Modal label="Export reports" onClose={() => setDialog(null)}>
        {exported ? (
          <ExportDone done={exported} onClose={() => setDialog(null)} />
        ) : (
          <>
            <h2>Export the reports</h2>
            <p>
              Per region a Markdown report with its chart and a CSV, a summary across regions, and one HTML
              file of the whole run with its PDF (report-date.pdf), of the results showing, under the
              workspace&apos;s branding (Settings).
            </p>
            <label htmlFor="export-dir">Folder</label>
            {app ? (
              <output id="export-dir" className="path">
                {ws?.exportDir ?? ''}
              </output>
            ) : (
              <input
                id="export-dir"
                className="path"
                value={dir}
                onChange={(e) => setTyped(e.target.value)}
              />
            )}
            <div className="buttons">
              <button onClick={() => setDialog(null)}>Cancel</button>
              {app && (
                <button
                  onClick={() =>
                    void useRunStore
                      .getState()
                      .exportReports(undefined, true)
                      .then((r) => r && setExported(r))
                  }
                >
                  Choose folder and export…
                </button>
              )}
              <button
                className="primary"
                onClick={() =>
                  void useRunStore
                    .getState()
                    .exportReports(dir.trim() && dir.trim() !== ws?.exportDir ? dir.trim() : undefined)
                    .then((r) => r && setExported(r))
                }
              >
                Export
              </button>
            </div>
          </>
        )}
      </Modal>
    );
  }
  if (dialog === 'open-workspace' || dialog === 'new-workspace') {
    const opening = dialog === 'open-workspace';
    const go = (): void => {
      if (!folder.trim()) return;
      setDialog(null);
      const store = useWorkspaceStore.getState();
      void (opening ? store.open(folder.trim()) : store.create(folder.trim()));
    };
    return (
      <Modal label={opening ? 'Open workspace' : 'New workspace'} onClose={() => setDialog(null)}>
        <h2>{opening ? 'Open a workspace' : 'Create a workspace'}</h2>
        <p className="muted">
          {opening
            ? 'The folder of a workspace: its lists as CSV, its settings as JSON.'
            : 'A folder for the new workspace: its lists, settings, reports, cache and history go there.'}
        </p>
        <label htmlFor="workspace-folder">Folder</label>
        <input
          id="workspace-folder"
          className="path"
          autoFocus
          placeholder="/path/to/client-acme"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          onKeyDown={(e) => {
            // Its default stopped: the keypress that follows would press the button the focus returns to.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            go();
          }}
        />
        <div className="buttons">
          <button onClick={() => setDialog(null)}>Cancel</button>
          <button className="primary" disabled={!folder.trim()} onClick={go}>
            {opening ? 'Open' : 'Create'}
          </button>
        </div>
      </Modal>
    );
  }
  return null;
}
