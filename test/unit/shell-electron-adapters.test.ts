// The Electron adapters only carry out what the shell's pure modules decide: driven here with a fake window and a
// fake `electron` module (no Electron binary), as GitHub Desktop tests its window router.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  answers: [] as number[],
  boxes: [] as { message: string; buttons: string[]; signal?: AbortSignal }[],
  recentDocs: [] as string[],
  jumpLists: [] as unknown[],
  notifications: [] as { title: string; body: string; emit(e: string): void }[],
  displays: [] as { workArea: { x: number; y: number; width: number; height: number } }[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = () => true;
    constructor(readonly opts: { title: string; body: string }) {
      super();
    }
    show() {
      fake.notifications.push({ ...this.opts, emit: (e: string) => this.emit(e) });
    }
  }
  return {
    Notification,
    dialog: {
      showMessageBox: async (
        _w: unknown,
        o: { message: string; buttons: string[]; signal?: AbortSignal },
      ) => {
        fake.boxes.push(o);
        return { response: fake.answers.shift() ?? 0 };
      },
    },
    screen: Object.assign(new Emitter(), {
      getPrimaryDisplay: () => fake.displays[0],
      getAllDisplays: () => fake.displays,
    }),
    app: {
      addRecentDocument: (d: string) => fake.recentDocs.push(d),
      setJumpList: (j: unknown) => fake.jumpLists.push(j),
      isPackaged: true,
      dock: undefined,
    },
    Menu: { buildFromTemplate: (t: unknown) => t },
  };
});

const { createElectronNotifier } = await import('../../src/main/electron/notifier');
const { carryOut, keepOnScreen, recoverRenderer } = await import('../../src/main/electron/window');
const { screen } = await import('electron');
const { withOsRecents } = await import('../../src/main/electron/os-recents');
const { createCrashRecovery } = await import('../../src/main/shell/crash-recovery');

/** A BrowserWindow as far as the adapters touch it. */
function fakeWindow() {
  const done: string[] = [];
  const wc = Object.assign(new EventEmitter(), { reload: () => done.push('reload') });
  const win = Object.assign(new EventEmitter(), {
    webContents: wc,
    done,
    destroyed: false,
    isDestroyed() {
      return win.destroyed;
    },
    destroy: () => {
      done.push('destroy');
      win.destroyed = true;
    },
    restore: () => done.push('restore'),
    show: () => done.push('show'),
    focus: () => done.push('focus'),
  });
  return win;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fake.answers.length = 0;
  fake.boxes.length = 0;
  fake.recentDocs.length = 0;
  fake.jumpLists.length = 0;
  fake.notifications.length = 0;
});

describe('the notifier in the app', () => {
  it("shows Electron's Notification from main and hands a click to the router", () => {
    const clicked: unknown[] = [];
    const n = { title: 'Tagfit: 1 alert', body: '#booktok …', view: 'watch' as const };
    createElectronNotifier((x) => clicked.push(x)).notify(n);
    expect(fake.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Tagfit: 1 alert', body: '#booktok …' },
    ]);
    fake.notifications[0]!.emit('click');
    expect(clicked).toEqual([n]);
  });
});

describe('carrying out window actions', () => {
  it('in order, making the window when asked and acting on the one made', async () => {
    let win: ReturnType<typeof fakeWindow> | undefined;
    await carryOut(
      ['create-window', 'restore', 'show', 'focus'],
      () => win as never,
      async () => {
        win = fakeWindow();
      },
    );
    expect(win?.done).toEqual(['restore', 'show', 'focus']);
  });
});

describe('a monitor unplugged while the app runs', () => {
  it('moves the window onto a screen that is there, centred on the primary, and stops listening when closed', () => {
    const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 900 } };
    const external = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };
    fake.displays.splice(0, fake.displays.length, laptop, external);
    const done: string[] = [];
    const win = {
      isDestroyed: () => false,
      isMaximized: () => false,
      isFullScreen: () => false,
      getBounds: () => ({ x: 2000, y: 100, width: 1800, height: 1000 }),
      setSize: (w: number, h: number) => done.push(`size ${w}x${h}`),
      center: () => done.push('center'),
      setBounds: (b: object) => done.push(`bounds ${JSON.stringify(b)}`),
    };
    const off = keepOnScreen(win as never);
    screen.emit('display-metrics-changed');
    expect(done).toEqual([]);
    fake.displays.splice(1, 1);
    screen.emit('display-removed');
    expect(done).toEqual(['size 1440x900', 'center']);
    off();
    screen.emit('display-removed');
    expect(done).toHaveLength(2);
  });
});

describe('a crashed or hung page', () => {
  it('is reloaded with the notice sent once it has loaded; a crash loop asks, and Close closes', async () => {
    const win = fakeWindow();
    const notices: unknown[] = [];
    let t = 0;
    recoverRenderer(win as never, createCrashRecovery({ now: () => t, maxReloads: 1 }), (n) =>
      notices.push(n),
    );
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(win.done).toEqual(['reload']);
    expect(notices).toEqual([]);
    win.webContents.emit('did-finish-load');
    expect(notices).toHaveLength(1);
    t += 1000;
    fake.answers.push(1); // "Close the window"
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await tick();
    expect(fake.boxes[0]?.buttons).toEqual(['Reload', 'Close the window']);
    expect(win.done).toEqual(['reload', 'destroy']);
  });

  it('a hang asks once, and the question is taken down when the page answers again', () => {
    const win = fakeWindow();
    recoverRenderer(win as never, createCrashRecovery({ now: () => 0 }), () => {});
    win.emit('unresponsive');
    win.emit('unresponsive');
    expect(fake.boxes).toHaveLength(1);
    expect(fake.boxes[0]!.buttons).toEqual(['Wait', 'Reload', 'Close the window']);
    win.emit('responsive');
    expect(fake.boxes[0]!.signal?.aborted).toBe(true);
  });
});

describe('recent workspaces to the OS', () => {
  it('a workspace joining the list goes to the recent documents once, and the menus follow', () => {
    let data = { recentWorkspaces: ['/w/a'] } as { recentWorkspaces: string[] };
    const store = {
      get: () => data as never,
      update: (p: object) => (data = { ...data, ...p }) as never,
      notice: null,
    };
    const menus: (readonly string[])[] = [];
    const s = withOsRecents(
      store,
      () => {},
      (r) => menus.push(r),
    );
    s.update({ recentWorkspaces: ['/w/b', '/w/a'] });
    s.update({ recentWorkspaces: ['/w/b', '/w/a'] });
    expect(fake.recentDocs).toEqual(['/w/a', '/w/b']);
    expect(menus).toEqual([['/w/a'], ['/w/b', '/w/a']]);
  });
});
