// The content plan in the app: made by main from the last run's samples (plan:make, no call) and exported as
// iCalendar and CSV (plan:export); the view renders it and fetches nothing itself.
import { create } from 'zustand';
import type { ContentPlan } from '../../../shared/plan';
import { invoke } from '../bridge';
import { useUiStore } from './ui-store';

interface PlanState {
  plan: ContentPlan | null;
  weeks: number;
  perWeek: number;
  busy: boolean;
  /** Where the last export went, for the view to say. */
  exported: { dir: string; written: string[] } | null;
  setWeeks(n: number): void;
  setPerWeek(n: number): void;
  regenerate(): Promise<void>;
  exportPlan(): Promise<void>;
}

const clamp = (n: number, lo: number, hi: number, fallback: number): number =>
  Number.isFinite(n) ? Math.max(lo, Math.min(hi, Math.round(n))) : fallback;

export const usePlanStore = create<PlanState>((set, get) => ({
  plan: null,
  weeks: 2,
  perWeek: 3,
  busy: false,
  exported: null,
  setWeeks: (n) => set({ weeks: clamp(n, 1, 26, 2) }),
  setPerWeek: (n) => set({ perWeek: clamp(n, 1, 14, 3) }),
  async regenerate() {
    set({ busy: true });
    try {
      const { weeks, perWeek } = get();
      set({ plan: await invoke('plan:make', { weeks, perWeek }), exported: null });
    } catch (e) {
      useUiStore.getState().report('Making the plan', e);
    } finally {
      set({ busy: false });
    }
  },
  async exportPlan() {
    set({ busy: true });
    try {
      const { weeks, perWeek, plan } = get();
      const r = await invoke('plan:export', { weeks, perWeek, ...(plan ? { from: plan.from } : {}) });
      if (!r) return;
      set({ exported: r });
      useUiStore.getState().log('info', `Plan exported to ${r.dir}: ${r.written.join(', ')}`);
    } catch (e) {
      useUiStore.getState().report('Exporting the plan', e);
    } finally {
      set({ busy: false });
    }
  },
}));
