// A workspace named at launch (`tagfit-app DIR`), and what a second launch does: the one window comes forward
// and opens the workspace the second launch named. Pure: src/main/index.ts hands in argv and the window's state.
import path from 'node:path';

/**
 * The workspace folder on a command line, or undefined. Packaged, argv is [app, ...args]; from a checkout,
 * [electron, appPath, ...args]. Flags (Chromium adds some to a second instance's argv) are not folders.
 */
export function workspaceFromArgv(
  argv: readonly string[],
  opts: { packaged: boolean; cwd: string },
): string | undefined {
  const arg = argv
    .slice(opts.packaged ? 1 : 2)
    .filter((a) => a !== '' && !a.startsWith('-'))
    .at(-1);
  return arg === undefined ? undefined : path.resolve(opts.cwd, arg);
}

export interface WindowState {
  exists: boolean;
  minimized: boolean;
  visible: boolean;
}

/** What the shell does to bring its window forward, in order. */
export type WindowAction = 'create-window' | 'restore' | 'show' | 'focus';

/** Brings the one window forward: made again if gone (macOS keeps running without one), restored, shown, focused. */
export function bringForward(w: WindowState): WindowAction[] {
  if (!w.exists) return ['create-window', 'focus'];
  return [...(w.minimized ? (['restore'] as const) : []), ...(w.visible ? [] : (['show'] as const)), 'focus'];
}

export interface SecondInstanceRoute {
  window: WindowAction[];
  /** The folder the second launch named (relative to its own working folder), to record as picked and open. */
  openWorkspace?: string;
}

/** A second launch: its workspace, if it named one, opens in this window, which comes forward either way. */
export function routeSecondInstance(
  launch: { argv: readonly string[]; cwd: string; packaged: boolean },
  w: WindowState,
): SecondInstanceRoute {
  const dir = workspaceFromArgv(launch.argv, launch);
  return { window: bringForward(w), ...(dir ? { openWorkspace: dir } : {}) };
}
