// A job's progress while it goes (what is counted, done of total, credits, the last item) with its Cancel, and
// once it ended early, how: shared by the views whose jobs are not score runs (Competitors, Creator fit, Track).
// Before a job has a result, JobHint says what the job does and costs.
import { formatCredits } from '../../../shared/number-format';
import { isGoing, type Job, JOB_VERB, useJobsStore } from '../stores/jobs-store';

/** `name` is the job as its view says it ("Decode", "Creator fit"): the progress and its Cancel are named by it. */
export function JobProgress({ job, name }: { job: Job | null; name: string }): React.JSX.Element | null {
  if (!job) return null;
  if (!isGoing(job)) {
    if (job.status !== 'cancelled') return null;
    const { done, total, unit } = job.progress;
    return (
      <p role="status" className="muted">
        {name} cancelled — kept {done} of {total || '…'} {unit}
        {job.result ? '; what was read is shown below.' : '.'}
      </p>
    );
  }
  const { done, total, credits, unit, last, failed } = job.progress;
  const cancelling = job.status === 'cancelling';
  return (
    <div className="progress" role="group" aria-label={`${name} progress`}>
      <div className="progress-line">
        <progress max={total || 1} value={done} aria-label={`${unit} done`} />
        <span role="status">
          {JOB_VERB[job.kind]}: {done} of {total || '…'} {unit} · {formatCredits(credits)}
          {failed > 0 ? ` · ${failed} failed` : ''}
          {last ? ` · last ${last}` : ''}
          {cancelling ? ' · cancelling, keeping what was read…' : ''}
        </span>
        <button disabled={cancelling} onClick={() => void useJobsStore.getState().cancel(job.runId)}>
          Cancel {name.toLowerCase()}
        </button>
      </div>
    </div>
  );
}

/** The view's hint while no job is going and none has left a result: what the job reads and what it costs. */
export function JobHint({
  job,
  children,
}: {
  job: Job | null;
  children: React.ReactNode;
}): React.JSX.Element | null {
  if (isGoing(job) || job?.result) return null;
  return <p className="empty-hint">{children}</p>;
}
