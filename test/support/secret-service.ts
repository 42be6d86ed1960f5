// A real Secret Service for the keychain test: gnome-keyring in a D-Bus session of its own, on a throw-away
// keyring folder, started by the test itself; and, where none can be had, the reason in words.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './cli';

const onPath = (cmd: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Why no Secret Service can be started here (with the command that gets one), or null when it can. */
export function secretServiceProblem(): string | null {
  if (process.platform !== 'linux')
    return `the Secret Service test is for Linux (this is ${process.platform})`;
  try {
    createRequire(path.join(ROOT, 'package.json'))('keytar');
  } catch {
    return 'keytar did not build (it needs libsecret-1-dev): apt-get install -y libsecret-1-dev && npm rebuild keytar';
  }
  for (const [cmd, pkg] of [
    ['dbus-run-session', 'dbus'],
    ['gnome-keyring-daemon', 'gnome-keyring'],
  ] as const) {
    if (!onPath(cmd)) return `${cmd} is not installed: apt-get install -y ${pkg} dbus-x11`;
  }
  return null;
}

/**
 * Runs an ES module script (with tsx, from the project's root) inside a new D-Bus session whose gnome-keyring is
 * unlocked with a throw-away password, on a keyring folder made for this run and removed after it: a real login
 * keyring is never touched.
 */
export function runWithSecretService(script: string): SpawnSyncReturns<string> {
  const keyrings = mkdtempSync(path.join(tmpdir(), 'tagfit-keyring-'));
  try {
    return spawnSync(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" "$@"',
        process.execPath,
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, XDG_DATA_HOME: keyrings, DISPLAY: '' },
      },
    );
  } finally {
    rmSync(keyrings, { recursive: true, force: true });
  }
}
