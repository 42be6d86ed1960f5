// History's account of the credits: the workspace's ledger (every job that called TikLiveAPI, on every device that
// shares the folder), this week by job and in all.
import { useEffect, useState } from 'react';
import { LEDGER_JOB_WORDS, LEDGER_JOBS, type LedgerSummary } from '../../../../shared/ledger';
import { invoke } from '../../bridge';
import { TableHead } from '../../components/TableHead';
import { isGoing, useJobsStore } from '../../stores/jobs-store';
import { useRunStore } from '../../stores/run-store';

export function CreditsSpent(): React.JSX.Element | null {
  const outcome = useRunStore((s) => s.outcome);
  const ended = useJobsStore((s) => Object.values(s.jobs).filter((j) => !isGoing(j)).length);
  const [sum, setSum] = useState<LedgerSummary | null>(null);
  useEffect(() => {
    invoke('history:credits', {})
      .then(setSum)
      .catch(() => setSum(null));
  }, [outcome, ended]);
  if (!sum) return null;
  const jobs = LEDGER_JOBS.filter((j) => (sum.weekByJob[j] ?? 0) > 0);
  return (
    <section aria-label="Credits spent">
      <h2>Credits spent</h2>
      <p>
        {sum.week} {sum.week === 1 ? 'credit' : 'credits'} this week, {sum.total} in all
        {sum.weekSimulated > 0 ? ` (${sum.weekSimulated} this week simulated, in the demo)` : ''}.
      </p>
      {jobs.length > 0 && (
        <table className="runs">
          <TableHead columns={['Job', 'Credits this week']} />
          <tbody>
            {jobs.map((j) => (
              <tr key={j}>
                <td>{LEDGER_JOB_WORDS[j]}</td>
                <td>{sum.weekByJob[j]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
