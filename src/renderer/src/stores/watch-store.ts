// The watchlist in the app: its status and alerts (kept in the workspace, shared with the CLI's cron runs), a due run
// started by hand or, when the workspace says so, by itself while the app is open (main runs it and records its
// alerts: watch:run-due, which also sends the OS notification: no renderer code makes one).
import { create } from 'zustand';
import type { WatchAlert } from '../../../shared/discover';
import type { WatchRunDue, WatchStatus } from '../../../shared/ipc/watch';
import { invoke } from '../bridge';
import { useRunStore } from './run-store';
import { useUiStore } from './ui-store';
import { useWorkspaceStore } from './workspace-store';

interface WatchState {
  status: WatchStatus | null;
  /** The alerts of the last watch run made in this session. */
  raised: WatchAlert[] | null;
  running: boolean;
  refresh(): Promise<void>;
  /** Runs now if a run is due (the estimate is skipped: the schedule is the user's consent). */
  runIfDue(): Promise<void>;
  dismiss(id: string): Promise<void>;
}

export const useWatchStore = create<WatchState>((set, get) => ({
  status: null,
  raised: null,
  running: false,
  async refresh() {
    if (!useWorkspaceStore.getState().workspace) return set({ status: null });
    try {
      set({ status: await invoke('watch:status', {}) });
      useUiStore.getState().succeeded('Reading the watch');
    } catch (e) {
      useUiStore.getState().report('Reading the watch', e);
    }
  },
  async runIfDue() {
    await get().refresh();
    const status = get().status;
    if (!status?.due || get().running || useRunStore.getState().active) return;
    set({ running: true });
    try {
      useUiStore.getState().log('info', `Watch: ${status.why}`);
      // Main runs the watch whole (the run, then its alerts); the run shows as any run does.
      let watch: WatchRunDue | undefined;
      await useRunStore.getState().start(async (runId) => {
        watch = await invoke('watch:run-due', { runId });
        return watch.due ? watch.outcome : null;
      });
      if (!watch?.due) return;
      if (watch.incomplete) {
        useUiStore.getState().log('warning', `Watch: ${watch.incomplete}`);
        return;
      }
      const n = watch.alerts.length;
      set({ raised: watch.alerts });
      useUiStore.getState().succeeded('The watch run');
      // The OS notification is main's (watch:run-due sends it); the workbench lists the alerts.
      useUiStore.getState().log(n > 0 ? 'warning' : 'info', `Watch: ${n} alert${n === 1 ? '' : 's'}.`);
    } catch (e) {
      useUiStore.getState().report('The watch run', e);
    } finally {
      set({ running: false });
      await get().refresh();
    }
  },
  async dismiss(id) {
    try {
      set({ status: await invoke('watch:dismiss', { id }) });
      useUiStore.getState().succeeded('Dismissing the alert');
    } catch (e) {
      useUiStore.getState().report('Dismissing the alert', e);
    }
  },
}));

/** When a workspace opens: a due watch runs by itself if the workspace enabled it. Returns the unsubscribe. */
export function watchOnOpen(): () => void {
  return useWorkspaceStore.subscribe((s, prev) => {
    if (s.workspace?.dir === prev.workspace?.dir) return;
    void useWatchStore
      .getState()
      .refresh()
      .then(() => {
        if (s.workspace?.settings.watch.enabled && !s.workspace.readOnly)
          void useWatchStore.getState().runIfDue();
      });
  });
}
