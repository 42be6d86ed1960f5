// Every action of the workbench in one registry: the command palette lists them with their shortcuts, the
// keyboard handler and the application menu run them by id.
import type { AppCommand } from '../../shared/views';
import { useListsStore } from './stores/lists-store';
import { useRunStore } from './stores/run-store';
import { useUiStore, VIEW_TITLES, type ViewId } from './stores/ui-store';
import { useWorkspaceStore } from './stores/workspace-store';

export interface Command {
  id: string;
  title: string;
  /** As shown, e.g. "Ctrl+Shift+P" (Cmd on macOS). */
  shortcut?: string;
  run(): void;
}

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const MOD = mac ? 'Cmd' : 'Ctrl';

/** Focus the "add" field of the list view showing, so a new row can be typed. */
function addRow(): void {
  const ui = useUiStore.getState();
  if (ui.active !== 'candidates' && ui.active !== 'targets') ui.openView('candidates');
  setTimeout(() => document.querySelector<HTMLInputElement>('[data-add-row]')?.focus(), 0);
}

export function allCommands(): Command[] {
  const ui = useUiStore.getState();
  const run = useRunStore.getState();
  const ws = useWorkspaceStore.getState();
  const views = (Object.keys(VIEW_TITLES) as ViewId[])
    .filter((v) => v !== 'welcome')
    .map((v) => ({ id: `view.${v}`, title: `View: ${VIEW_TITLES[v]}`, run: () => ui.openView(v) }));
  return [
    { id: 'run.start', title: 'Run', shortcut: 'F5', run: () => void run.askToRun() },
    { id: 'run.cancel', title: 'Cancel run', shortcut: 'Shift+F5', run: () => void run.cancel() },
    { id: 'run.retry', title: 'Retry failed pairs', run: () => void run.retryFailed() },
    {
      id: 'reports.export',
      title: 'Export reports',
      shortcut: `${MOD}+E`,
      run: () => ui.setDialog('export'),
    },
    { id: 'rows.add', title: 'Add row', shortcut: 'Alt+N', run: addRow },
    {
      id: 'lists.undo',
      title: 'Undo list edit',
      run: () => void useListsStore.getState().undo(listOfView()),
    },
    {
      id: 'lists.redo',
      title: 'Redo list edit',
      run: () => void useListsStore.getState().redo(listOfView()),
    },
    { id: 'tabs.next', title: 'Next tab', shortcut: `${MOD}+PageDown`, run: () => ui.nextTab(1) },
    { id: 'tabs.previous', title: 'Previous tab', shortcut: `${MOD}+PageUp`, run: () => ui.nextTab(-1) },
    {
      id: 'workspace.open',
      title: 'Open workspace…',
      shortcut: `${MOD}+O`,
      run: () => ui.openView('welcome'),
    },
    {
      id: 'workspace.create',
      title: 'Create workspace…',
      shortcut: `${MOD}+N`,
      run: () => ui.openView('welcome'),
    },
    { id: 'workspace.demo', title: 'Open the demo workspace', run: () => void ws.openDemo() },
    { id: 'workspace.close', title: 'Close workspace', run: () => void ws.close() },
    { id: 'panel.problems', title: 'Show problems', run: () => ui.setPanel('problems') },
    { id: 'panel.output', title: 'Show output', run: () => ui.setPanel('output') },
    { id: 'theme.light', title: 'Theme: light', run: () => void ws.setTheme('light') },
    { id: 'theme.dark', title: 'Theme: dark', run: () => void ws.setTheme('dark') },
    { id: 'theme.system', title: 'Theme: follow the system', run: () => void ws.setTheme('system') },
    {
      id: 'palette.open',
      title: 'Command palette',
      shortcut: `${MOD}+Shift+P`,
      run: () => ui.setPalette(true),
    },
    ...views,
  ];
}

function listOfView(): 'tags' | 'creators' | 'regions' {
  const a = useUiStore.getState().active;
  return a === 'targets' ? 'creators' : a === 'regions' ? 'regions' : 'tags';
}

export function runCommand(id: string | AppCommand): void {
  allCommands()
    .find((c) => c.id === id)
    ?.run();
}

/** The workbench's keyboard shortcuts; true when the key was one of them. */
export function handleShortcut(e: KeyboardEvent): boolean {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const key = e.key;
  const id =
    mod && e.shiftKey && key.toLowerCase() === 'p'
      ? 'palette.open'
      : key === 'F5' && e.shiftKey
        ? 'run.cancel'
        : key === 'F5'
          ? 'run.start'
          : mod && !e.shiftKey && key.toLowerCase() === 'e'
            ? 'reports.export'
            : e.altKey && key.toLowerCase() === 'n'
              ? 'rows.add'
              : mod && key === 'PageDown'
                ? 'tabs.next'
                : mod && key === 'PageUp'
                  ? 'tabs.previous'
                  : undefined;
  if (!id) return false;
  e.preventDefault();
  runCommand(id);
  return true;
}
