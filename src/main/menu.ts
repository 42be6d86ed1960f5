// Electron's menus from the plain templates of shell/menu-template.ts: each item's action is carried out by the
// function handed in (a command to the renderer, a link through the checked openExternal, a workspace, About).
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuItemSpec } from './shell/menu-template';

function toOptions(spec: MenuItemSpec, run: (a: MenuAction) => void): MenuItemConstructorOptions {
  if ('type' in spec) return { type: 'separator' };
  if ('submenu' in spec)
    return {
      label: spec.label,
      ...(spec.role ? { role: spec.role } : {}),
      submenu: spec.submenu.map((s) => toOptions(s, run)),
    };
  if ('role' in spec) return { role: spec.role, ...(spec.label ? { label: spec.label } : {}) };
  const action = spec.action;
  return {
    label: spec.label,
    ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
    ...(spec.enabled === false ? { enabled: false } : {}),
    ...(action ? { click: () => run(action) } : {}),
  };
}

export function buildMenu(template: readonly MenuItemSpec[], run: (a: MenuAction) => void): Menu {
  return Menu.buildFromTemplate(template.map((s) => toOptions(s, run)));
}
