// History's account of the credits: the workspace's ledger (every job that called TikLiveAPI, on every device that
// shares the folder), this week by job and in all.
import { useEffect } from 'react';
import { LEDGER_JOB_WORDS, LEDGER_JOBS } from '../../../../shared/ledger';
import { TableHead } from '../../components/TableHead';
import { useCreditsStore } from '../../stores/credits-store';

export function CreditsSpent(): React.JSX.Element | null {
  // The status bar's source (credits-store.ts), read again as History shows: another device may have spent.
  const sum = useCreditsStore((s) => s.ledger);
  useEffect(() => {
    void useCreditsStore.getState().load();
  }, []);
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
