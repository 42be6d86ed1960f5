// History: the track record against the user's own posts; the workspace's runs; two compared (rank and score
// changes per region); one tag over time.
import { useEffect, useState } from 'react';
import type { RunComparison as Comparison, RunSummary } from '../../../../shared/history';
import { invoke } from '../../bridge';
import { TableHead } from '../../components/TableHead';
import { useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';
import { RunComparison } from './RunComparison';
import { TagOverTime } from './TagOverTime';
import { TrackRecord } from './TrackRecord';
import { CreditsSpent } from './CreditsSpent';

export function HistoryView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [cmp, setCmp] = useState<Comparison | null>(null);
  useEffect(() => {
    invoke('history:list', {})
      .then(setRuns)
      .catch((e: unknown) => useUiStore.getState().report('Reading the history', e));
  }, [outcome]);
  const compare = async (): Promise<void> => {
    const [a, b] = [...picked].sort();
    if (!a || !b) return;
    try {
      setCmp(await invoke('history:compare', { before: a, after: b }));
    } catch (e) {
      useUiStore.getState().report('Comparing the runs', e);
    }
  };
  return (
    <div className="history">
      <TrackRecord />
      <CreditsSpent />
      <section aria-label="Runs">
        <h2>Runs</h2>
        {runs.length === 0 && <p className="muted">No run recorded yet: a finished run is recorded here.</p>}
        <table className="runs">
          <TableHead columns={['Pick', 'When', 'Device', 'Preset', 'Regions', 'Tags', 'Credits']} />
          <tbody>
            {[...runs].reverse().map((r) => (
              <tr key={r.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Pick run ${r.id}`}
                    checked={picked.includes(r.id)}
                    onChange={(e) =>
                      setPicked(
                        e.target.checked ? [...picked, r.id].slice(-2) : picked.filter((p) => p !== r.id),
                      )
                    }
                  />
                </td>
                <td>{new Date(r.now).toLocaleString()}</td>
                {/* The computer that ran it: on a shared drive, whose run this is. */}
                <td title={r.device ? undefined : 'Recorded before Tagfit named devices'}>{r.device ?? '—'}</td>
                <td>{r.preset}</td>
                <td>{r.regions.join(', ')}</td>
                <td>{r.tags}</td>
                <td>{r.creditsUsed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button disabled={picked.length !== 2} onClick={() => void compare()}>
          Compare the two
        </button>
      </section>
      {cmp && <RunComparison cmp={cmp} />}
      <TagOverTime />
    </div>
  );
}
