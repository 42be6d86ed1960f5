// Electron main: one secure window, the IPC wiring, and the shell's glue. What to do (menus, window state,
// closing and activating, second launches, notification clicks, a crashed page) is decided in src/main/shell/
// and carried out by the adapters in src/main/electron/; everything else is src/core, through the handlers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell, type WebContents } from 'electron';
import { checkApiBase } from '../core/api/base-url';
import { createSystemKeychain } from '../core/secrets/keychain';
import { CSP } from '../shared/csp';
import type { EventPayloads } from '../shared/ipc-contract';
import { withRecent } from './app-settings';
import { createElectronNotifier } from './electron/notifier';
import { createElectronPdfPrinter } from './electron/pdf-printer';
import { withOsRecents } from './electron/os-recents';
import {
  carryOut,
  initialBounds,
  keepOnScreen,
  recoverRenderer,
  rememberBounds,
  windowState,
} from './electron/window';
import { openElectronSettings } from './electron-settings';
import { createMainHandlers, type MainHandlers } from './handlers';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import type { AppSettingsStore } from './services';
import { createCrashRecovery } from './shell/crash-recovery';
import { externalUrl } from './shell/external-links';
import { onActivate, onAllWindowsClosed, onBeforeQuit } from './shell/lifecycle';
import { menuTemplate, type MenuAction } from './shell/menu-template';
import { routeNotificationClick, type AppNotification } from './shell/notifications';
import { bringForward, routeSecondInstance, workspaceFromArgv } from './shell/second-instance';

const here = path.dirname(fileURLToPath(import.meta.url));
// The app takes its key from the keychain only. A TIKLIVE_KEY left in the environment would pass to every child
// of the app (renderers, a browser opened by a link and all it spawns): gone before any starts.
delete process.env.TIKLIVE_KEY;
/** TIKLIVE_API_BASE (a proxy, the simulator), by the one check every base passes; read once. */
let apiBase: string | undefined;
let mainWindow: BrowserWindow | undefined;
let main: MainHandlers | undefined;
let settings: AppSettingsStore | undefined;
/** Until the page has loaded, what main asks of it waits here (a second launch's workspace, a click's view). */
let pageReady: Promise<void> = Promise.resolve();

function isOurs(wc: WebContents): boolean {
  return mainWindow !== undefined && !mainWindow.isDestroyed() && wc.id === mainWindow.webContents.id;
}

/** Only https links leave the app, and only through the OS browser: the one openExternal. */
function openExternalSafely(url: string): void {
  const checked = externalUrl(url);
  if (checked) void shell.openExternal(checked);
}

function send<E extends keyof EventPayloads>(channel: E, payload: EventPayloads[E]): void {
  void pageReady.then(() => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  });
}

/** A folder named by the user (command line, a second launch, the Dock, a jump list) counts as picked. */
function pickedByUser(dir: string): string {
  settings?.update({ recentWorkspaces: withRecent(settings.get().recentWorkspaces, dir) });
  return dir;
}

/**
 * The window forward, then the workspace opened by the page as if chosen there. With no window (macOS kept the app
 * running without one), main opens it first and the new page finds it open, as at start.
 */
async function openWorkspace(dir: string, actions = bringForward(windowState(mainWindow))): Promise<void> {
  const picked = pickedByUser(dir);
  if (actions.includes('create-window') && main) {
    await main.handlers['workspace:open']({ dir: picked }).catch(() => undefined);
    return carryOut(actions, () => mainWindow, createWindow);
  }
  await carryOut(actions, () => mainWindow, createWindow);
  send('app:open-workspace', { dir: picked });
}

function runMenuAction(a: MenuAction): void {
  if (a.kind === 'command') send('app:command', { command: a.command });
  else if (a.kind === 'open-url') openExternalSafely(a.url);
  else if (a.kind === 'open-workspace') void openWorkspace(a.dir);
  else app.showAboutPanel();
}

function setMenu(recent: readonly string[]): void {
  Menu.setApplicationMenu(
    buildMenu(menuTemplate({ platform: process.platform, appName: app.getName(), recent }), runMenuAction),
  );
}

async function onNotificationClick(n: AppNotification): Promise<void> {
  const route = routeNotificationClick(n, windowState(mainWindow));
  await carryOut(route.window, () => mainWindow, createWindow);
  send('app:open-view', { view: route.openView });
}

