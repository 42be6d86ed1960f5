// The application menu with the usual accelerators; workbench commands go to the renderer by name, which runs
// them as its command palette does.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/views';

export function buildMenu(send: (command: AppCommand) => void): Menu {
  const mac = process.platform === 'darwin';
  const item = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New Workspace…', 'workspace.create', 'CmdOrCtrl+N'),
        item('Open Workspace…', 'workspace.open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Export Reports…', 'reports.export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Run',
      submenu: [item('Run', 'run.start', 'F5'), item('Cancel Run', 'run.cancel', 'Shift+F5')],
    },
    {
      label: 'View',
      submenu: [
        item('Command Palette…', 'palette.open', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
