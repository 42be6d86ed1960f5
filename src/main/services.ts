// What the handlers are given rather than reach for: Electron passes its own (dialogs, electron-store, the
// window's webContents), the browser preview and the tests pass theirs, and the handlers cannot tell.
import type { PdfPrinter } from '../core/report/pdf';
import type { Keychain } from '../core/secrets/keychain';
import type { EventPayloads } from '../shared/ipc-contract';
import type { AppSettingsView } from '../shared/ipc-payloads';
import type { AppNotification } from './shell/notifications';

/** The app's own settings (not a workspace's): recent workspaces, theme, window, export folders. */
export interface AppSettingsData {
  version: 1;
  theme: AppSettingsView['theme'];
  recentWorkspaces: string[];
  lastWorkspace: string | null;
  /** Per workspace folder: where "Export reports" last wrote. */
  exportDirs: Record<string, string>;
  window: { width: number; height: number; x?: number; y?: number; maximized: boolean };
}

export interface AppSettingsStore {
  get(): AppSettingsData;
  update(patch: Partial<AppSettingsData>): AppSettingsData;
  /** Set once when the settings file was damaged and kept aside. */
  notice: string | null;
}

export interface Dialogs {
  /** A folder chosen by the user, or null when the dialog was cancelled (no dialog in the browser preview). */
  pickFolder(title: string): Promise<string | null>;
  /** An image file chosen by the user (the branding's logo), or null when cancelled (none in the preview). */
  pickImage(title: string): Promise<string | null>;
}

/** A notification to the OS, sent by main (the renderer may not). */
export interface Notifier {
  /** Shows it where the platform can; a click brings the window forward and opens `view`. */
  notify(n: AppNotification): void;
}

/** Opens a file or folder with the OS's default app (Electron's shell.openPath); the preview's records and says it. */
export interface Opener {
  /** '' when opened, else why not (Electron's answer). */
  openPath(p: string): Promise<string>;
}

export interface HandlerServices {
  keychain: Keychain;
  /** The run clock. */
  clock: () => Date;
  /** The clock is fixed (tests, a demo at a given date): cache ages are judged on it. */
  clockIsFixed?: boolean;
  emit: <E extends keyof EventPayloads>(channel: E, payload: EventPayloads[E]) => void;
  paths: {
    /** resources/demo: the demo lists. */
    demoDir: string;
    /** Where the app keeps its demo workspace (created on first use). */
    demoWorkspace: string;
  };
  dialogs: Dialogs;
  /**
   * Prints the PDF report: Electron's printToPDF in the app, a Chromium found on the machine in the preview
   * (core/report/pdf-chromium.ts). Without one, the app exports every format but PDF.
   */
  pdf?: PdfPrinter;
  /** Electron's Notification in the app; the preview's stand-in writes it to the workbench's output. */
  notifier: Notifier;
  /** Open folder / Open report after an export; absent where the shell cannot open files. */
  opener?: Opener;
  appSettings: AppSettingsStore;
  /** A TikLiveAPI base other than the real one (the simulator, a proxy). */
  apiBase?: string;
  /** TIKLIVE_KEY, where the shell reads the environment (the browser preview); it wins over the keychain. */
  envKey?: string;
  shell: 'electron' | 'web';
  version: string;
  /** A line for the log (never the key: handlers only ever pass messages through the key's redaction). */
  log?: (line: string) => void;
}
