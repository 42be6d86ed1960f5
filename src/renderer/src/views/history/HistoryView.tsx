// History: the track record against the user's own posts; the workspace's runs, each of which opens in Results;
// two compared (rank and score changes per region); one tag over time.
import { useEffect } from 'react';
import { TableHead } from '../../components/TableHead';
import { useRunStore } from '../../stores/run-store';
import { useHistoryStore } from '../../stores/history-store';
import { RunComparison } from './RunComparison';
import { TagOverTime } from './TagOverTime';
import { TrackRecord } from './TrackRecord';
import { CreditsSpent } from './CreditsSpent';

export function HistoryView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  const running = useRunStore((s) => s.active !== null);
  // The picks and the comparison live in a store: they stay while the user looks at another view.
  const runs = useHistoryStore((s) => s.runs);
  const picked = useHistoryStore((s) => s.picked);
  const cmp = useHistoryStore((s) => s.comparison);
  useEffect(() => void useHistoryStore.getState().refresh(), [outcome]);
  const shown = outcome?.reopened?.id;
  return (
    <div className="history">
      <TrackRecord />
      <CreditsSpent />
      <section aria-label="Runs">
        <h2>Runs</h2>
        {runs.length === 0 && <p className="muted">No run recorded yet: a finished run is recorded here.</p>}
        <table className="runs">
          <TableHead
            columns={['Pick', 'When', 'Device', 'Preset', 'Regions', 'Tags', 'Credits', 'Results']}
          />
          <tbody>
            {[...runs].reverse().map((r) => (
              <tr key={r.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Pick run ${r.id}`}
                    checked={picked.includes(r.id)}
                    onChange={(e) => useHistoryStore.getState().pick(r.id, e.target.checked)}
                  />
                </td>
                <td>{new Date(r.now).toLocaleString()}</td>
                {/* The computer that ran it: on a shared drive, whose run this is. */}
                <td title={r.device ? undefined : 'Recorded before Tagfit named devices'}>
                  {r.device ?? '—'}
                </td>
                <td>{r.preset}</td>
                <td>{r.regions.join(', ')}</td>
                <td>{r.tags}</td>
                <td>{r.creditsUsed}</td>
                <td>
                  {shown === r.id ? (
                    <span className="muted">In Results</span>
                  ) : (
                    <button
                      className="small"
                      aria-label={`Open run ${r.id} in Results`}
                      title="Score this run again from the cache (no credit) and make it the current results"
                      disabled={running}
                      onClick={() => void useRunStore.getState().openRun(r.id)}
                    >
                      Open
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button disabled={picked.length !== 2} onClick={() => void useHistoryStore.getState().compare()}>
          Compare the two
        </button>
      </section>
      {cmp && <RunComparison cmp={cmp} />}
      <TagOverTime />
    </div>
  );
}
