// Watch: the schedule and the alert rules (saved to tagfit.json, which the CLI's `tagfit watch` reads from cron),
// whether a run is due, and the alerts raised, listed until dismissed.
import { useEffect, useState } from 'react';
import type { WatchStatus } from '../../../../shared/ipc/watch';
import { WATCH_LIMITS, WEEKDAYS, type WorkspaceSettings } from '../../../../shared/workspace-settings';
import { CheckField, SelectField } from '../../components/Field';
import { useWatchStore } from '../../stores/watch-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { inert } from '../../../../shared/safe-text';
import { ApiText } from '../../components/ApiText';
import { NumberInput } from '../../components/NumberInput';
import type { NumberRange } from '../../components/number-text';

type Watch = WorkspaceSettings['watch'];

const EVERY: readonly { value: Watch['every']; text: string }[] = [
  { value: 'week', text: 'week' },
  { value: 'day', text: 'day' },
];
const DAYS = WEEKDAYS.map((d) => ({ value: d, text: d[0]!.toUpperCase() + d.slice(1) }));

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The status in the user's own time, not the CLI's ISO stamps. */
function dueText(s: WatchStatus): string {
  const last = s.lastRun ? `the last run was ${when(s.lastRun)}` : 'no run is recorded yet';
  return s.due
    ? `A run is due: ${last}. The next period starts ${when(s.next)}.`
    : `Not due: ${last}, in this period. The next run is due ${when(s.next)}.`;
}

export function WatchView(): React.JSX.Element {
  const workspace = useWorkspaceStore((s) => s.workspace);
  const saveSettings = useWorkspaceStore((s) => s.saveSettings);
  const { status, running, refresh, runIfDue, dismiss } = useWatchStore();
  const [draft, setDraft] = useState<Watch | null>(workspace?.settings.watch ?? null);
  // The fields holding a value they do not take (marked beside them): the rules are not saved until they do.
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setDraft(workspace?.settings.watch ?? null), [workspace?.settings.watch]);
  useEffect(() => void refresh(), [refresh, workspace?.settings]);
  if (!workspace || !draft) return <div className="watch" />;
  const rule = <K extends keyof Watch['rules']>(k: K, v: Watch['rules'][K]): void =>
    setDraft({ ...draft, rules: { ...draft.rules, [k]: v } });
  /** A number field that keeps what is typed; a value out of `range` is marked, said and not used. */
  const numberField = (
    id: string,
    label: string,
    range: NumberRange,
    value: number,
    use: (n: number) => void,
  ): React.JSX.Element => (
    <div className="field">
      <NumberInput
        id={id}
        label={label}
        range={range}
        type="number"
        value={value}
        onValue={(n) => {
          setInvalid((s) => {
            const next = new Set(s);
            if (n === null) next.add(id);
            else next.delete(id);
            return next;
          });
          if (n !== null) use(n);
        }}
      />
    </div>
  );
  const num = (k: 'rankMove' | 'scoreMove' | 'suggestionPosts', label: string): React.JSX.Element =>
    numberField(`w-${k}`, label, WATCH_LIMITS[k], draft.rules[k], (n) => rule(k, n));
  const choice = <K extends 'every' | 'day'>(
    k: K,
    label: string,
    options: readonly { value: Watch[K]; text: string }[],
  ): React.JSX.Element => (
    <SelectField
      id={`w-${k}`}
      label={label}
      value={draft[k]}
      options={options}
      onChange={(v) => setDraft({ ...draft, [k]: v })}
    />
  );
  return (
    <div className="watch">
      <section aria-label="Watch status">
        <h2>Watch</h2>
        {status?.notice && (
          <p className="notice" role="status">
            {status.notice}
          </p>
        )}
        {status && <p className={status.due ? '' : 'muted'}>{dueText(status)}</p>}
        <button className="primary" disabled={!status?.due || running} onClick={() => void runIfDue()}>
          {running ? 'Running…' : 'Run the due watch now'}
        </button>
      </section>
      <section aria-label="Alerts">
        <h2>Alerts</h2>
        {status && status.alerts.length === 0 && <p className="muted">No alert to read.</p>}
        <ul className="alerts">
          {status?.alerts.map((a) => (
            <li key={a.id}>
              <span className="chip warn">{a.alert.rule}</span> <ApiText text={a.alert.message} max={600} />{' '}
              <span className="muted">({a.runAt.slice(0, 10)})</span>{' '}
              <button
                aria-label={`Dismiss: ${inert(a.alert.message, 600)}`}
                onClick={() => void dismiss(a.id)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Schedule and rules">
        <h2>Schedule and rules</h2>
        <p className="muted">
          Saved in tagfit.json: the CLI&apos;s <code>tagfit watch</code> reads them too (
          <code>tagfit watch --print-schedule</code> prints the line for cron).
        </p>
        <CheckField
          id="w-enabled"
          checked={draft.enabled}
          onChange={(enabled) => setDraft({ ...draft, enabled })}
        >
          Run by itself while the app is open
        </CheckField>
        {choice('every', 'Every', EVERY)}
        {draft.every === 'week' && choice('day', 'Day', DAYS)}
        {numberField('w-hour', 'Hour (local time)', WATCH_LIMITS.hour, draft.hour, (hour) =>
          setDraft({ ...draft, hour }),
        )}
        <CheckField
          id="w-velocity"
          checked={draft.rules.velocityThreshold}
          onChange={(on) => rule('velocityThreshold', on)}
        >
          Velocity crosses the threshold ({workspace.settings.velocityThreshold}), either way
        </CheckField>
        {num('rankMove', 'Rank moves by (places, 0 off)')}
        {num('scoreMove', 'Score moves by (points, 0 off)')}
        {num('suggestionPosts', 'A new suggestion in at least (posts, 0 off)')}
        <button
          className="primary"
          disabled={workspace.readOnly || invalid.size > 0}
          onClick={() => void saveSettings({ ...workspace.settings, watch: draft })}
        >
          Save the schedule and rules
        </button>
      </section>
    </div>
  );
}
