// The one table of keyboard shortcuts: the renderer's key handler, the command palette's labels and the
// application menu's accelerators are all read from it, so the three cannot disagree.
import { type ViewCommand, type ViewId, viewCommand } from './workbench-views';

/** The workbench's commands besides opening a view; the renderer implements each (commands.ts). */
export const WORKBENCH_COMMANDS = [
  'run.start',
  'run.cancel',
  'run.retry',
  'reports.export',
  'rows.add',
  'lists.undo',
  'lists.redo',
  'tabs.next',
  'tabs.previous',
  'workspace.open',
  'workspace.create',
  'workspace.demo',
  'workspace.close',
  'panel.problems',
  'panel.output',
  'panel.toggle',
  'sidebar.toggle',
  'theme.light',
  'theme.dark',
  'theme.system',
  'palette.open',
] as const;

export type CommandId = (typeof WORKBENCH_COMMANDS)[number] | ViewCommand;

export interface Keybinding {
  command: CommandId;
  /** In Electron's accelerator grammar: `CmdOrCtrl` is Cmd on macOS and Ctrl elsewhere. */
  key: string;
  /**
   * 'list': only while a list view shows and the focus is not in a text field, which keeps its own undo (VS Code's
   * `when` clause); elsewhere the key is left to the browser.
   */
  when?: 'list';
}

/** The first nine views by Alt+1…9, in the activity bar's order; Settings as in VS Code. */
const VIEW_KEYS: [ViewId, string][] = [
  ['candidates', 'Alt+1'],
  ['targets', 'Alt+2'],
  ['regions', 'Alt+3'],
  ['results', 'Alt+4'],
  ['compare', 'Alt+5'],
  ['history', 'Alt+6'],
  ['competitors', 'Alt+7'],
  ['creator-fit', 'Alt+8'],
  ['suggestions', 'Alt+9'],
  ['settings', 'CmdOrCtrl+,'],
];

export const KEYBINDINGS: readonly Keybinding[] = [
  { command: 'palette.open', key: 'CmdOrCtrl+Shift+P' },
  { command: 'workspace.create', key: 'CmdOrCtrl+N' },
  { command: 'workspace.open', key: 'CmdOrCtrl+O' },
  { command: 'reports.export', key: 'CmdOrCtrl+E' },
  { command: 'run.start', key: 'F5' },
  { command: 'run.cancel', key: 'Shift+F5' },
  { command: 'rows.add', key: 'Alt+N' },
  { command: 'tabs.next', key: 'CmdOrCtrl+PageDown' },
  { command: 'tabs.previous', key: 'CmdOrCtrl+PageUp' },
  { command: 'sidebar.toggle', key: 'CmdOrCtrl+B' },
  { command: 'panel.toggle', key: 'CmdOrCtrl+J' },
  { command: 'lists.undo', key: 'CmdOrCtrl+Z', when: 'list' },
  { command: 'lists.redo', key: 'CmdOrCtrl+Shift+Z', when: 'list' },
  ...VIEW_KEYS.map(([v, key]) => ({ command: viewCommand(v), key })),
];

/** A command's shortcut in the table's grammar (the menu's accelerator), if it has one. */
export function keybindingOf(command: CommandId): string | undefined {
  return KEYBINDINGS.find((b) => b.command === command)?.key;
}

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(binding: string): Chord {
  const parts = binding.split('+');
  // A '+' key itself would be written "Plus" (Electron's grammar), so the last part is always the key.
  const key = parts.pop() ?? '';
  return {
    mod: parts.includes('CmdOrCtrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key,
  };
}

/** A shortcut as people read it: "Ctrl+Shift+P", "Cmd+Shift+P" on macOS. */
export function keyLabel(binding: string, mac: boolean): string {
  return binding.replace('CmdOrCtrl', mac ? 'Cmd' : 'Ctrl');
}

/** The fields of a DOM KeyboardEvent the table needs (plain data, so main and tests can pass their own). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The key pressed, in the table's grammar. Letters and digits come from the physical key when a modifier
 * changes the character (Option+1 types '¡' on a Mac, Shift+1 '!').
 */
function pressedKey(e: KeyPress): string {
  if (/^[a-z]$/i.test(e.key)) return e.key.toUpperCase();
  if (/^Key[A-Z]$/.test(e.code)) return e.code.slice(3);
  if (/^Digit\d$/.test(e.code)) return e.code.slice(5);
  if (e.code === 'Comma') return ',';
  return e.key;
}

/** The command a key press runs, if the table has one. */
export function commandForKey(e: KeyPress, mac: boolean): CommandId | undefined {
  return bindingForKey(e, mac)?.command;
}

/** The binding a key press matches, with its `when`, if the table has one. */
export function bindingForKey(e: KeyPress, mac: boolean): Keybinding | undefined {
  const mod = mac ? e.metaKey : e.ctrlKey;
  // The other platform's modifier (Ctrl on a Mac, the Windows key elsewhere) is never part of a shortcut.
  const other = mac ? e.ctrlKey : e.metaKey;
  if (other) return undefined;
  const key = pressedKey(e);
  return KEYBINDINGS.find((b) => {
    const c = parse(b.key);
    return c.key === key && c.mod === mod && c.shift === e.shiftKey && c.alt === e.altKey;
  });
}
