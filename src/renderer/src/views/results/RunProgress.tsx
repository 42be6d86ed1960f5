// A run's progress while it goes, as one line that tells one story: "20 of 136 pairs · 15 % · 12 credits · about
// 10 s left" (the time left only once the pace is known), and a square per pair by its state.
import { useEffect, useState } from 'react';
import { formatCredits, formatPairsDone } from '../../../../shared/number-format';
import { secondsLeft, timeLeftText } from '../../components/time-left';
import { useRunStore } from '../../stores/run-store';

export function RunProgress(): React.JSX.Element | null {
  const active = useRunStore((s) => s.active);
  // The time left counts down between two ends of pairs, too.
  const [now, setNow] = useState(() => Date.now());
  const going = active !== null;
  useEffect(() => {
    if (!going) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [going]);
  if (!active) return null;
  const pct = active.total > 0 ? Math.round((100 * active.done) / active.total) : 0;
  const left = timeLeftText(
    secondsLeft(active.marks, active.total, Math.max(now, active.marks.at(-1)?.at ?? 0), active.planned),
  );
  const pairs = Object.entries(active.pairs);
  return (
    <div className="progress" role="group" aria-label="Run progress">
      <div className="progress-line">
        <progress max={active.total || 1} value={active.done} aria-label="Pairs done" />
        <span role="status">
          {formatPairsDone(active.done, active.total)}
          {active.total > 0 ? ` · ${pct} %` : ''} · {formatCredits(active.credits)}
          {left && !active.cancelling ? ` · ${left}` : ''}
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
