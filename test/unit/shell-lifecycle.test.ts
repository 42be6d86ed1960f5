// The app's lifecycle by the platforms' conventions, and a second launch routed to the one window: decided without
// Electron, driven here with a fake app that carries out what the decisions say.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onActivate, onAllWindowsClosed, onBeforeQuit } from '../../src/main/shell/lifecycle';
import {
  bringForward,
  routeSecondInstance,
  workspaceFromArgv,
  type WindowAction,
  type WindowState,
} from '../../src/main/shell/second-instance';

/** A fake app: a window or none, and a log of what was done, carried out as src/main/electron/window.ts does. */
function fakeApp(platform: NodeJS.Platform, w: WindowState | null) {
  let window = w;
  const done: string[] = [];
  let running = true;
  const carry = (actions: WindowAction[]): void => {
    for (const a of actions) {
      if (a === 'create-window') window = { exists: true, minimized: false, visible: true };
      else if (a === 'restore' && window) window = { ...window, minimized: false };
      else if (a === 'show' && window) window = { ...window, visible: true };
      done.push(a);
    }
  };
  return {
    done,
    get running() {
      return running;
    },
    get window() {
      return window;
    },
    state: (): WindowState => window ?? { exists: false, minimized: false, visible: false },
    closeLastWindow() {
      window = null;
      if (onAllWindowsClosed(platform) === 'quit') running = false;
    },
    activate() {
      const todo = onActivate({ ready: true, windows: window ? 1 : 0 });
      if (todo === 'create-window') carry(['create-window']);
      else if (todo === 'show-window') carry(['show']);
    },
    carry,
  };
}

describe('closing the last window and activating', () => {
  it('macOS keeps running with no window, and the Dock icon opens one again', () => {
    const mac = fakeApp('darwin', { exists: true, minimized: false, visible: true });
    mac.closeLastWindow();
    expect(mac.running).toBe(true);
    expect(mac.window).toBeNull();
    mac.activate();
    expect(mac.window?.exists).toBe(true);
    expect(mac.done).toEqual(['create-window']);
  });

  it('Windows and Linux quit when the last window closes', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const app = fakeApp(platform, { exists: true, minimized: false, visible: true });
      app.closeLastWindow();
      expect(app.running).toBe(false);
    }
  });

  it('activate with a window shows it; before the app is ready it does nothing', () => {
    expect(onActivate({ ready: true, windows: 1 })).toBe('show-window');
    expect(onActivate({ ready: false, windows: 0 })).toBe('none');
  });

  it('quitting stops the runs first, once; then the quit goes ahead', () => {
    expect(onBeforeQuit({ stopping: false, hasHandlers: true })).toBe('stop-then-quit');
    expect(onBeforeQuit({ stopping: true, hasHandlers: true })).toBe('quit');
    expect(onBeforeQuit({ stopping: false, hasHandlers: false })).toBe('quit');
  });
});

describe('the workspace on the command line', () => {
  const cwd = path.resolve('/home/ana/clients');
  it('packaged: the last argument that is not a flag, relative to the launch folder', () => {
    expect(workspaceFromArgv(['/opt/Tagfit/tagfit', 'acme'], { packaged: true, cwd })).toBe(
      path.join(cwd, 'acme'),
    );
    expect(
      workspaceFromArgv(['/opt/Tagfit/tagfit', '--allow-file-access-from-files', '/srv/ws', '--x=1'], {
        packaged: true,
        cwd,
      }),
    ).toBe(path.resolve('/srv/ws'));
    expect(workspaceFromArgv(['/opt/Tagfit/tagfit'], { packaged: true, cwd })).toBeUndefined();
  });

  it('from a checkout the app path is not a workspace', () => {
    expect(workspaceFromArgv(['electron', '.'], { packaged: false, cwd })).toBeUndefined();
    expect(workspaceFromArgv(['electron', '.', 'acme'], { packaged: false, cwd })).toBe(
      path.join(cwd, 'acme'),
    );
  });
});

describe('a second launch', () => {
  it('with a workspace: the minimised window is restored, focused, and opens it', () => {
    const app = fakeApp('linux', { exists: true, minimized: true, visible: true });
    const route = routeSecondInstance(
      { argv: ['/opt/Tagfit/tagfit', 'acme'], cwd: path.resolve('/work'), packaged: true },
      app.state(),
    );
    app.carry(route.window);
    expect(app.done).toEqual(['restore', 'focus']);
    expect(app.window?.minimized).toBe(false);
    expect(route.openWorkspace).toBe(path.resolve('/work/acme'));
  });

  it('without one: the window only comes forward (a hidden one is shown)', () => {
    const route = routeSecondInstance(
      { argv: ['/opt/Tagfit/tagfit'], cwd: '/', packaged: true },
      { exists: true, minimized: false, visible: false },
    );
    expect(route).toEqual({ window: ['show', 'focus'] });
  });

  it('on macOS with no window left: one is made, then focused', () => {
    expect(bringForward({ exists: false, minimized: false, visible: false })).toEqual([
      'create-window',
      'focus',
    ]);
  });
});
