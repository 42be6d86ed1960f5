// Every action of the workbench by its id: the command palette lists them with their shortcuts, the keyboard
// handler and the application menu run them by id. Shortcuts come from the one table (shared/keybindings.ts).
import {
  bindingForKey,
  type CommandId,
  type Keybinding,
  keybindingOf,
  type KeyPress,
  keyLabel,
  WORKBENCH_COMMANDS,
} from '../../shared/keybindings';
import { useLayoutStore } from './stores/layout-store';
import { useListsStore } from './stores/lists-store';
import { runningJob, useJobsStore } from './stores/jobs-store';
import { useRunStore } from './stores/run-store';
import { useUiStore } from './stores/ui-store';
import { useWorkspaceStore } from './stores/workspace-store';
import { VIEWS } from './view-registry';

export interface Command {
  id: CommandId;
  title: string;
  /** As shown, e.g. "Ctrl+Shift+P" (Cmd on macOS), from the keybinding table. */
  shortcut?: string;
  run(): void;
}

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const MOD = mac ? 'Cmd' : 'Ctrl';

type StaticCommand = (typeof WORKBENCH_COMMANDS)[number];

/** Focus the "add" field of the list view showing, so a new row can be typed. */
function addRow(): void {
  const ui = useUiStore.getState();
  if (ui.active !== 'candidates' && ui.active !== 'targets') ui.openView('candidates');
  setTimeout(() => document.querySelector<HTMLInputElement>('[data-add-row]')?.focus(), 0);
}

function listOfView(): 'tags' | 'creators' | 'regions' {
  const a = useUiStore.getState().active;
  return a === 'targets' ? 'creators' : a === 'regions' ? 'regions' : 'tags';
}

/** The app asks for a folder with its native dialog; the preview, which has none, with a typed path. */
function workspaceFolder(which: 'open' | 'create'): void {
  const ws = useWorkspaceStore.getState();
  if (ws.status?.shell === 'electron') void (which === 'open' ? ws.open() : ws.create());
  else useUiStore.getState().setDialog(which === 'open' ? 'open-workspace' : 'new-workspace');
}

/** Cancel: the score run going on, else whichever job is (main runs one at a time). */
function cancelJob(): void {
  if (useRunStore.getState().active) return void useRunStore.getState().cancel();
  const job = runningJob();
  if (job) void useJobsStore.getState().cancel(job.runId);
}

const STATIC: Record<StaticCommand, { title: string; run(): void }> = {
  'run.start': { title: 'Run', run: () => void useRunStore.getState().askToRun() },
  'run.cancel': { title: 'Cancel run', run: cancelJob },
  'run.retry': { title: 'Retry failed pairs', run: () => void useRunStore.getState().retryFailed() },
  'reports.export': { title: 'Export reports', run: () => useUiStore.getState().setDialog('export') },
  'rows.add': { title: 'Add row', run: addRow },
  'lists.undo': { title: 'Undo list edit', run: () => void useListsStore.getState().undo(listOfView()) },
  'lists.redo': { title: 'Redo list edit', run: () => void useListsStore.getState().redo(listOfView()) },
  'tabs.next': { title: 'Next tab', run: () => useUiStore.getState().nextTab(1) },
  'tabs.previous': { title: 'Previous tab', run: () => useUiStore.getState().nextTab(-1) },
  'workspace.open': { title: 'Open workspace…', run: () => workspaceFolder('open') },
  'workspace.create': { title: 'Create workspace…', run: () => workspaceFolder('create') },
  'workspace.demo': {
    title: 'Open the demo workspace',
    run: () => void useWorkspaceStore.getState().openDemo(),
  },
  'workspace.close': { title: 'Close workspace', run: () => void useWorkspaceStore.getState().close() },
  'panel.problems': { title: 'Show problems', run: () => useUiStore.getState().setPanel('problems') },
  'panel.output': { title: 'Show output', run: () => useUiStore.getState().setPanel('output') },
  'panel.toggle': {
    title: 'Toggle the panel',
    run: () => {
      const ui = useUiStore.getState();
      ui.setPanel(ui.panel, !ui.panelOpen);
    },
  },
  'sidebar.toggle': { title: 'Toggle the side bar', run: () => useLayoutStore.getState().toggleSideBar() },
  'theme.light': { title: 'Theme: light', run: () => void useWorkspaceStore.getState().setTheme('light') },
  'theme.dark': { title: 'Theme: dark', run: () => void useWorkspaceStore.getState().setTheme('dark') },
  'theme.system': {
    title: 'Theme: follow the system',
    run: () => void useWorkspaceStore.getState().setTheme('system'),
  },
  'palette.open': { title: 'Command palette', run: () => useUiStore.getState().setPalette(true) },
};

const withShortcut = (id: CommandId, title: string, run: () => void): Command => {
  const key = keybindingOf(id);
  return { id, title, run, ...(key ? { shortcut: keyLabel(key, mac) } : {}) };
};

export function allCommands(): Command[] {
  const views = VIEWS.filter((v) => v.inActivityBar).map((v) =>
    withShortcut(v.command, `View: ${v.title}`, () => useUiStore.getState().openView(v.id)),
  );
  return [...WORKBENCH_COMMANDS.map((id) => withShortcut(id, STATIC[id].title, STATIC[id].run)), ...views];
}

export function runCommand(id: CommandId): void {
  allCommands()
    .find((c) => c.id === id)
    ?.run();
}

/** A text field (not a grid cell's focus): it keeps the browser's own keys, Ctrl/Cmd+Z among them. */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Whether a binding's `when` holds: 'list' while a list view shows and the focus is not in a text field. */
function applies(b: Keybinding, target: EventTarget | null): boolean {
  if (b.when !== 'list') return true;
  const view = useUiStore.getState().active;
  return (view === 'candidates' || view === 'targets' || view === 'regions') && !inTextField(target);
}

/** The workbench's keyboard shortcuts, from the keybinding table; true when the key was one of them. */
export function handleShortcut(
  e: KeyPress & { preventDefault(): void; target?: EventTarget | null },
): boolean {
  const b = bindingForKey(e, mac);
  if (!b || !applies(b, e.target ?? null)) return false;
  e.preventDefault();
  runCommand(b.command);
  return true;
}
