// History's state, kept when the user looks at another view: the runs picked and their comparison (a component's
// state would be lost on a tab switch), and the run list as last read.
import { create } from 'zustand';
import type { RunComparison, RunSummary } from '../../../shared/history';
import { invoke } from '../bridge';
import { useUiStore } from './ui-store';

interface HistoryState {
  runs: RunSummary[];
  /** At most two run ids, the latest pick last. */
  picked: string[];
  comparison: RunComparison | null;
  refresh(): Promise<void>;
  pick(id: string, on: boolean): void;
  compare(): Promise<void>;
  /** Another workspace: nothing of this one's history stays. */
  clear(): void;
}

export const useHistoryStore = create<HistoryState>((set, get) => ({
  runs: [],
  picked: [],
  comparison: null,
  async refresh() {
    try {
      const runs = await invoke('history:list', {});
      const ids = new Set(runs.map((r) => r.id));
      set({ runs, picked: get().picked.filter((id) => ids.has(id)) });
      useUiStore.getState().succeeded('Reading the history');
    } catch (e) {
      useUiStore.getState().report('Reading the history', e);
    }
  },
  pick(id, on) {
    const picked = get().picked;
    set({ picked: on ? [...picked.filter((p) => p !== id), id].slice(-2) : picked.filter((p) => p !== id) });
  },
  async compare() {
    const [before, after] = [...get().picked].sort();
    if (!before || !after) return;
    try {
      set({ comparison: await invoke('history:compare', { before, after }) });
      useUiStore.getState().succeeded('Comparing the runs');
    } catch (e) {
      useUiStore.getState().report('Comparing the runs', e);
    }
  },
  clear() {
    set({ runs: [], picked: [], comparison: null });
  },
}));
