// The application menu per platform, the Dock menu and the jump list, as data: what a user finds in each, and that
// every link they can open passes the one check before it leaves the app.
import { describe, expect, it } from 'vitest';
import { externalUrl, HELP_LINKS } from '../../src/main/shell/external-links';
import {
  dockMenuTemplate,
  jumpListTemplate,
  menuTemplate,
  newlyRecent,
  type MenuAction,
  type MenuItemSpec,
} from '../../src/main/shell/menu-template';

const RECENT = ['/home/ana/clients/acme', '/home/ana/clients/north'];
const build = (platform: NodeJS.Platform) => menuTemplate({ platform, appName: 'Tagfit', recent: RECENT });
const topLabels = (t: MenuItemSpec[]) =>
  t.map((i) => ('label' in i && i.label ? i.label : 'role' in i ? `role:${i.role}` : '-'));
const submenu = (t: MenuItemSpec[], label: string): MenuItemSpec[] => {
  const m = t.find((i) => 'submenu' in i && i.label === label);
  if (!m || !('submenu' in m)) throw new Error(`no ${label} menu`);
  return m.submenu;
};
const labels = (items: MenuItemSpec[]) =>
  items.map((i) => ('label' in i ? i.label : 'role' in i ? `role:${i.role}` : '-'));
/** Every action anywhere in a template. */
const actions = (items: MenuItemSpec[]): MenuAction[] =>
  items.flatMap((i) => ('submenu' in i ? actions(i.submenu) : 'action' in i && i.action ? [i.action] : []));

describe('the application menu', () => {
  it('macOS: the app menu first, Close Window in File, About in the app menu (not in Help)', () => {
    const mac = build('darwin');
    expect(topLabels(mac)).toEqual([
      'role:appMenu',
      'File',
      'role:editMenu',
      'Run',
      'View',
      'role:windowMenu',
      'Help',
    ]);
    expect(labels(submenu(mac, 'File')).at(-1)).toBe('role:close');
    expect(labels(submenu(mac, 'Help'))).toEqual(['Documentation', 'Report a Problem…']);
  });

  it('Windows and Linux: no app menu, Exit ends File, About Tagfit in Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = build(platform);
      expect(topLabels(t)[0]).toBe('File');
      expect(submenu(t, 'File').at(-1)).toEqual({ role: 'quit', label: 'Exit' });
      expect(labels(submenu(t, 'Help'))).toEqual(['Documentation', 'Report a Problem…', '-', 'About Tagfit']);
    }
  });

  it('the workbench commands keep their accelerators', () => {
    const items = [
      ...submenu(build('linux'), 'File'),
      ...submenu(build('linux'), 'Run'),
      ...submenu(build('linux'), 'View'),
    ];
    const accel = Object.fromEntries(
      items.flatMap((i) =>
        // The views' own items are checked against the keybinding table in keybindings.test.ts.
        'action' in i && i.action?.kind === 'command' && !i.action.command.startsWith('view.')
          ? [[i.action.command, i.accelerator]]
          : [],
      ),
    );
    expect(accel).toEqual({
      'workspace.create': 'CmdOrCtrl+N',
      'workspace.open': 'CmdOrCtrl+O',
      'reports.export': 'CmdOrCtrl+E',
      'run.start': 'F5',
      'run.cancel': 'Shift+F5',
      'palette.open': 'CmdOrCtrl+Shift+P',
      'sidebar.toggle': 'CmdOrCtrl+B',
      'panel.toggle': 'CmdOrCtrl+J',
    });
  });

  it('File ▸ Open Recent lists the recent workspaces by folder name and place; none said when empty', () => {
    const recent = submenu(submenu(build('linux'), 'File'), 'Open Recent');
    expect(recent).toEqual([
      { label: 'acme — /home/ana/clients', action: { kind: 'open-workspace', dir: RECENT[0] } },
      { label: 'north — /home/ana/clients', action: { kind: 'open-workspace', dir: RECENT[1] } },
    ]);
    const none = submenu(
      submenu(menuTemplate({ platform: 'linux', appName: 'Tagfit', recent: [] }), 'File'),
      'Open Recent',
    );
    expect(none).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });

  it('every link in every menu is https and passes the one check unchanged', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const urls = actions(build(platform)).flatMap((a) => (a.kind === 'open-url' ? [a.url] : []));
      expect(urls).toEqual([HELP_LINKS.documentation, HELP_LINKS.reportProblem]);
      for (const u of urls) expect(externalUrl(u)).toBe(u);
    }
  });
});

describe('the one check before a link leaves the app', () => {
  it('refuses what is not https, not a URL, or carries credentials', () => {
    expect(externalUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    for (const bad of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
      'https://bank.example@evil.example/',
    ])
      expect(externalUrl(bad), bad).toBeNull();
  });
});

describe('recent workspaces reach the OS', () => {
  it('the Dock menu lists them by folder name and opens them', () => {
    expect(dockMenuTemplate(RECENT)).toEqual([
      { label: 'acme', action: { kind: 'open-workspace', dir: RECENT[0] } },
      { label: 'north', action: { kind: 'open-workspace', dir: RECENT[1] } },
    ]);
  });

  it('the jump list launches the app with the folder (a second launch the running app routes)', () => {
    const packaged = jumpListTemplate(RECENT, { program: 'C:\\Tagfit\\Tagfit.exe', leadingArgs: [] });
    expect(packaged).toHaveLength(1);
    expect(packaged[0]!.name).toBe('Recent workspaces');
    expect(packaged[0]!.items[0]).toMatchObject({
      type: 'task',
      title: 'acme',
      description: RECENT[0],
      program: 'C:\\Tagfit\\Tagfit.exe',
      args: `"${RECENT[0]}"`,
    });
    const dev = jumpListTemplate(RECENT, { program: 'electron.exe', leadingArgs: ['C:\\src\\tagfit'] });
    expect(dev[0]!.items[1]!.args).toBe(`"C:\\src\\tagfit" "${RECENT[1]}"`);
    expect(jumpListTemplate([], { program: 'x', leadingArgs: [] })).toEqual([]);
  });

  it('each workspace goes to the OS recent documents once, when it joins the list', () => {
    expect(newlyRecent(['/a', '/b'], ['/c', '/a', '/b'])).toEqual(['/c']);
    expect(newlyRecent(['/a', '/b'], ['/b', '/a'])).toEqual([]);
  });
});
