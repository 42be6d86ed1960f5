// The application menu, the macOS Dock menu and the Windows jump list as plain data, per platform: what each item
// says and does. src/main/electron/menu.ts turns the data into Electron's menus; tests read the data.
import path from 'node:path';
import { type CommandId, keybindingOf } from '../../shared/keybindings';
import { viewCommand, WORKBENCH_VIEWS } from '../../shared/workbench-views';
import { HELP_LINKS } from './external-links';

/** What a menu item does when chosen. */
export type MenuAction =
  /** A workbench command, sent to the renderer (app:command), which runs it as its palette does. */
  | { kind: 'command'; command: CommandId }
  /** An https page in the OS browser, through the one checked openExternal. */
  | { kind: 'open-url'; url: string }
  | { kind: 'open-workspace'; dir: string }
  | { kind: 'about' };

/** Electron's built-in roles the menu uses (cut, paste, zoom, window handling…). */
export type MenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'close'
  | 'quit'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools';

export type MenuItemSpec =
  | { type: 'separator' }
  | { role: MenuRole; label?: string }
  | { label: string; accelerator?: string; action?: MenuAction; enabled?: boolean }
  | { label: string; role?: 'help'; submenu: MenuItemSpec[] };

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Recent workspaces, newest first (File ▸ Open Recent). */
  recent: readonly string[];
}

/** A workbench command, with its shortcut from the one keybinding table (shared/keybindings.ts). */
const command = (label: string, c: CommandId): MenuItemSpec => {
  const accelerator = keybindingOf(c);
  return { label, ...(accelerator ? { accelerator } : {}), action: { kind: 'command', command: c } };
};

/** View ▸ one item per view of the workbench's registry, as the activity bar lists them. */
const viewItems = (): MenuItemSpec[] =>
  WORKBENCH_VIEWS.filter((v) => v.inActivityBar).map((v) => command(v.title, viewCommand(v.id)));

/** How many recent workspaces the menus list. */
const RECENT_IN_MENUS = 8;

/** A recent workspace as the menus name it: its folder's name, then where it is. */
export function recentLabel(dir: string): string {
  return `${path.basename(dir)} — ${path.dirname(dir)}`;
}

function openRecent(recent: readonly string[]): MenuItemSpec {
  const items: MenuItemSpec[] = recent
    .slice(0, RECENT_IN_MENUS)
    .map((dir) => ({ label: recentLabel(dir), action: { kind: 'open-workspace', dir } }));
  return {
    label: 'Open Recent',
    submenu: items.length > 0 ? items : [{ label: 'No recent workspaces', enabled: false }],
  };
}

export function menuTemplate(ctx: MenuContext): MenuItemSpec[] {
  const mac = ctx.platform === 'darwin';
  const about: MenuItemSpec = { label: `About ${ctx.appName}`, action: { kind: 'about' } };
  return [
    // macOS: the app menu (About, Services, Hide, Quit) comes first, named after the app.
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        command('New Workspace…', 'workspace.create'),
        command('Open Workspace…', 'workspace.open'),
        openRecent(ctx.recent),
        { type: 'separator' },
        command('Export Reports…', 'reports.export'),
        { type: 'separator' },
        // macOS quits from the app menu; File ends with Close Window there, with Exit elsewhere.
        mac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Run',
      submenu: [command('Run', 'run.start'), command('Cancel Run', 'run.cancel')],
    },
    {
      label: 'View',
      submenu: [
        command('Command Palette…', 'palette.open'),
        { type: 'separator' },
        command('Toggle Side Bar', 'sidebar.toggle'),
        command('Toggle Panel', 'panel.toggle'),
        { type: 'separator' },
        ...viewItems(),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      label: 'Help',
      role: 'help',
      submenu: [
        { label: 'Documentation', action: { kind: 'open-url', url: HELP_LINKS.documentation } },
        { label: 'Report a Problem…', action: { kind: 'open-url', url: HELP_LINKS.reportProblem } },
        // macOS has About in the app menu already.
        ...(mac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
}

/** The workspaces that joined the recent list (each goes to the OS's own recent documents once). */
export function newlyRecent(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((d) => !before.includes(d));
}

/** macOS: the Dock icon's menu, the recent workspaces. */
export function dockMenuTemplate(recent: readonly string[]): MenuItemSpec[] {
  return recent
    .slice(0, RECENT_IN_MENUS)
    .map((dir) => ({ label: path.basename(dir), action: { kind: 'open-workspace', dir } }));
}

export interface JumpListTask {
  type: 'task';
  title: string;
  description: string;
  program: string;
  args: string;
  iconPath: string;
  iconIndex: number;
}

/**
 * Windows: the taskbar's jump list, a "Recent workspaces" category whose items launch the app with the folder
 * (a second launch, which the running app routes to its window). `launch` is how the app is started: the
 * executable, and the app path before the folder when run from a checkout.
 */
export function jumpListTemplate(
  recent: readonly string[],
  launch: { program: string; leadingArgs: readonly string[] },
): { type: 'custom'; name: string; items: JumpListTask[] }[] {
  if (recent.length === 0) return [];
  const quote = (a: string): string => `"${a.replace(/"/g, '')}"`;
  return [
    {
      type: 'custom',
      name: 'Recent workspaces',
      items: recent.slice(0, RECENT_IN_MENUS).map((dir) => ({
        type: 'task',
        title: path.basename(dir),
        description: dir,
        program: launch.program,
        args: [...launch.leadingArgs, dir].map(quote).join(' '),
        iconPath: launch.program,
        iconIndex: 0,
      })),
    },
  ];
}
