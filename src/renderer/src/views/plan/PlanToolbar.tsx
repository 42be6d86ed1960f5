// The plan's toolbar: how many weeks and posts a week to plan, Regenerate, and Export (iCalendar and CSV).
import { PLAN_LIMITS } from '../../../../shared/ipc/plan';
import { NumberInput } from '../../components/NumberInput';
import { usePlanStore } from '../../stores/plan-store';

export function PlanToolbar(): React.JSX.Element {
  const weeks = usePlanStore((s) => s.weeks);
  const perWeek = usePlanStore((s) => s.perWeek);
  const busy = usePlanStore((s) => s.busy);
  const hasPlan = usePlanStore((s) => s.plan !== null);
  const { setWeeks, setPerWeek, regenerate, exportPlan } = usePlanStore.getState();
  // A field that holds no valid value says so beside it; nothing is made from a value it does not show.
  const invalid = weeks === null || perWeek === null;
  return (
    <div className="toolbar" role="toolbar" aria-label="Plan">
      <NumberInput
        id="plan-weeks"
        type="number"
        label="Weeks"
        range={PLAN_LIMITS.weeks}
        value={weeks}
        onValue={setWeeks}
      />
      <NumberInput
        id="plan-per-week"
        type="number"
        label="Posts a week"
        range={PLAN_LIMITS.perWeek}
        value={perWeek}
        onValue={setPerWeek}
      />
      <button onClick={() => void regenerate()} disabled={busy || invalid}>
        Regenerate
      </button>
      <button onClick={() => void exportPlan()} disabled={busy || invalid || !hasPlan}>
        Export (.ics, .csv)
      </button>
    </div>
  );
}
