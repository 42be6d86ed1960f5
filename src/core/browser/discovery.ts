// The one place Tagfit finds a Chromium (the CLI's and the preview's PDF reports, the browser tests), in this order:
// TAGFIT_CHROMIUM (a path), a system Chrome, Chromium or Edge, Playwright's own download, then @sparticuz/chromium
// unpacked once into the temp folder (Linux x64 only, where that dev dependency is installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { TagfitError } from '../errors';

/** The project's folder: where npm installed @sparticuz/chromium, if it did. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** playwright-core, loaded when a browser is first needed (the CLI starts without it). */
const playwright = (): typeof import('playwright-core') =>
  createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

/** Flags that work as root on a machine with no network and no display. */
export const BROWSER_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type BrowserSource = 'TAGFIT_CHROMIUM' | 'system' | 'playwright' | '@sparticuz/chromium';

export interface FoundBrowser {
  source: BrowserSource;
  executablePath: string;
  /** Extra environment for the browser process (fonts for the unpacked Chromium on a machine without any). */
  env?: Record<string, string>;
}

export interface Machine {
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
  /** Where Playwright keeps the Chromium it downloads for this version, whether or not it is there. */
  playwrightPath: () => string | undefined;
  /** Unpacks @sparticuz/chromium and answers its paths, or undefined where the package is not installed. */
  unpackSparticuz: () => FoundBrowser | undefined;
}

/** The usual install places of Chrome, Chromium and Edge on each platform, most likely first. */
export function systemBrowserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => !!r,
    );
    return roots.flatMap((r) => [
      path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(path.delimiter).filter((d) => d && d !== '/usr/bin')];
  return dirs.flatMap((d) => names.map((n) => path.join(d, n)));
}

/** The one command that gets this machine a browser Tagfit can use (besides installing Chrome or Chromium). */
export function browserFixFor(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'linux' && arch === 'x64')
    return 'npm install (it brings the dev dependency @sparticuz/chromium)';
  return 'npx playwright-core install chromium';
}

/** Finds a browser in the documented order; throws a `not-found` error naming the fix where there is none. */
export function findBrowser(m: Machine = thisMachine()): FoundBrowser {
  const asked = m.env.TAGFIT_CHROMIUM;
  if (asked) {
    if (!m.exists(asked)) {
      throw new TagfitError(
        'not-found',
        `TAGFIT_CHROMIUM is ${asked}, which does not exist: point it at a browser or unset it`,
      );
    }
    return { source: 'TAGFIT_CHROMIUM', executablePath: asked };
  }
  const system = systemBrowserCandidates(m.platform, m.env).find((p) => m.exists(p));
  if (system) return { source: 'system', executablePath: system };
  const own = m.playwrightPath();
  if (own && m.exists(own)) return { source: 'playwright', executablePath: own };
  if (m.platform === 'linux' && m.arch === 'x64') {
    const unpacked = m.unpackSparticuz();
    if (unpacked) return unpacked;
  }
  throw new TagfitError(
    'not-found',
    `No Chrome or Chromium found (looked at TAGFIT_CHROMIUM, the system Chrome/Chromium/Edge, Playwright's ` +
      `download and @sparticuz/chromium): install Google Chrome or Chromium, point TAGFIT_CHROMIUM at one, or ` +
      `run \`${browserFixFor(m.platform, m.arch)}\``,
  );
}

/**
 * Launches the found browser headless with the flags above. `ownSignals`: the caller handles Ctrl-C and SIGTERM
 * itself (the CLI stops its run cleanly and says so), so Playwright must not close the browser and end the process
 * with exit 130 on them, as it does by default.
 */
export async function launchBrowser(
  found: FoundBrowser = findBrowser(),
  opts: { ownSignals?: boolean } = {},
): Promise<Browser> {
  return playwright().chromium.launch({
    executablePath: found.executablePath,
    args: BROWSER_FLAGS,
    headless: true,
    ...(opts.ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
  });
}

export function thisMachine(): Machine {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    exists: existsSync,
    playwrightPath: () => {
      try {
        return playwright().chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    unpackSparticuz,
  };
}

/**
 * Unpacks @sparticuz/chromium into `<tmp>/tagfit-chromium-<version>/` once. The package always unpacks into the
 * temp folder itself, so a child does it with TMPDIR pointing at a fresh folder, which is then renamed into place:
 * two processes starting at once never run a half-written binary.
 */
function unpackSparticuz(): FoundBrowser | undefined {
  // Read from where npm installs it: the package's exports do not include its package.json.
  const pkg = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  if (!existsSync(pkg)) return undefined;
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  const home = path.join(tmpdir(), `tagfit-chromium-${version}`);
  const binary = path.join(home, 'chromium');
  if (!existsSync(binary)) {
    const staging = mkdtempSync(path.join(tmpdir(), 'tagfit-chromium-unpack-'));
    try {
      const r = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const { default: c } = await import('@sparticuz/chromium'); process.stdout.write(await c.executablePath());",
        ],
        { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, encoding: 'utf8' },
      );
      if (r.status !== 0 || !existsSync(path.join(staging, 'chromium'))) {
        throw new TagfitError(
          'storage',
          `Could not unpack @sparticuz/chromium into ${staging}: ${r.stderr.trim()}`,
        );
      }
      try {
        renameSync(staging, home);
      } catch (e) {
        // Another process unpacked it first: theirs is complete (it was renamed whole), so use it.
        if (!existsSync(binary)) throw e;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  // Its own fonts only where the system has no fontconfig setup: otherwise text would differ from the system's.
  const env = existsSync('/etc/fonts/fonts.conf') ? undefined : { FONTCONFIG_PATH: path.join(home, 'fonts') };
  return { source: '@sparticuz/chromium', executablePath: binary, ...(env ? { env } : {}) };
}
