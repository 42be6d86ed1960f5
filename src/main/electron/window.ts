// The window's glue that carries out the shell's decisions: bring it forward, remember its bounds, and recover
// from a crashed or hung page by the policy of shell/crash-recovery.ts.
import { dialog, screen, type BrowserWindow } from 'electron';
import type { AppNotice } from '../../shared/ipc/app';
import type { AppSettingsStore } from '../services';
import type { CrashRecovery, RecoveryDecision } from '../shell/crash-recovery';
import type { WindowAction, WindowState } from '../shell/second-instance';
import { restoreWindow, windowToSave, type SavedWindow } from '../shell/window-state';

export function windowState(win: BrowserWindow | undefined): WindowState {
  const alive = win !== undefined && !win.isDestroyed();
  return { exists: alive, minimized: alive && win.isMinimized(), visible: alive && win.isVisible() };
}

/** Carries out the actions of bringForward; `create` makes the window again and resolves once it is there. */
export async function carryOut(
  actions: readonly WindowAction[],
  get: () => BrowserWindow | undefined,
  create: () => Promise<void>,
): Promise<void> {
  for (const a of actions) {
    if (a === 'create-window') {
      await create();
      continue;
    }
    const win = get();
    if (!win || win.isDestroyed()) continue;
    if (a === 'restore') win.restore();
    else if (a === 'show') win.show();
    else win.focus();
  }
}

/** The saved window bounds, moved onto a screen that is there now. */
export function initialBounds(store: AppSettingsStore): SavedWindow {
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  return restoreWindow(store.get().window, displays);
}

/**
 * A monitor unplugged (or its resolution lowered) while the app runs: the window moves onto a screen that is there,
 * by the same rule as at start. Returns the disposer.
 */
export function keepOnScreen(win: BrowserWindow): () => void {
  const check = (): void => {
    if (win.isDestroyed() || win.isMaximized() || win.isFullScreen()) return;
    const now = { ...win.getBounds(), maximized: false };
    const placed = restoreWindow(now, [screen.getPrimaryDisplay(), ...screen.getAllDisplays()]);
    if (placed.x === undefined || placed.y === undefined) {
      win.setSize(placed.width, placed.height);
      win.center();
    } else if (
      placed.x !== now.x ||
      placed.y !== now.y ||
      placed.width !== now.width ||
      placed.height !== now.height
    )
      win.setBounds({ x: placed.x, y: placed.y, width: placed.width, height: placed.height });
  };
  screen.on('display-removed', check);
  screen.on('display-metrics-changed', check);
  return () => {
    screen.off('display-removed', check);
    screen.off('display-metrics-changed', check);
  };
}

/** Window bounds are saved when the window settles (a pause after resizing) or closes, not on every event. */
export function rememberBounds(win: BrowserWindow, store: AppSettingsStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (win.isDestroyed()) return;
    store.update({
      window: windowToSave({
        normalBounds: win.getNormalBounds(),
        maximized: win.isMaximized(),
        fullScreen: win.isFullScreen(),
      }),
    });
  };
  const settle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', settle);
  win.on('move', settle);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

/**
 * A crashed or hung page: reloaded with a notice, or the user asked, as the policy decides. `notify` tells the
 * reloaded page why (sent once it has loaded).
 */
export function recoverRenderer(
  win: BrowserWindow,
  policy: CrashRecovery,
  notify: (notice: AppNotice) => void,
): void {
  let question: AbortController | undefined;
  const act = (d: RecoveryDecision): void => {
    if (win.isDestroyed()) return;
    if (d.kind === 'reload') {
      win.webContents.once('did-finish-load', () => notify(d.notice));
      win.webContents.reload();
    } else if (d.kind === 'dismiss-question') {
      question?.abort();
    } else if (d.kind === 'ask') {
      question = new AbortController();
      void dialog
        .showMessageBox(win, {
          type: 'warning',
          message: d.message,
          detail: d.detail,
          buttons: d.buttons.map((b) => b.label),
          defaultId: 0,
          cancelId: d.buttons.findIndex((b) => b.choice !== 'reload'),
          signal: question.signal,
        })
        .then(({ response }) => {
          const choice = policy.chose(d.buttons[response]?.choice ?? 'wait');
          if (win.isDestroyed()) return;
          if (choice === 'reload') win.webContents.reload();
          else if (choice === 'close') win.destroy();
        });
    }
  };
  win.webContents.on('render-process-gone', (_e, details) => act(policy.gone(details.reason)));
  win.on('unresponsive', () => act(policy.unresponsive()));
  win.on('responsive', () => act(policy.responsive()));
}
