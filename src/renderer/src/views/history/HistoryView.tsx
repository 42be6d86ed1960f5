// History: the track record against the user's own posts; the workspace's runs; two compared (rank and score
// changes per region); one tag over time.
import { useEffect, useState } from 'react';
import type { RunComparison, RunSummary } from '../../../../shared/history';
import type { TagHistoryPoint } from '../../../../shared/ipc/history';
import type { Evidence, TrackResult } from '../../../../shared/track';
import { invoke } from '../../bridge';
import { useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { TagName } from '../../components/ApiText';

function EvidenceText({ e }: { e: Evidence }): React.JSX.Element {
  return (
    <>
      <p>
        {e.matched} of {e.posts} posts matched to a scored hashtag.
      </p>
      <p className={e.enough ? (e.correlation && e.correlation.low > 0 ? 'good' : '') : 'muted'}>
        {e.verdict}
      </p>
      {e.playsCorrelation && (
        <p className="muted">
          With plays instead of likes: rank correlation {e.playsCorrelation.rho.toFixed(2)} (90 % interval{' '}
          {e.playsCorrelation.low.toFixed(2)} to {e.playsCorrelation.high.toFixed(2)}).
        </p>
      )}
    </>
  );
}

/** One empty list for every read, so the store's selector gives the same answer each time it is asked. */
const NO_ACCOUNTS: readonly string[] = [];

/** Did the ranking pay off? The own accounts' posts against the scores their tags had (track:run). */
function TrackRecord(): React.JSX.Element {
  const own = useWorkspaceStore((s) => s.workspace?.settings.ownAccounts ?? NO_ACCOUNTS);
  const [result, setResult] = useState<TrackResult | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (): Promise<void> => {
    setBusy(true);
    try {
      setResult(await invoke('track:run', {}));
    } catch (e) {
      useUiStore.getState().report('Checking the track record', e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Track record">
      <h2>Track record</h2>
      {own.length === 0 ? (
        <p className="muted">
          Name your own accounts in Settings: their recent posts are checked against the scores their hashtags
          had.
        </p>
      ) : (
        <p>
          Your accounts: {own.map((a) => `@${a}`).join(', ')}.{' '}
          <button disabled={busy} onClick={() => void check()}>
            {busy ? 'Checking…' : 'Check the ranking against my posts'}
          </button>{' '}
          <span className="muted">
            At most {own.length * 3} credits ({own.length} × the profile and 2 pages of 60 posts), less what
            the cache answers.
          </span>
        </p>
      )}
      {result && (
        <div className="track" aria-label="Track record result">
          <p className="muted">
            Scores of {result.region}, from {result.runs.length} recorded run
            {result.runs.length === 1 ? '' : 's'}; {result.credits.used} credit
            {result.credits.used === 1 ? '' : 's'}.
          </p>
          {result.accounts.map((a) => (
            <div key={a.username}>
              <h3>@{a.username}</h3>
              <EvidenceText e={a.evidence} />
            </div>
          ))}
          {result.accounts.length > 1 && (
            <div>
              <h3>All accounts together</h3>
              <EvidenceText e={result.overall} />
            </div>
          )}
          {result.failed.map((f) => (
            <p key={f.username} className="error">
              @{f.username}: {f.error}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

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
      <TrackRecord />
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
                      <td>
                        <TagName tag={t.tag} />
                      </td>
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
