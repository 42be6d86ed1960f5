// The track record: did the ranking pay off? The own accounts' posts against the scores their tags had (track:run,
// a job of the jobs store: its progress, Cancel and result stay when the user switches views).
import type { Evidence } from '../../../../shared/track';
import { JobProgress } from '../../components/JobProgress';
import { checkTrackRecord } from '../../stores/job-actions';
import { isGoing, useLatestJob } from '../../stores/jobs-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { ApiText } from '../../components/ApiText';

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
      {e.bestTime && (
        <p className={e.bestTime.difference && e.bestTime.difference.low > 0 ? 'good' : 'muted'}>
          Best time: {e.bestTime.verdict}
        </p>
      )}
    </>
  );
}

/** One empty list for every read, so the store's selector gives the same answer each time it is asked. */
const NO_ACCOUNTS: readonly string[] = [];

export function TrackRecord(): React.JSX.Element {
  const own = useWorkspaceStore((s) => s.workspace?.settings.ownAccounts ?? NO_ACCOUNTS);
  const job = useLatestJob('track');
  const busy = isGoing(job);
  const result = job?.result ?? null;
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
          <button disabled={busy} onClick={() => void checkTrackRecord(own)}>
            {busy ? 'Checking…' : 'Check the ranking against my posts'}
          </button>{' '}
          <span className="muted">
            At most {own.length * 3} credits ({own.length} × the profile and 2 pages of 60 posts), less what
            the cache answers.
          </span>
        </p>
      )}
      <JobProgress job={job} name="Track record" />
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
              @{f.username}: <ApiText text={f.error} max={600} />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
