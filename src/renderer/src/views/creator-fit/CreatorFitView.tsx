// Creator fit: enter usernames, rank the creators by the velocity and density of their recent posts. The
// scoring is a job of the jobs store: its progress, Cancel and result stay when the user switches views.
import { useMemo, useState } from 'react';
import { JobHint, JobProgress } from '../../components/JobProgress';
import { scoreCreators } from '../../stores/job-actions';
import { isGoing, useLatestJob } from '../../stores/jobs-store';
import { splitPaste, useListsStore } from '../../stores/lists-store';
import { ApiText } from '../../components/ApiText';
import { formatLikes, formatScore, formatVelocity, formatWhole } from '../../../../shared/number-format';

export function CreatorFitView(): React.JSX.Element {
  const rows = useListsStore((s) => s.lists.creators.rows);
  const targets = useMemo(() => rows.map((r) => r.value), [rows]);
  const job = useLatestJob('creator-fit');
  const [text, setText] = useState('');
  const busy = isGoing(job);
  const result = job?.result ?? null;
  const names = text.trim() ? splitPaste(text) : targets;
  const run = (): void => {
    if (!busy && names.length > 0) void scoreCreators(names);
  };
  return (
    <div className="decode">
      <div className="toolbar">
        <input
          aria-label="Creator usernames"
          placeholder={`@creator … (empty: your ${targets.length === 1 ? 'target creator' : `${targets.length} target creators`})`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button className="primary" disabled={busy || names.length === 0} onClick={run}>
          {busy ? 'Scoring…' : 'Score creators'}
        </button>
      </div>
      <JobProgress job={job} name="Creator fit" />
      <JobHint job={job}>
        Ranks creators by the velocity and density of their own recent posts (about 2 credits each), weighed
        with this workspace's preset. Leave the field empty to score your{' '}
        {targets.length === 1 ? 'target creator' : `${targets.length} target creators`}.
      </JobHint>
      {result && (
        <table aria-label="Creators ranked by fit">
          <thead>
            <tr>
              <th>#</th>
              <th>Creator</th>
              <th>Score</th>
              <th>Velocity</th>
              <th>Likes/post</th>
              <th>Posts</th>
              <th>Followers</th>
            </tr>
          </thead>
          <tbody>
            {result.ranked.map((c) => (
              <tr key={c.username}>
                <td>{c.rank}</td>
                <td>
                  @<ApiText text={c.username} max={40} />
                </td>
                <td>{formatScore(c.score)}</td>
                <td>{formatVelocity(c.velocity)}</td>
                <td>{formatLikes(c.density)}</td>
                <td>{c.sample}</td>
                <td>{formatWhole(c.followerCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result?.failed.map((f) => (
        <p key={f.username} className="error">
          @{f.username}: <ApiText text={f.error} max={600} />
        </p>
      ))}
    </div>
  );
}
