// The open workspace's health on a shared drive, for the banner: the conflicted copies a sync client left, read when
// the workspace opens, and merged when the user asks.
import { create } from 'zustand';
import type { WorkspaceCheck } from '../../../shared/ipc/workspace';
import { invoke } from '../bridge';
import { useUiStore } from './ui-store';
import { useWorkspaceStore } from './workspace-store';

interface SyncState {
  check: WorkspaceCheck | null;
  /** The list of findings is open (Review). */
  reviewing: boolean;
  merging: boolean;
  refresh(): Promise<void>;
  review(open: boolean): void;
  merge(): Promise<void>;
  clear(): void;
}

export const useSyncStore = create<SyncState>((set) => ({
  check: null,
  reviewing: false,
  merging: false,
  async refresh() {
    try {
      set({ check: await invoke('workspace:check', {}) });
      useUiStore.getState().succeeded('Checking the workspace for conflicted copies');
    } catch (e) {
      useUiStore.getState().report('Checking the workspace for conflicted copies', e);
    }
  },
  review(open) {
    set({ reviewing: open });
  },
  async merge() {
    set({ merging: true });
    try {
      const check = await invoke('workspace:check', { fix: true });
      set({ check });
      // A merged tagfit.json changes the settings the app shows.
      if (check.merged?.length) await useWorkspaceStore.getState().load();
      useUiStore.getState().succeeded('Merging the conflicted copies');
    } catch (e) {
      useUiStore.getState().report('Merging the conflicted copies', e);
    } finally {
      set({ merging: false });
    }
  },
  clear() {
    set({ check: null, reviewing: false, merging: false });
  },
}));
