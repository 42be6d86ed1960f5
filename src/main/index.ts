// Electron main: one secure window, the IPC wiring and the keychain. Everything else is src/core.
import path from 'node:path';
import { app, BrowserWindow, session, shell, type WebContents } from 'electron';
import { createSystemKeychain } from '../core/secrets/keychain';
import { CSP } from '../shared/csp';
import { createHandlers } from './handlers';
import { registerIpc } from './ipc';
import { openAppSettings } from './settings';

let mainWindow: BrowserWindow | undefined;

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

async function createWindow(): Promise<void> {
  const settings = openAppSettings((m) => console.error(m));
  const size = settings.get('window');
  mainWindow = new BrowserWindow({
    width: size.width,
    height: size.height,
    show: false,
    title: 'Tagfit',
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const wc = mainWindow.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event, url) => {
    if (url !== wc.getURL()) event.preventDefault();
  });
  mainWindow.on('resize', () => {
    const [width, height] = mainWindow?.getSize() ?? [size.width, size.height];
    settings.set('window', { width: width ?? size.width, height: height ?? size.height });
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());

  const handlers = createHandlers({
    keychain: createSystemKeychain(),
    clock: () => new Date(),
    demoDir: path.join(app.getAppPath(), 'resources', 'demo'),
    apiBase: process.env.TIKLIVE_API_BASE,
    version: app.getVersion(),
    emit: (channel, payload) => mainWindow?.webContents.send(channel, payload),
  });
  registerIpc(handlers, isOurs);

  if (process.env.ELECTRON_RENDERER_URL) await mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await mainWindow.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
}

app.whenReady().then(async () => {
  // Electron grants every permission by default: Tagfit needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // Checks (navigator.permissions.query, some APIs before they ask) are answered "no" as well.
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  await createWindow();
});

app.on('window-all-closed', () => app.quit());
