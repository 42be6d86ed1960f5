// The welcome view on first start: open or create a workspace, open the demo, set the key. In the browser preview
// there are no native dialogs: folders are typed as paths.
import { useState } from 'react';
import { useUiStore } from '../../stores/ui-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

export function WelcomeView(): React.JSX.Element {
  const { status, recent, key, open, create, openDemo, workspace } = useWorkspaceStore();
  const web = status?.shell === 'web';
  const [path, setPath] = useState('');
  // A workspace in use: the alert above offers to open it read-only (AlertBar), however it was opened.
  const tryOpen = (dir?: string): Promise<void> => open(dir);
  return (
    <div className="welcome">
      <h1>Tagfit</h1>
      <p className="lead">
        Rank hashtags by their shape — velocity, engagement density, audience overlap — not their size.
      </p>
      {workspace && <p>Open now: {workspace.demo ? 'the demo workspace' : workspace.dir}</p>}
      <div className="cards">
        <section aria-label="Open a workspace" className="card">
          <h2>Open or create a workspace</h2>
          <p className="muted">
            A folder of plain files: your lists as CSV, settings as JSON, reports, cache and history.
          </p>
          {web ? (
            <>
              <label htmlFor="ws-path">Workspace folder</label>
              <input
                id="ws-path"
                className="path"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                placeholder="/path/to/client-acme"
              />
              <div className="buttons">
                <button disabled={!path.trim()} onClick={() => void tryOpen(path.trim())}>
                  Open workspace
                </button>
                <button disabled={!path.trim()} onClick={() => void create(path.trim())}>
                  Create workspace
                </button>
              </div>
            </>
          ) : (
            <div className="buttons">
              <button onClick={() => void tryOpen()}>Open workspace</button>
              <button onClick={() => void create()}>Create workspace</button>
            </div>
          )}
          {recent.length > 0 && (
            <>
              <h3>Recent</h3>
              <ul className="recent">
                {recent.map((r) => (
                  <li key={r}>
                    <button className="link" onClick={() => void tryOpen(r)}>
                      {r}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-label="Try the demo" className="card">
          <h2>Try the demo</h2>
          <p className="muted">
            {key?.state === 'set'
              ? 'Simulated data from the built-in TikLiveAPI simulator: no credit spent.'
              : 'No key yet? The demo workspace runs on the built-in simulator and says so everywhere.'}
          </p>
          <button className="primary" onClick={() => void openDemo()}>
            Open the demo
          </button>
        </section>
        <section aria-label="Your key" className="card">
          <h2>Your TikLiveAPI key</h2>
          <p className="muted">{key?.message ?? '…'}</p>
          <button onClick={() => useUiStore.getState().openView('settings')}>Set the key</button>
        </section>
      </div>
    </div>
  );
}
