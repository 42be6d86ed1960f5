// The side bar shows the selected view's controls, as VS Code's shows the selected container's: its title, the
// open workspace and the run controls, then what acts on that view (the scoring for ranked views, the list's
// counts and undo for a list). Ctrl/Cmd+B hides it; its edge resizes it (Workbench.tsx).
import { plural } from '../../../shared/number-format';
import { runCommand } from '../commands';
import { useListsStore } from '../stores/lists-store';
import { useRunStore } from '../stores/run-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import { VIEW_TITLES, type ViewId } from '../view-registry';
import { ScoringControls } from './ScoringControls';

/** Views whose content is ranked by the scoring: the side bar shows the preset and weights for them. */
const SCORED: ReadonlySet<ViewId> = new Set<ViewId>(['results', 'compare', 'suggestions', 'plan']);

const LISTS: Partial<Record<ViewId, 'tags' | 'creators' | 'regions'>> = {
  candidates: 'tags',
  targets: 'creators',
  regions: 'regions',
};

/** What the other views are for, in a line: the side bar says it where the view has no controls of its own here. */
const ABOUT: Partial<Record<ViewId, string>> = {
  welcome: 'Open a workspace, or the demo, to begin.',
  history: 'The runs of this workspace, the credits spent, and the track record against your own posts.',
  competitors: 'Decode the tags competitors post with, then add the ones worth scoring to the candidates.',
  'creator-fit': 'Score creators by how their posts fit your candidates.',
  localize: 'Each candidate’s local-language variant per region, and which one to post with there.',
  watch: 'Re-run on a schedule and be told when a tag moves.',
  settings: 'The workspace’s settings (tagfit.json) and the app’s (theme, key).',
};

function ListControls({ list }: { list: 'tags' | 'creators' | 'regions' }): React.JSX.Element {
  const rows = useListsStore((s) => s.lists[list].rows);
  const canUndo = useListsStore((s) => s.lists[list].undo.length > 0);
  const canRedo = useListsStore((s) => s.lists[list].redo.length > 0);
  const invalid = rows.filter((r) => r.problem).length;
  return (
    <>
      <h3>List</h3>
      <p className="hint">
        In the list: {plural(rows.length, 'row')}
        {invalid > 0
          ? `, ${invalid} invalid (kept as typed in the list's draft, skipped by a run; listed in Problems)`
          : ''}
        .
      </p>
      <div className="side-actions">
        {list !== 'regions' && <button onClick={() => runCommand('rows.add')}>Add row</button>}
        <button disabled={!canUndo} onClick={() => runCommand('lists.undo')} title="Ctrl/Cmd+Z in the list">
          Undo list edit
        </button>
        <button disabled={!canRedo} onClick={() => runCommand('lists.redo')}>
          Redo list edit
        </button>
      </div>
    </>
  );
}

export function SideBar(): React.JSX.Element {
  const ws = useWorkspaceStore((s) => s.workspace);
  const view = useUiStore((s) => s.active);
  // Whether a run goes on and is being cancelled; not its progress, which changes many times a second.
  const running = useRunStore((s) => s.active !== null);
  const cancelling = useRunStore((s) => s.active?.cancelling ?? false);
  const askToRun = useRunStore((s) => s.askToRun);
  const cancel = useRunStore((s) => s.cancel);
  const outcome = useRunStore((s) => s.outcome);
  const list = LISTS[view];
  return (
    <aside className="side-bar" aria-label="Side bar">
      <h2>{VIEW_TITLES[view]}</h2>
      <p className="side-workspace">{ws ? ws.name : 'No workspace'}</p>
      {ws?.demo && <p className="badge demo">Demo workspace: simulated data</p>}
      {ws?.readOnly && <p className="badge warn">Read-only: {ws.heldBy}</p>}
      {ws && (
        <>
          <div className="run-controls">
            {running ? (
              <button className="primary" onClick={() => void cancel()} disabled={cancelling}>
                Cancel run
              </button>
            ) : (
              <button className="primary" onClick={() => void askToRun()} disabled={ws.readOnly}>
                Run
              </button>
            )}
            {outcome && outcome.failed.length > 0 && !running && (
              <button onClick={() => void useRunStore.getState().retryFailed()}>
                Retry {outcome.failed.length} failed
              </button>
            )}
          </div>
          {SCORED.has(view) && <ScoringControls />}
          {list && <ListControls list={list} />}
        </>
      )}
      {!SCORED.has(view) && !list && ABOUT[view] && <p className="hint">{ABOUT[view]}</p>}
    </aside>
  );
}
