// Notifications belong to main: what the watch tells the OS, where a click leads, the preview's stand-in, and no
// renderer code that makes a Notification (Electron would route it through the deny-all permission handlers).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  noticeNotifier,
  routeNotificationClick,
  watchNotification,
} from '../../src/main/shell/notifications';
import type { AppNotice } from '../../src/shared/ipc/app';
import type { WatchRunDue } from '../../src/shared/ipc/watch';
import type { RunOutcome } from '../../src/shared/ipc-payloads';

const ran = (incomplete: string | null): WatchRunDue => ({
  due: true,
  why: 'a week since the last run',
  next: '2026-12-13',
  outcome: {} as RunOutcome,
  incomplete,
  alerts: [],
  notice: { title: 'Tagfit: 2 alerts', body: '#booktok rose above the velocity threshold in US; …' },
});

describe('the watch notification', () => {
  it('a completed due run tells the OS what main said, and a click opens Watch', () => {
    expect(watchNotification(ran(null))).toEqual({
      title: 'Tagfit: 2 alerts',
      body: '#booktok rose above the velocity threshold in US; …',
      view: 'watch',
    });
  });

  it('nothing when the watch was not due, or its run stopped short (the workbench says why)', () => {
    expect(watchNotification({ due: false, why: 'not yet', next: '2026-12-13' })).toBeNull();
    expect(watchNotification(ran('The run was stopped: no alert from a partial run.'))).toBeNull();
  });
});

describe('a click on a notification', () => {
  const n = { title: 't', body: 'b', view: 'watch' as const };
  it('brings a minimised window forward, then opens the view', () => {
    expect(routeNotificationClick(n, { exists: true, minimized: true, visible: true })).toEqual({
      window: ['restore', 'focus'],
      openView: 'watch',
    });
  });

  it('makes the window again when macOS kept the app running without one', () => {
    expect(routeNotificationClick(n, { exists: false, minimized: false, visible: false }).window).toEqual([
      'create-window',
      'focus',
    ]);
  });
});

describe("the preview's stand-in", () => {
  it('says the notification in the workbench output', () => {
    const said: AppNotice[] = [];
    noticeNotifier((x) => said.push(x)).notify({ title: 'Tagfit: 1 alert', body: 'x', view: 'watch' });
    expect(said).toEqual([{ level: 'info', text: 'Notification: Tagfit: 1 alert: x' }]);
  });
});

describe('the renderer', () => {
  it('constructs no Notification and asks for no notification permission', async () => {
    const root = path.resolve('src/renderer');
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(20);
    const offending: string[] = [];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      // Any reach for the Web Notification API (globalThis.Notification aliased, as the store once did, included).
      if (/\bNotification\b|requestPermission/.test(text)) offending.push(path.relative(root, f));
    }
    expect(offending).toEqual([]);
  });
});
