// Notifications are sent by main (the renderer keeps its deny-all permission policy): what the watch tells the
// user, and what a click on a notification does (the window forward, then the view it is about).
import type { AppNotice, ShellView } from '../../shared/ipc/app';
import type { WatchRunDue } from '../../shared/ipc/watch';
import { bringForward, type WindowAction, type WindowState } from './second-instance';

export interface AppNotification {
  title: string;
  body: string;
  /** The view a click opens. */
  view: ShellView;
}

/** What a due watch run tells the OS: its alerts when it completed; nothing when it was not due or stopped short
 * (the workbench says why). */
export function watchNotification(watch: WatchRunDue): AppNotification | null {
  if (!watch.due || watch.incomplete) return null;
  return { title: watch.notice.title, body: watch.notice.body, view: 'watch' };
}

export interface ClickRoute {
  window: WindowAction[];
  /** Sent to the renderer once the window is there (app:open-view). */
  openView: ShellView;
}

/** A click on a notification: the window comes forward (made again if it was closed) and opens the view. */
export function routeNotificationClick(n: AppNotification, w: WindowState): ClickRoute {
  return { window: bringForward(w), openView: n.view };
}

/**
 * The browser preview's notifier: a page there may not show OS notifications (and the preview asks for no
 * permission), so the notification becomes a line in the workbench's output, said as the app would notify.
 */
export function noticeNotifier(emit: (notice: AppNotice) => void): { notify(n: AppNotification): void } {
  return { notify: (n) => emit({ level: 'info', text: `Notification: ${n.title}: ${n.body}` }) };
}

/**
 * The browser preview's opener: a page there cannot open a folder or a file with the OS, so the request is recorded
 * as a line in the workbench's output, with the path to open by hand.
 */
export function noticeOpener(emit: (notice: AppNotice) => void): { openPath(p: string): Promise<string> } {
  return {
    openPath: async (p) => {
      emit({
        level: 'info',
        text: `Open: ${p} (the browser preview cannot open files: open it from your file manager)`,
      });
      return '';
    },
  };
}
