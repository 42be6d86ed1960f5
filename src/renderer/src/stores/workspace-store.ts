// The app and its workspace: status (key state, shell), the open workspace, the app's settings. Actions call main.
import { create } from 'zustand';
import type { AppSettingsView, AppStatus, KeyState, WorkspaceView } from '../../../shared/ipc-payloads';
import type { FieldProblem, PresetName } from '../../../shared/model';
import type { WorkspaceSettings } from '../../../shared/workspace-settings';
import { fieldProblems, invoke } from '../bridge';
import { useUiStore } from './ui-store';

interface WorkspaceState {
  status: AppStatus | null;
  /** The app's clock less the renderer's (0 unless main's clock is fixed with --now): `appNow()` below. */
  clockOffsetMs: number;
  workspace: WorkspaceView | null;
  key: KeyState | null;
  app: AppSettingsView | null;
  recent: string[];
  loaded: boolean;
  load(): Promise<void>;
  /** `breakLock`: the user confirmed taking a workspace another computer's lock note names. */
  open(dir?: string, readOnly?: boolean, breakLock?: boolean): Promise<void>;
  create(dir?: string, preset?: PresetName): Promise<void>;
  openDemo(): Promise<void>;
  close(): Promise<void>;
  saveSettings(settings: WorkspaceSettings): Promise<void>;
  /** The fields the last save refused, each with its message (none once a save succeeds). */
  settingsProblems: readonly FieldProblem[];
  setTheme(theme: AppSettingsView['theme']): Promise<void>;
  /** True when the key was stored; false when it was not (the alert says why, and the typed key stays). */
  setKey(key: string): Promise<boolean>;
  testKey(): Promise<{ ok: boolean; message: string }>;
  deleteKey(): Promise<void>;
  refreshKey(): Promise<void>;
  /** After a list is saved: the workspace's lists as main holds them. */
  setLists(lists: WorkspaceView['lists']): void;
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  const guard = async (what: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
      useUiStore.getState().succeeded(what);
    } catch (e) {
      useUiStore.getState().report(what, e);
    }
  };
  const opened = (workspace: WorkspaceView | null): void => {
    set({ workspace });
    if (workspace) useUiStore.getState().workspaceOpened(workspace);
  };
  return {
    status: null,
    clockOffsetMs: 0,
    workspace: null,
    key: null,
    app: null,
    recent: [],
    loaded: false,
    async load() {
      await guard('Loading the app', async () => {
        const [status, app, recent] = await Promise.all([
          invoke('app:get-status', {}),
          invoke('settings:get-app', {}),
          invoke('workspace:recent', {}),
        ]);
        set({
          status,
          clockOffsetMs: Date.parse(status.now) - Date.now(),
          key: status.key,
          app,
          recent: recent.recent,
          loaded: true,
        });
        opened(status.workspace);
        if (app.notice) useUiStore.getState().log('warning', app.notice);
      });
      set({ loaded: true });
    },
    async open(dir, readOnly, breakLock) {
      await guard('Opening the workspace', async () => {
        const ws = await invoke('workspace:open', { dir, readOnly, ...(breakLock ? { breakLock } : {}) });
        if (ws) opened(ws);
        set({ recent: (await invoke('workspace:recent', {})).recent });
      });
    },
    async create(dir, preset) {
      await guard('Creating the workspace', async () => {
        const ws = await invoke('workspace:create', { dir, preset });
        if (ws) opened(ws);
      });
    },
    async openDemo() {
      await guard('Opening the demo', async () => opened(await invoke('workspace:open-demo', {})));
    },
    async close() {
      await guard('Closing the workspace', async () => {
        await invoke('workspace:close', {});
        set({ workspace: null });
        useUiStore.getState().workspaceClosed();
      });
    },
    settingsProblems: [],
    async saveSettings(settings) {
      await guard('Saving the settings', async () => {
        try {
          set({ workspace: await invoke('settings:save-workspace', { settings }), settingsProblems: [] });
        } catch (e) {
          set({ settingsProblems: fieldProblems(e) });
          throw e;
        }
        useUiStore.getState().log('info', 'Settings saved to tagfit.json.');
      });
    },
    async setTheme(theme) {
      await guard('Saving the theme', async () => set({ app: await invoke('settings:set-app', { theme }) }));
    },
    async setKey(key) {
      let saved = false;
      await guard('Saving the key', async () => {
        set({ key: await invoke('keychain:set-key', { key }) });
        saved = true;
      });
      return saved;
    },
    async testKey() {
      try {
        const r = await invoke('keychain:test-key', {});
        set({ key: r.key });
        return { ok: r.ok, message: r.message };
      } catch (e) {
        useUiStore.getState().report('Testing the key', e);
        return { ok: false, message: (e as Error).message };
      }
    },
    async deleteKey() {
      await guard('Deleting the key', async () => set({ key: await invoke('keychain:delete-key', {}) }));
    },
    async refreshKey() {
      await guard('Reading the key state', async () => set({ key: await invoke('keychain:get-state', {}) }));
    },
    setLists(lists) {
      const ws = get().workspace;
      if (ws) set({ workspace: { ...ws, lists } });
    },
  };
});

/** Now by the app's clock (main's, which --now can fix), in epoch ms. */
export const appNow = (): number => Date.now() + useWorkspaceStore.getState().clockOffsetMs;
