// One keybinding table: the command palette's shortcut labels, the renderer's key handler and the application
// menu's accelerators are all read from shared/keybindings.ts, no shortcut is defined twice, and every view of
// the registry has a command (in the palette and the View menu).
import { describe, expect, it } from 'vitest';
import { commandForKey, KEYBINDINGS, keyLabel, type KeyPress } from '../../src/shared/keybindings';
import { menuTemplate, type MenuItemSpec } from '../../src/main/shell/menu-template';
import { WORKBENCH_VIEWS } from '../../src/shared/workbench-views';

// The renderer's modules by a computed name: their DOM types stay out of the Node-side type check.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
interface PaletteCommand {
  id: string;
  title: string;
  shortcut?: string;
}
const commands = (await load('../../src/renderer/src/commands')) as {
  allCommands(): PaletteCommand[];
  handleShortcut(e: KeyPress & { preventDefault(): void }): boolean;
};
const ui = (await load('../../src/renderer/src/stores/ui-store')) as {
  useUiStore: { getState(): { paletteOpen: boolean; active: string; setPalette(o: boolean): void } };
};

/** A key press as the browser reports it for a binding (Ctrl on Linux and Windows, Cmd on macOS). */
function press(binding: string, mac: boolean): KeyPress {
  const parts = binding.split('+');
  const key = parts.pop()!;
  const mod = parts.includes('CmdOrCtrl');
  const code = /^[A-Z]$/.test(key)
    ? `Key${key}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : key === ','
        ? 'Comma'
        : key;
  return {
    key: /^[A-Z]$/.test(key) ? key.toLowerCase() : key,
    code,
    ctrlKey: mod && !mac,
    metaKey: mod && mac,
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
  };
}

const menuCommands = (items: MenuItemSpec[]): { command: string; label: string; accelerator?: string }[] =>
  items.flatMap((i) =>
    'submenu' in i
      ? menuCommands(i.submenu)
      : 'action' in i && i.action?.kind === 'command'
        ? [{ command: i.action.command, label: i.label, accelerator: i.accelerator }]
        : [],
  );

// Ctrl/Cmd+Z in a list undoes its last edit; in the menu the key stays the Edit menu's (text fields' own undo).
const EDITOR_ONLY: string[] = ['rows.add', 'tabs.next', 'tabs.previous', 'lists.undo', 'lists.redo'];

describe('the one keybinding table', () => {
  it('defines no shortcut twice and gives no command two shortcuts', () => {
    const keys = KEYBINDINGS.map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = KEYBINDINGS.map((b) => b.command);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the palette shows each command with the table’s shortcut, and nothing the table lacks', () => {
    const palette = commands.allCommands();
    expect(new Set(palette.map((c) => c.id)).size).toBe(palette.length);
    for (const b of KEYBINDINGS) {
      const c = palette.find((p) => p.id === b.command);
      expect(c, `${b.command} is in the palette`).toBeDefined();
      expect(c?.shortcut).toBe(keyLabel(b.key, false));
    }
    const shown = palette.filter((c) => c.shortcut).map((c) => c.id);
    expect(shown.sort()).toEqual(KEYBINDINGS.map((b) => b.command).sort());
    expect(palette.find((c) => c.id === 'workspace.open')?.shortcut).toBe('Ctrl+O');
    expect(palette.find((c) => c.id === 'workspace.create')?.shortcut).toBe('Ctrl+N');
  });

  it('the key handler runs each binding’s command, on Linux and Windows and on macOS', () => {
    for (const mac of [false, true])
      for (const b of KEYBINDINGS) expect(commandForKey(press(b.key, mac), mac)).toBe(b.command);
    // Ctrl+O on a Mac is not Cmd+O; Ctrl+Shift+O is not Ctrl+O.
    expect(commandForKey(press('CmdOrCtrl+O', false), true)).toBeUndefined();
    expect(commandForKey({ ...press('CmdOrCtrl+O', false), shiftKey: true }, false)).toBeUndefined();
    // Option+7 types '¡' on a Mac: the physical key still says 7.
    expect(commandForKey({ ...press('Alt+7', true), key: '¶' }, true)).toBe('view.competitors');
    // The handler the workbench installs takes the key and stops the browser's own use of it.
    ui.useUiStore.getState().setPalette(false);
    let prevented = false;
    const taken = commands.handleShortcut({
      ...press('CmdOrCtrl+Shift+P', false),
      preventDefault: () => (prevented = true),
    });
    expect([taken, prevented, ui.useUiStore.getState().paletteOpen]).toEqual([true, true, true]);
    const plain = commands.handleShortcut({ ...press('P', false), preventDefault: () => {} });
    expect(plain).toBe(false);
  });

  it('the menu’s accelerators are the table’s, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = menuCommands(menuTemplate({ platform, appName: 'Tagfit', recent: [] }));
      // The keys that act inside the editor area (a list's add field, the tab strip) have no menu item.
      for (const b of KEYBINDINGS.filter((x) => !EDITOR_ONLY.includes(x.command))) {
        const item = items.find((i) => i.command === b.command);
        expect(item, `${b.command} in the ${platform} menu`).toBeDefined();
        expect(item?.accelerator).toBe(b.key);
      }
      // An item with no binding has no accelerator of its own.
      for (const i of items)
        expect(i.accelerator).toBe(KEYBINDINGS.find((b) => b.command === i.command)?.key);
    }
  });

  it('every view of the registry has a command: in the palette and the View menu, by its title', () => {
    const palette = commands.allCommands();
    const menu = menuCommands(menuTemplate({ platform: 'linux', appName: 'Tagfit', recent: [] }));
    for (const v of WORKBENCH_VIEWS.filter((x) => x.inActivityBar)) {
      expect(palette.find((c) => c.id === `view.${v.id}`)?.title).toBe(`View: ${v.title}`);
      expect(menu.find((m) => m.command === `view.${v.id}`)?.label).toBe(v.title);
    }
  });
});
