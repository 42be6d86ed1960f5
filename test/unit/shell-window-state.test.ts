// The window's bounds as a pure function of what was saved and the displays there now: a monitor unplugged, a
// resolution lowered, a window never placed.
import { describe, expect, it } from 'vitest';
import { restoreWindow, windowToSave, type Display } from '../../src/main/shell/window-state';

const laptop: Display = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const external: Display = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('restoring the window', () => {
  it('comes back where it was, at its size, on the monitor it was on', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: false };
    expect(restoreWindow(saved, [laptop, external])).toEqual(saved);
  });

  it('on a monitor that is gone, opens on the primary display, centred by the OS and no larger than it', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(restoreWindow(saved, [laptop])).toEqual({ width: 1440, height: 875, maximized: true });
  });

  it('a window mostly off screen but with its title bar in reach stays, moved in so all of it shows', () => {
    const saved = { x: 1000, y: 300, width: 1000, height: 800, maximized: false };
    expect(restoreWindow(saved, [laptop])).toEqual({
      x: 440,
      y: 100,
      width: 1000,
      height: 800,
      maximized: false,
    });
  });

  it('a title bar out of reach (only a sliver on screen, or above it) does not count as on screen', () => {
    const sliver = { x: 1400, y: 300, width: 1000, height: 800, maximized: false };
    expect(restoreWindow(sliver, [laptop])).toEqual({ width: 1000, height: 800, maximized: false });
    const above = { x: 100, y: -200, width: 1000, height: 800, maximized: false };
    expect(restoreWindow(above, [laptop])).toEqual({ width: 1000, height: 800, maximized: false });
  });

  it('a lowered resolution shrinks the window to its screen', () => {
    const saved = { x: 0, y: 25, width: 1440, height: 875, maximized: false };
    const smaller: Display = { workArea: { x: 0, y: 25, width: 1280, height: 775 } };
    expect(restoreWindow(saved, [smaller])).toEqual({
      x: 0,
      y: 25,
      width: 1280,
      height: 775,
      maximized: false,
    });
  });

  it('never placed (first launch, or old settings): the saved size on the primary display, centred', () => {
    expect(restoreWindow({ width: 1280, height: 820, maximized: false }, [laptop, external])).toEqual({
      width: 1280,
      height: 820,
      maximized: false,
    });
  });
});

describe('saving the window', () => {
  it('keeps the normal bounds while maximised or full screen, so un-maximising returns to them', () => {
    const normalBounds = { x: 10.4, y: 40, width: 1200.6, height: 800 };
    expect(windowToSave({ normalBounds, maximized: true, fullScreen: false })).toEqual({
      x: 10,
      y: 40,
      width: 1201,
      height: 800,
      maximized: true,
    });
    expect(windowToSave({ normalBounds, maximized: false, fullScreen: true }).maximized).toBe(true);
    expect(windowToSave({ normalBounds, maximized: false, fullScreen: false }).maximized).toBe(false);
  });
});
