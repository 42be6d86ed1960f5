// A run's progress while it goes: pairs done, credits, time left, and a square per pair by its state.
import { useRunStore } from '../../stores/run-store';

export function RunProgress(): React.JSX.Element | null {
  const active = useRunStore((s) => s.active);
  if (!active) return null;
  const pct = active.total > 0 ? Math.round((100 * active.done) / active.total) : 0;
  const elapsed = (Date.now() - active.startedAt) / 1000;
  const left =
    active.done > 0 ? Math.max(0, Math.round((elapsed / active.done) * (active.total - active.done))) : null;
  const pairs = Object.entries(active.pairs);
  return (
    <div className="progress" aria-label="Run progress">
      <div className="progress-line">
        <progress max={active.total || 1} value={active.done} aria-label="Pairs done" />
        <span>
          {active.done}/{active.total || '…'} pairs ({pct}%) · {active.credits} credits
          {left !== null ? ` · about ${left} s left` : ''}
          {active.cancelling ? ' · cancelling, keeping what was fetched…' : ''}
        </span>
      </div>
      <div className="pairs">
        {pairs.slice(-120).map(([k, state]) => (
          <span key={k} className={`pair ${state}`} title={`${k}: ${state}`} />
        ))}
      </div>
    </div>
  );
}
