// The app's main process as tests meet it: the real handlers over real services (a file settings store, the
// demo lists, a keychain of the test's choosing), called through the same dispatch as IPC and the preview.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PdfPrinter } from '../../src/core/report/pdf';
import { createMemoryKeychain, type Keychain } from '../../src/core/secrets/keychain';
import { createFileSettingsStore } from '../../src/main/app-settings';
import { dispatch } from '../../src/main/dispatch';
import type { AppNotification } from '../../src/main/shell/notifications';
import { createMainHandlers, type Handlers } from '../../src/main/handlers';
import type { InvokeChannel, InvokeResponses, IpcResult } from '../../src/shared/ipc-contract';
import type { RunEvent } from '../../src/shared/ipc-payloads';
import { ROOT } from './cli';

export interface TestApp {
  handlers: Handlers;
  /** Through dispatch, as the renderer calls: validation and errors as results. */
  call<C extends InvokeChannel>(channel: C, payload: unknown): Promise<IpcResult<InvokeResponses[C]>>;
  /** The value, or a thrown Error with the code and message of a failed result. */
  value<C extends InvokeChannel>(channel: C, payload: unknown): Promise<InvokeResponses[C]>;
  events: RunEvent[];
  /** Every event main sent the renderer, in order (run:intervals, run:partial, …). */
  emitted: { channel: string; payload: unknown }[];
  /** What main sent the OS as notifications. */
  notifications: AppNotification[];
  /** What main asked the OS to open (Open folder, Open report). */
  opened: string[];
  logs: string[];
  /** A folder of the test's own (settings, demo workspace); removed by dispose. */
  dir: string;
  /** What the next folder dialog answers (null: cancelled). */
  nextFolder: string | null;
  /** What the next image file dialog answers (null: cancelled). */
  nextFile?: string | null;
  dispose(): Promise<void>;
}

export async function createTestApp(
  opts: {
    keychain?: Keychain;
    apiBase?: string;
    now?: string;
    envKey?: string;
    /** The shell the handlers serve: the preview (typed paths) by default, or the app (dialog-picked paths). */
    shell?: 'electron' | 'web';
    /** What prints PDF reports (none by default: the export then writes every format but PDF). */
    pdf?: PdfPrinter;
  } = {},
): Promise<TestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-app-'));
  const events: RunEvent[] = [];
  const emitted: { channel: string; payload: unknown }[] = [];
  const logs: string[] = [];
  const notifications: AppNotification[] = [];
  const opened: string[] = [];
  const app: Partial<TestApp> = { events, emitted, notifications, opened, logs, dir, nextFolder: null };
  const appSettings = createFileSettingsStore(path.join(dir, 'settings.json'));
  const main = createMainHandlers({
    keychain: opts.keychain ?? createMemoryKeychain(),
    clock: () => (opts.now ? new Date(opts.now) : new Date()),
    clockIsFixed: opts.now !== undefined,
    emit: (channel, payload) => {
      emitted.push({ channel, payload });
      if (channel === 'run:progress') events.push(payload as RunEvent);
    },
    paths: { demoDir: path.join(ROOT, 'resources', 'demo'), demoWorkspace: path.join(dir, 'demo-workspace') },
    dialogs: {
      pickFolder: async () => app.nextFolder ?? null,
      pickImage: async () => app.nextFile ?? null,
    },
    pdf: opts.pdf,
    notifier: { notify: (n) => void notifications.push(n) },
    opener: {
      openPath: async (p) => {
        opened.push(p);
        return '';
      },
    },
    appSettings,
    apiBase: opts.apiBase,
    envKey: opts.envKey,
    shell: opts.shell ?? 'web',
    version: 'test',
    log: (line) => logs.push(line),
  });
  const call = (channel: string, payload: unknown) => dispatch(main.handlers, channel, payload);
  return Object.assign(app, {
    handlers: main.handlers,
    call: call as TestApp['call'],
    async value(channel: string, payload: unknown) {
      const r = await call(channel, payload);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value;
    },
    async dispose() {
      await main.dispose();
      // A settings write still going (opening a workspace records it as recent) would refill the folder being removed.
      await appSettings.flushed();
      await rm(dir, { recursive: true, force: true });
    },
  }) as TestApp;
}
