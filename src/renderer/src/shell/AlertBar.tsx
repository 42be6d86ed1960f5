// The current error, where it happened (above the editor), announced to screen readers: what was being done and
// the cause in the alert itself, any further lines one click away.
import { useState } from 'react';
import { useUiStore } from '../stores/ui-store';

export function AlertBar(): React.JSX.Element | null {
  const alert = useUiStore((s) => s.alert);
  const dismiss = useUiStore((s) => s.dismissAlert);
  const [open, setOpen] = useState(false);
  if (!alert) return null;
  return (
    <div className="alert" role="alert">
      <strong>{alert.title}</strong>
      {alert.message && <span className="alert-message">{alert.message}</span>}
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
