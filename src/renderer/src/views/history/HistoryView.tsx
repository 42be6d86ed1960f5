// History: the workspace's runs; two compared (rank and score changes per region); one tag over time.
import { useEffect, useState } from 'react';
import type { RunComparison, RunSummary } from '../../../../shared/history';
import type { TagHistoryPoint } from '../../../../shared/ipc/history';
import { invoke } from '../../bridge';
import { useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';

export function HistoryView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [cmp, setCmp] = useState<RunComparison | null>(null);
  const [tag, setTag] = useState('');
  const [points, setPoints] = useState<TagHistoryPoint[] | null>(null);
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
      <section aria-label="Runs">
        <h2>Runs</h2>
        {runs.length === 0 && <p className="muted">No run recorded yet: a finished run is recorded here.</p>}
        <table className="runs">
          <thead>
            <tr>
              <th />
              <th>When</th>
              <th>Preset</th>
              <th>Regions</th>
              <th>Tags</th>
              <th>Credits</th>
            </tr>
          </thead>
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
      {cmp && (
        <section aria-label="Comparison">
          <h2>
            {new Date(cmp.before.now).toLocaleDateString()} → {new Date(cmp.after.now).toLocaleDateString()} (
            {cmp.days.toFixed(1)} days)
          </h2>
          {Object.values(cmp.regions).map((r) => (
            <div key={r.region}>
              <h3>{r.region}</h3>
              <table className="compare-runs">
                <thead>
                  <tr>
                    <th>Tag</th>
                    <th>Rank</th>
                    <th>Change</th>
                    <th>Score</th>
                    <th>Change</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.slice(0, 30).map((t) => (
                    <tr key={t.tag}>
                      <td>#{t.tag}</td>
                      <td>{t.after?.rank ?? '—'}</td>
                      <td>
                        {t.status === 'new'
                          ? 'new'
                          : t.status === 'gone'
                            ? 'gone'
                            : t.rankChange === 0
                              ? '='
                              : (t.rankChange ?? 0) > 0
                                ? `▲${t.rankChange}`
                                : `▼${-(t.rankChange ?? 0)}`}
                      </td>
                      <td>{t.after?.score.toFixed(2) ?? '—'}</td>
                      <td>
                        {t.scoreChange === null
                          ? ''
                          : `${t.scoreChange >= 0 ? '+' : ''}${t.scoreChange.toFixed(2)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
      <section aria-label="A tag over time">
        <h2>A tag over time</h2>
        <input
          aria-label="Tag to follow"
          placeholder="#tag, then Enter"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && tag.trim())
              invoke('history:tag', { tag: tag.trim() })
                .then(setPoints)
                .catch((err: unknown) => useUiStore.getState().report('Reading the tag history', err));
          }}
        />
        {points && points.length === 0 && <p className="muted">That tag is in no recorded run.</p>}
        {points && points.length > 0 && (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Region</th>
                <th>Rank</th>
                <th>Score</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={`${p.runId}-${p.region}`}>
                  <td>{new Date(p.now).toLocaleDateString()}</td>
                  <td>{p.region}</td>
                  <td>{p.rank}</td>
                  <td>{p.score.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
