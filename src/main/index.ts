// Electron main: one secure window, the IPC wiring, the menu, the single-instance lock, window bounds, and a
// clean stop on quit. Everything else is src/core, reached through the handlers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell, type WebContents } from 'electron';
import { checkApiBase } from '../core/api/base-url';
import { createSystemKeychain } from '../core/secrets/keychain';
import { CSP } from '../shared/csp';
import { openElectronSettings } from './electron-settings';
import { createMainHandlers, type MainHandlers } from './handlers';
import { registerIpc } from './ipc';
import { withRecent } from './app-settings';
import { buildMenu } from './menu';
import type { AppSettingsStore } from './services';

const here = path.dirname(fileURLToPath(import.meta.url));
// The app takes its key from the keychain only. A TIKLIVE_KEY left in the environment would pass to every child
// of the app (renderers, a browser opened by a link and all it spawns): gone before any starts.
delete process.env.TIKLIVE_KEY;
/** TIKLIVE_API_BASE (a proxy, the simulator), by the one check every base passes; read once. */
let apiBase: string | undefined;
let mainWindow: BrowserWindow | undefined;
let main: MainHandlers | undefined;
let settings: AppSettingsStore | undefined;

function isOurs(wc: WebContents): boolean {
  return mainWindow !== undefined && wc.id === mainWindow.webContents.id;
}

/** Only https links leave the app, and only through the OS browser. */
function openExternalSafely(url: string): void {
  try {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
  } catch {
    // not a URL: ignore
  }
}

/**
 * A workspace folder named on the command line (`tagfit-app DIR`, or a second launch's, relative to its own
 * folder). Named by the user, it counts as picked, like a folder chosen in the dialog: kept with the recent ones,
 * the only folders the renderer may name.
 */
function workspaceArg(argv: readonly string[], cwd = process.cwd()): string | undefined {
  const arg = argv
    .slice(app.isPackaged ? 1 : 2)
    .filter((a) => !a.startsWith('-'))
    .at(-1);
  if (arg === undefined || !settings) return undefined;
  const dir = path.resolve(cwd, arg);
  settings.update({ recentWorkspaces: withRecent(settings.get().recentWorkspaces, dir) });
  return dir;
}

/** Window bounds are saved when the window settles (a pause after resizing) or closes, not on every event. */
function rememberBounds(win: BrowserWindow, store: AppSettingsStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (win.isDestroyed()) return;
    const maximized = win.isMaximized();
    const b = maximized ? store.get().window : { ...win.getBounds(), maximized: false };
    store.update({ window: { width: b.width, height: b.height, x: b.x, y: b.y, maximized } });
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

async function createWindow(): Promise<void> {
  settings = openElectronSettings();
  const bounds = settings.get().window;
  mainWindow = new BrowserWindow({
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    show: false,
    title: 'Tagfit',
    // Packaged apps carry their icon in the bundle; from a checkout, the window takes build/icon.png.
    ...(app.isPackaged ? {} : { icon: path.join(here, '../../build/icon.png') }),
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (bounds.maximized) mainWindow.maximize();
  rememberBounds(mainWindow, settings);
  const wc = mainWindow.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event, url) => {
    if (url !== wc.getURL()) event.preventDefault();
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());

  main = createMainHandlers({
    keychain: createSystemKeychain(),
    clock: () => new Date(),
    emit: (channel, payload) => mainWindow?.webContents.send(channel, payload),
    paths: {
      // Packaged, the demo lists are an extra resource (electron-builder.json); from a checkout, in resources/.
      demoDir: app.isPackaged
        ? path.join(process.resourcesPath, 'demo')
        : path.join(app.getAppPath(), 'resources', 'demo'),
      demoWorkspace: path.join(app.getPath('userData'), 'demo-workspace'),
    },
    dialogs: {
      async pickFolder(title) {
        const r = await dialog.showOpenDialog(mainWindow!, {
          title,
          properties: ['openDirectory', 'createDirectory'],
        });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    },
    appSettings: settings,
    apiBase,
    shell: 'electron',
    version: app.getVersion(),
    log: (line) => console.error(line),
  });
  registerIpc(main.handlers, isOurs);
  Menu.setApplicationMenu(buildMenu((command) => mainWindow?.webContents.send('app:command', { command })));

  const initial = workspaceArg(process.argv) ?? settings.get().lastWorkspace;
  if (initial) await main.handlers['workspace:open']({ dir: initial }).catch(() => undefined);

  if (process.env.ELECTRON_RENDERER_URL) await mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await mainWindow.loadFile(path.join(here, '../renderer/index.html'));
}

// One Tagfit window: a second launch hands its workspace to this one and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const dir = workspaceArg(argv, workingDirectory);
    if (dir && main) void main.handlers['workspace:open']({ dir }).catch(() => undefined);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(async () => {
    // An http base to another host would send the key in clear text: said, and the app does not start with it.
    try {
      const base = process.env.TIKLIVE_API_BASE;
      apiBase = base === undefined ? undefined : (checkApiBase(base, 'TIKLIVE_API_BASE'), base);
    } catch (e) {
      dialog.showErrorBox('Tagfit cannot use TIKLIVE_API_BASE', (e as Error).message);
      app.exit(2);
      return;
    }
    // Electron grants every permission by default: Tagfit needs none.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    // Checks (navigator.permissions.query, some APIs before they ask) are answered "no" as well.
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      // The dev server (npm run dev) needs its websocket for hot reload; the built app gets the strict policy.
      const csp = process.env.ELECTRON_RENDERER_URL
        ? CSP.replace("connect-src 'none'", "connect-src 'self' ws:")
        : CSP;
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
    await createWindow();
  });

  // Quitting during a run stops it cleanly: what was fetched is in the cache, the lock is released.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !main) return;
    event.preventDefault();
    quitting = true;
    void main.dispose().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}