/** The handlers live as long as the app (macOS keeps it running with no window): made once, with the settings. */
function startHandlers(): MainHandlers {
  settings = withOsRecents(openElectronSettings(), runMenuAction, setMenu);
  app.setAboutPanelOptions({ applicationName: 'Tagfit', applicationVersion: app.getVersion() });
  return createMainHandlers({
    keychain: createSystemKeychain(),
    clock: () => new Date(),
    emit: (channel, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
    },
    paths: {
      // Packaged, the demo lists are an extra resource (electron-builder.json); from a checkout, in resources/.
      demoDir: app.isPackaged
        ? path.join(process.resourcesPath, 'demo')
        : path.join(app.getAppPath(), 'resources', 'demo'),
      demoWorkspace: path.join(app.getPath('userData'), 'demo-workspace'),
    },
    dialogs: {
      async pickFolder(title) {
        const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
        const r = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      async pickImage(title) {
        const options = {
          title,
          properties: ['openFile' as const],
          filters: [{ name: 'Images (PNG, JPEG, SVG)', extensions: ['png', 'jpg', 'jpeg', 'svg'] }],
        };
        const r = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    },
    pdf: createElectronPdfPrinter(),
    notifier: createElectronNotifier((n) => void onNotificationClick(n)),
    // Open folder / Open report after an export: the OS's default app, as a double-click would.
    opener: { openPath: (p) => shell.openPath(p) },
    appSettings: settings,
    apiBase,
    shell: 'electron',
    version: app.getVersion(),
    log: (line) => console.error(line),
  });
}

async function createWindow(): Promise<void> {
  // Asked before the app is ready (a second launch, a notification from a previous session): the start makes it.
  const store = settings;
  if (!store) return;
  const bounds = initialBounds(store);
  const win = new BrowserWindow({
    width: bounds.width,
    height: bounds.height,
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
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
  mainWindow = win;
  if (bounds.maximized) win.maximize();
  rememberBounds(win, store);
  const offScreen = keepOnScreen(win);
  const wc = win.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event, url) => {
    if (url !== wc.getURL()) event.preventDefault();
  });
  recoverRenderer(win, createCrashRecovery({ now: Date.now }), (notice) => wc.send('app:notice', notice));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    offScreen();
    if (mainWindow === win) mainWindow = undefined;
  });
  pageReady = new Promise((resolve) => wc.once('did-finish-load', () => resolve()));
  if (process.env.ELECTRON_RENDERER_URL) await win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await win.loadFile(path.join(here, '../renderer/index.html'));
}

// One Tagfit window: a second launch hands its workspace to this one and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const route = routeSecondInstance(
      { argv, cwd: workingDirectory, packaged: app.isPackaged },
      windowState(mainWindow),
    );
    if (route.openWorkspace) void openWorkspace(route.openWorkspace, route.window);
    else void carryOut(route.window, () => mainWindow, createWindow);
  });
  // macOS: a recent document chosen from the Dock (or a folder dropped on its icon).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openWorkspace(file);
    else process.argv.push(file);
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
    // Windows shows notifications only for an app with its own user model id (the installer's appId).
    if (process.platform === 'win32') app.setAppUserModelId('com.tagfit.app');
    // Electron grants every permission by default: Tagfit needs none (notifications are sent by main).
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
    main = startHandlers();
    registerIpc(main.handlers, isOurs);
    const named = workspaceFromArgv(process.argv, { packaged: app.isPackaged, cwd: process.cwd() });
    const initial = named ? pickedByUser(named) : settings!.get().lastWorkspace;
    if (initial) await main.handlers['workspace:open']({ dir: initial }).catch(() => undefined);
    await createWindow();
  });

  app.on('activate', () => {
    const windows = BrowserWindow.getAllWindows().length;
    const todo = onActivate({ ready: app.isReady() && main !== undefined, windows });
    if (todo === 'create-window') void createWindow();
    else if (todo === 'show-window') mainWindow?.show();
  });

  // Quitting during a run stops it cleanly: what was fetched is in the cache, the lock is released.
  let stopping = false;
  app.on('before-quit', (event) => {
    if (onBeforeQuit({ stopping, hasHandlers: main !== undefined }) === 'quit') return;
    event.preventDefault();
    stopping = true;
    void main!.dispose().finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (onAllWindowsClosed(process.platform) === 'quit') app.quit();
  });
}
