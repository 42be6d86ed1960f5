// `npm run web`: the app in a browser, for machines where Electron cannot start. Builds the renderer if needed,
// serves it on 127.0.0.1 under a random token, bridges window.tagfit to the main process's own handlers, prints
// the URL and opens the browser (unless --no-open). The key comes as the CLI takes it: TIKLIVE_KEY, else the
// OS keychain; TIKLIVE_KEY is taken out of the environment before anything starts, so no child (the build, the
// browser and all it spawns) holds it. Ctrl-C stops it (a run going on stops cleanly, keeping what it fetched).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { TagfitError } from '../src/core/errors';
import { chromiumPdfPrinter } from '../src/core/report/pdf-chromium';
import { createSystemKeychain } from '../src/core/secrets/keychain';
import { createFileSettingsStore } from '../src/main/app-settings';
import { createMainHandlers } from '../src/main/handlers';
import { noticeNotifier, noticeOpener } from '../src/main/shell/notifications';
import { startWebPreview, type WebPreview } from '../src/main/web/server';
import { checkApiBase, parseNow } from '../src/cli/session-flags';
import { reportError } from '../src/cli/main';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Read once, then gone from process.env: the handlers hold it; children inherit an environment without it.
const ENV_KEY = process.env.TIKLIVE_KEY;
delete process.env.TIKLIVE_KEY;

/** The environment for a child: ours, which no longer has the key (said again here, should that ever change). */
const childEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.TIKLIVE_KEY;
  return env;
};
const RENDERER = path.join(ROOT, 'out', 'renderer');

/** The newest modification time under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** No build yet, or the renderer's sources (or the shared types it bundles) changed since the last one. */
function rendererIsStale(): boolean {
  const index = path.join(RENDERER, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['src/renderer', 'src/shared'].some((d) => newest(path.join(ROOT, d)) > built);
}

interface Flags {
  demo?: boolean;
  workspace?: string;
  port: string;
  apiBase?: string;
  open: boolean;
  dataDir?: string;
  now?: string;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true, env: childEnv() })
      .on('error', () => {})
      .unref();
  } catch {
    // No browser to open: the URL is printed.
  }
}

async function main(flags: Flags): Promise<void> {
  checkApiBase(flags.apiBase);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new TagfitError('input', `--port must be a whole number from 0 to 65535 (got "${flags.port}").`);
  if (rendererIsStale()) {
    process.stderr.write('building the renderer (electron-vite build)…\n');
    const bin = path.join(
      ROOT,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
    );
    const b = spawnSync(bin, ['build'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: childEnv(),
    });
    if (b.status !== 0)
      throw new TagfitError(
        'internal',
        'electron-vite build failed (its output is above): the preview has nothing to serve.',
      );
  }
  const dataDir = path.resolve(flags.dataDir ?? path.join(os.homedir(), '.config', 'tagfit-web'));
  const now = flags.now ? parseNow(flags.now) : undefined;
  // The handlers emit through the preview, which needs the handlers: filled in once it listens.
  const bridge: { preview?: WebPreview } = {};
  const appSettings = createFileSettingsStore(path.join(dataDir, 'settings.json'));
  const main = createMainHandlers({
    keychain: createSystemKeychain(),
    clock: () => now ?? new Date(),
    clockIsFixed: now !== undefined,
    emit: (channel, payload) => bridge.preview?.emit(channel, payload),
    paths: {
      demoDir: path.join(ROOT, 'resources', 'demo'),
      demoWorkspace: path.join(dataDir, 'demo-workspace'),
    },
    // No dialogs in a browser: folders and the logo's file are typed as absolute paths.
    dialogs: { pickFolder: async () => null, pickImage: async () => null },
    // The PDF report printed by the Chromium the CLI finds (core/browser/discovery.ts).
    pdf: chromiumPdfPrinter(),
    notifier: noticeNotifier((notice) => bridge.preview?.emit('app:notice', notice)),
    opener: noticeOpener((notice) => bridge.preview?.emit('app:notice', notice)),
    appSettings,
    apiBase: flags.apiBase,
    envKey: ENV_KEY,
    shell: 'web',
    version: 'preview',
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // Named on the command line: relative to where it was typed (npm runs scripts from the project's folder and says
  // the caller's in INIT_CWD); the handlers take absolute paths only.
  if (flags.workspace) {
    const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), flags.workspace);
    await main.handlers['workspace:open']({ dir });
  } else if (flags.demo) await main.handlers['workspace:open-demo']({});
  else {
    // As the app does (src/main/index.ts): the workspace open when the preview last stopped opens again; one that
    // is gone or held elsewhere leaves the welcome view.
    const last = appSettings.get().lastWorkspace;
    if (last && existsSync(last)) await main.handlers['workspace:open']({ dir: last }).catch(() => undefined);
  }
  const preview = await startWebPreview({ rendererDir: RENDERER, port, handlers: main.handlers });
  bridge.preview = preview;
  process.stdout.write(`Tagfit preview: ${preview.url}\n`);
  if (flags.open) openBrowser(preview.url);
  const stop = async (): Promise<void> => {
    await main.dispose();
    await preview.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const program = new Command()
  .name('npm run web --')
  .description('the Tagfit app in a browser, over the main process handlers, on 127.0.0.1')
  .option('--demo', 'open the demo workspace (the built-in simulator answers; no key)')
  .option('--workspace <dir>', 'open this workspace')
  .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', '0')
  .option('--api-base <url>', 'TikLiveAPI base URL (a proxy, or the simulator)')
  .option('--no-open', 'do not open the browser')
  .option('--data-dir <dir>', "the preview's own settings and demo workspace (default ~/.config/tagfit-web)")
  .option('--now <iso>', 'fix the run clock (tests, demos)')
  .action(async (flags: Flags) => {
    try {
      await main(flags);
    } catch (e) {
      process.exitCode = reportError(e);
    }
  });
await program.parseAsync(process.argv);
