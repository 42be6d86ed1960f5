// The current error, where it happened (above the editor), announced to screen readers: what was being done and
// the cause in the alert itself, any further lines one click away.
import { useState } from 'react';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';

export function AlertBar(): React.JSX.Element | null {
  const alert = useUiStore((s) => s.alert);
  const dismiss = useUiStore((s) => s.dismissAlert);
  const [open, setOpen] = useState(false);
  if (!alert) return null;
  return (
    <div className="alert" role="alert">
      <strong>{alert.title}</strong>
      {alert.message && <span className="alert-message">{alert.message}</span>}
      {alert.code === 'locked' && alert.dir && <LockedActions dir={alert.dir} message={alert.message} />}
      {alert.detail && (
        <button className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide detail' : 'Detail'}
        </button>
      )}
      <button className="icon-button" onClick={dismiss} aria-label="Dismiss" title="Dismiss">
        <span className="codicon codicon-close" aria-hidden="true" />
      </button>
      {open && <pre className="detail">{alert.detail}</pre>}
    </div>
  );
}

/**
 * A workspace in use, whichever way it was opened (Welcome, Ctrl+O, Recent): look at it read-only, or, when the
 * holder is another computer whose lock may only look abandoned while the drive syncs, take it once confirmed.
 */
function LockedActions({ dir, message }: { dir: string; message: string }): React.JSX.Element {
  const open = useWorkspaceStore((s) => s.open);
  return (
    <>
      <button onClick={() => void open(dir, true)}>Open read-only</button>
      {message.includes('another computer') && (
        <button
          onClick={() => {
            if (window.confirm(`${message}\n\nTake the workspace anyway?`)) void open(dir, false, true);
          }}
        >
          Break the lock
        </button>
      )}
    </>
  );
}
