// The workbench's own state: open editor tabs, the bottom panel's log and problems, the palette, the current
// alert. Knows no domain beyond names.
import { create } from 'zustand';
import type { WorkspaceView } from '../../../shared/ipc-payloads';
import { explain } from '../bridge';
import type { ViewId } from '../view-registry';

export interface LogLine {
  at: string;
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface Alert {
  /** What was being done, and the kind of error where it adds to the message: "Running: TikLiveAPI refused the key". */
  title: string;
  /** The message's first line: the cause, said in the alert itself. */
  message: string;
  /** The message's other lines (a list's further problems), one click away; '' when there are none. */
  detail: string;
  /** The error's code: a view may offer what fits it (Open read-only for a workspace in use). */
  code?: string;
  /** What was being done (report's `what`): the alert goes when that action next succeeds. */
  action: string;
  /** A workspace in use: its folder, which the alert offers to open read-only. */
  dir?: string;
}

interface UiState {
  tabs: ViewId[];
  active: ViewId;
  /** The preview tab (italic, VS Code's): a single click's view, replaced by the next one until it is pinned. */
  preview: ViewId | null;
  panel: 'problems' | 'output';
  panelOpen: boolean;
  paletteOpen: boolean;
  lines: LogLine[];
  alert: Alert | null;
  /** The dialog on top: the run's credit estimate, the export folder, or a workspace folder typed in the preview. */
  dialog: 'confirm-run' | 'export' | 'open-workspace' | 'new-workspace' | null;
  /** Opens a view pinned, or `preview`: in the preview tab, replacing the view there (an open view keeps its tab). */
  openView(v: ViewId, mode?: 'pin' | 'preview'): void;
  /** The preview tab becomes a tab of its own (a double-click, an edit in its view). */
  pinTab(v: ViewId): void;
  closeTab(v: ViewId): void;
  nextTab(step: 1 | -1): void;
  setPanel(p: UiState['panel'], open?: boolean): void;
  setPalette(open: boolean): void;
  setDialog(d: UiState['dialog']): void;
  log(level: LogLine['level'], text: string): void;
  /** An error where it happened: an alert (announced) with its detail, and a line in the output. */
  report(what: string, e: unknown): void;
  /** `what` (as report names it) has succeeded: an alert about its earlier failure goes. */
  succeeded(what: string): void;
  dismissAlert(): void;
  workspaceOpened(ws: WorkspaceView): void;
  workspaceClosed(): void;
}

export const useUiStore = create<UiState>((set, get) => ({
  tabs: ['welcome'],
  active: 'welcome',
  preview: null,
  panel: 'output',
  panelOpen: true,
  paletteOpen: false,
  lines: [],
  alert: null,
  dialog: null,
  openView(v, mode = 'pin') {
    const { tabs, preview } = get();
    if (tabs.includes(v)) {
      set({ active: v, preview: mode === 'pin' && preview === v ? null : preview });
      return;
    }
    // A new view in preview takes the preview tab's place; pinned, it joins the tabs after them.
    const next =
      mode === 'preview' && preview !== null ? tabs.map((t) => (t === preview ? v : t)) : [...tabs, v];
    set({ tabs: next, active: v, preview: mode === 'preview' ? v : preview });
  },
  pinTab(v) {
    if (get().preview === v) set({ preview: null });
  },
  closeTab(v) {
    const tabs = get().tabs.filter((t) => t !== v);
    const active = get().active === v ? (tabs.at(-1) ?? 'welcome') : get().active;
    const preview = get().preview === v ? null : get().preview;
    set({ tabs: tabs.length > 0 ? tabs : ['welcome'], active, preview });
  },
  nextTab(step) {
    const { tabs, active } = get();
    const i = tabs.indexOf(active);
    set({ active: tabs[(i + step + tabs.length) % tabs.length] ?? active });
  },
  setPanel(p, open = true) {
    set({ panel: p, panelOpen: open });
  },
  setPalette(open) {
    set({ paletteOpen: open });
  },
  setDialog(d) {
    set({ dialog: d });
  },
  log(level, text) {
    const line = { at: new Date().toLocaleTimeString(), level, text };
    set({ lines: [...get().lines.slice(-499), line] });
  },
  report(what, e) {
    const { title, detail } = explain(e);
    const [message = '', ...more] = detail.split('\n');
    const code = (e as { code?: unknown } | null)?.code;
    const dir = (e as { dir?: unknown } | null)?.dir;
    set({
      alert: {
        title: title ? `${what}: ${title}` : what,
        message,
        detail: more.join('\n'),
        ...(typeof code === 'string' ? { code } : {}),
        ...(code === 'locked' && typeof dir === 'string' ? { dir } : {}),
        action: what,
      },
    });
    get().log('error', `${what}: ${detail}`);
  },
  succeeded(what) {
    if (get().alert?.action === what) set({ alert: null });
  },
  dismissAlert() {
    set({ alert: null });
  },
  workspaceOpened(ws) {
    const tabs = get().tabs.filter((t) => t !== 'welcome');
    const base: ViewId[] = tabs.length > 0 ? tabs : ['candidates', 'results'];
    set({ tabs: base, active: base.includes('results') ? 'results' : base[0]!, preview: null });
    get().log(
      'info',
      `Opened ${ws.demo ? 'the demo workspace (simulated data)' : `workspace ${ws.dir}`}${ws.readOnly ? ', read-only' : ''}.`,
    );
  },
  workspaceClosed() {
    set({ tabs: ['welcome'], active: 'welcome', preview: null });
  },
}));
