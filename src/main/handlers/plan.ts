// The content plan in the open workspace: made from the last run's samples (no call, src/core/job/plan-job.ts), and
// exported as iCalendar and CSV to the folder the reports go to, or one the user picks.
import { TagfitError } from '../../core/errors';
import { PLAN_FORMATS, planOf, writePlan } from '../../core/job/plan-job';
import { loadSampledEquivalents } from '../../core/localize/store';
import type { ParsedRequest } from '../../shared/ipc-contract';
import type { ContentPlan } from '../../shared/plan';
import { type HandlerContext, requireWorkspace } from './context';
import { exportFolder } from './folder-choice';
import type { DomainHandlers } from './types';

export function createPlanHandlers(ctx: HandlerContext): DomainHandlers<'plan:make' | 'plan:export'> {
  const make = async (r: ParsedRequest<'plan:make'>): Promise<ContentPlan> => {
    const open = requireWorkspace(ctx);
    const last = ctx.session.last;
    if (!last)
      throw new TagfitError('input', 'Nothing sampled yet: run first; the plan comes from its samples.');
    return planOf({
      run: { ...last, result: last.outcome.result },
      weeks: r.weeks ?? 2,
      perWeek: r.perWeek ?? 3,
      from: r.from,
      setSize: r.k ?? 5,
      now: ctx.s.clock().getTime(),
      localised: await loadSampledEquivalents(open.ws.paths.data),
    });
  };
  return {
    async 'plan:make'(r) {
      return make(r);
    },
    async 'plan:export'({ dir, pick, formats, ...r }) {
      const open = requireWorkspace(ctx);
      const folder = await exportFolder(ctx, open, { dir, pick }, 'Export the plan');
      const plan = await make(r);
      const target = await folder.choose();
      if (target === null) return null;
      const written = await writePlan(target, plan, formats ?? PLAN_FORMATS, ctx.s.clock());
      folder.remember(target);
      return { dir: target, written: written.map((w) => w.path) };
    },
  };
}
