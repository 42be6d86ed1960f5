// A renderer that crashed or hung: reload it with a notice, but not forever. A pure policy with a counter: a
// window that keeps crashing stops being reloaded by itself and the user is asked (reload or close).
import type { AppNotice } from '../../shared/ipc/app';

export type RecoveryChoice = 'reload' | 'close' | 'wait';

export type RecoveryDecision =
  | { kind: 'ignore' }
  /** Reload now; once the page is back, tell the user why it reloaded. */
  | { kind: 'reload'; notice: AppNotice }
  /** Ask the user (a message box on the window); the buttons in order, the first the default. */
  | { kind: 'ask'; message: string; detail: string; buttons: { label: string; choice: RecoveryChoice }[] }
  /** A hang ended by itself: take down the question if it is still asked. */
  | { kind: 'dismiss-question' };

export interface CrashRecoveryOptions {
  /** Reloads by itself at most this many times within `withinMs`; after that it asks. */
  maxReloads?: number;
  withinMs?: number;
  now: () => number;
}

/** Electron's render-process-gone reasons that are not a crash: the window was closed or the app is quitting. */
const NOT_A_CRASH = new Set(['clean-exit']);

export interface CrashRecovery {
  /** The renderer process went away (`render-process-gone`, its `details.reason`). */
  gone(reason: string): RecoveryDecision;
  /** The page stopped answering (`unresponsive`). */
  unresponsive(): RecoveryDecision;
  /** It answers again (`responsive`). */
  responsive(): RecoveryDecision;
  /** The user chose, in the question asked: reloading counts as a reload. */
  chose(choice: RecoveryChoice): RecoveryChoice;
}

export function createCrashRecovery(opts: CrashRecoveryOptions): CrashRecovery {
  const max = opts.maxReloads ?? 3;
  const within = opts.withinMs ?? 5 * 60_000;
  let reloads: number[] = [];
  let asking = false;
  const recent = (): number => {
    const t = opts.now();
    reloads = reloads.filter((r) => t - r < within);
    return reloads.length;
  };
  const ask = (message: string, detail: string): RecoveryDecision => {
    asking = true;
    return {
      kind: 'ask',
      message,
      detail,
      buttons: [
        { label: 'Reload', choice: 'reload' },
        { label: 'Close the window', choice: 'close' },
      ],
    };
  };
  return {
    gone(reason) {
      if (NOT_A_CRASH.has(reason)) return { kind: 'ignore' };
      const minutes = Math.round(within / 60_000);
      if (recent() >= max)
        return ask(
          `Tagfit's window stopped again (${reason}).`,
          `It was reloaded ${max} times in the last ${minutes} minutes and stopped each time, so it is not ` +
            'reloaded by itself again. Your workspace files are safe; a run going on kept what it fetched.',
        );
      reloads.push(opts.now());
      return {
        kind: 'reload',
        notice: {
          level: 'warning',
          text: `The window stopped (${reason}) and was reloaded. The workspace's files are as they were.`,
        },
      };
    },
    unresponsive() {
      if (asking) return { kind: 'ignore' };
      const q = ask(
        "Tagfit's window is not responding.",
        'It may be busy with a large grid. Wait for it, reload it, or close it.',
      );
      if (q.kind !== 'ask') return q;
      return { ...q, buttons: [{ label: 'Wait', choice: 'wait' }, ...q.buttons] };
    },
    responsive() {
      if (!asking) return { kind: 'ignore' };
      asking = false;
      return { kind: 'dismiss-question' };
    },
    chose(choice) {
      asking = false;
      if (choice === 'reload') reloads.push(opts.now());
      return choice;
    },
  };
}
