// Plan: what to post with, where and when. Per region the best time to post with its evidence (or a plain "no
// clear best time"), and a week grid of slots with their tag sets; Regenerate and Export (iCalendar and CSV).
import { useEffect } from 'react';
import { useRunStore } from '../../stores/run-store';
import { usePlanStore } from '../../stores/plan-store';
import { ApiText } from '../../components/ApiText';
import { BestTimeChart } from './BestTimeChart';
import { PlanToolbar } from './PlanToolbar';
import { WeekGrid } from './WeekGrid';

export function PlanView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  const plan = usePlanStore((s) => s.plan);
  const exported = usePlanStore((s) => s.exported);
  useEffect(() => {
    if (outcome) void usePlanStore.getState().regenerate();
  }, [outcome]);
  if (!outcome)
    return (
      <div className="plan">
        <p className="muted">Run first: the plan comes from the posts a run sampled, at no credit.</p>
      </div>
    );
  return (
    <div className="plan">
      <PlanToolbar />
      <p className="muted">
        The evidence is about the posts sampled under these hashtags, not your account: a hashtag&apos;s
        posters are not your audience. Posts younger than a day are left out (their likes are not final).
      </p>
      {exported && (
        <p role="status">
          Exported to <ApiText text={exported.dir} />: {exported.written.length} files.
        </p>
      )}
      {plan?.skipped.map((k) => (
        <p key={k.region} role="note">
          {k.region} is left out of the plan: <ApiText text={k.reason} />
        </p>
      ))}
      {plan &&
        Object.entries(plan.regions).map(([region, r]) => (
          <section key={region} aria-label={`Plan ${region}`}>
            <h2>
              {region} <span className="muted">({r.timeZone})</span>
            </h2>
            <p>{r.evidence.verdict}</p>
            <p className="muted">
              {r.evidence.posts} posts compared; {r.evidence.leftOutYoung} younger than a day left out.
            </p>
            <BestTimeChart evidence={r.evidence} />
            <WeekGrid region={region} from={plan.from} weeks={plan.weeks} slots={r.slots} />
          </section>
        ))}
    </div>
  );
}
