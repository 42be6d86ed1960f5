// The content plan in the app: made by main from the last run's samples (plan:make, no call) and exported as
// iCalendar and CSV (plan:export); the view renders it and fetches nothing itself.
import { create } from 'zustand';
import type { ContentPlan } from '../../../shared/plan';
import { PLAN_LIMITS } from '../../../shared/ipc/plan';
import { invoke } from '../bridge';
import { useUiStore } from './ui-store';

interface PlanState {
  plan: ContentPlan | null;
  /** The toolbar's fields; null while one holds no valid value (it says so), and nothing is made or exported. */
  weeks: number | null;
  perWeek: number | null;
  busy: boolean;
  /** Where the last export went, for the view to say. */
  exported: { dir: string; written: string[] } | null;
  setWeeks(n: number | null): void;
  setPerWeek(n: number | null): void;
  regenerate(): Promise<void>;
  exportPlan(): Promise<void>;
}

export const usePlanStore = create<PlanState>((set, get) => ({
  plan: null,
  weeks: PLAN_LIMITS.weeks.default,
  perWeek: PLAN_LIMITS.perWeek.default,
  busy: false,
  exported: null,
  setWeeks: (n) => set({ weeks: n }),
  setPerWeek: (n) => set({ perWeek: n }),
  async regenerate() {
    const { weeks, perWeek } = get();
    if (weeks === null || perWeek === null) return;
    set({ busy: true });
    try {
      set({ plan: await invoke('plan:make', { weeks, perWeek }), exported: null });
      useUiStore.getState().succeeded('Making the plan');
    } catch (e) {
      useUiStore.getState().report('Making the plan', e);
    } finally {
      set({ busy: false });
    }
  },
  async exportPlan() {
    const { weeks, perWeek, plan } = get();
    if (weeks === null || perWeek === null) return;
    set({ busy: true });
    try {
      const r = await invoke('plan:export', { weeks, perWeek, ...(plan ? { from: plan.from } : {}) });
      if (!r) return;
      set({ exported: r });
      useUiStore.getState().succeeded('Exporting the plan');
      useUiStore.getState().log('info', `Plan exported to ${r.dir}: ${r.written.join(', ')}`);
    } catch (e) {
      useUiStore.getState().report('Exporting the plan', e);
    } finally {
      set({ busy: false });
    }
  },
}));
