// The plan's toolbar: how many weeks and posts a week to plan, Regenerate, and Export (iCalendar and CSV).
import { usePlanStore } from '../../stores/plan-store';

/** A labelled number box; the store clamps what is typed to its range. */
function CountInput({
  id,
  label,
  max,
  value,
  onChange,
}: {
  id: string;
  label: string;
  max: number;
  value: number;
  onChange: (n: number) => void;
}): React.JSX.Element {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </>
  );
}

export function PlanToolbar(): React.JSX.Element {
  const weeks = usePlanStore((s) => s.weeks);
  const perWeek = usePlanStore((s) => s.perWeek);
  const busy = usePlanStore((s) => s.busy);
  const hasPlan = usePlanStore((s) => s.plan !== null);
  const { setWeeks, setPerWeek, regenerate, exportPlan } = usePlanStore.getState();
  return (
    <div className="toolbar" role="toolbar" aria-label="Plan">
      <CountInput id="plan-weeks" label="Weeks" max={26} value={weeks} onChange={setWeeks} />
      <CountInput id="plan-per-week" label="Posts a week" max={14} value={perWeek} onChange={setPerWeek} />
      <button onClick={() => void regenerate()} disabled={busy}>
        Regenerate
      </button>
      <button onClick={() => void exportPlan()} disabled={busy || !hasPlan}>
        Export (.ics, .csv)
      </button>
    </div>
  );
}
