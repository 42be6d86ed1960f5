// The window's size, position and maximised state: restored from what was saved, kept on a screen that is there
// (a monitor unplugged since, a resolution lowered), and what to save when it changes. Pure: the displays and
// the window's bounds are handed in (Electron's screen and BrowserWindow in the app).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindow {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** A display's work area (the screen less the taskbar, Dock and menu bar). */
export interface Display {
  workArea: Rect;
}

/** How much of the title bar must be on a screen for the window to be reachable by the mouse. */
const GRAB = { width: 120, height: 20 } as const;
/** The title bar's height, about, on every platform. */
const TITLE_BAR = 30;

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The bounds to open the window with. The saved size, no larger than the screen it lands on; the saved place if
 * enough of its title bar is on some screen, else centred on the primary display (no x, y: the OS centres).
 * `displays[0]` is the primary.
 */
export function restoreWindow(saved: SavedWindow, displays: readonly Display[]): SavedWindow {
  const primary = displays[0]?.workArea;
  const fit = (area: Rect | undefined): { width: number; height: number } => ({
    width: Math.round(area ? Math.min(saved.width, area.width) : saved.width),
    height: Math.round(area ? Math.min(saved.height, area.height) : saved.height),
  });
  if (saved.x === undefined || saved.y === undefined) return { ...fit(primary), maximized: saved.maximized };
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: TITLE_BAR };
  const home = displays.find((d) => {
    const o = overlap(titleBar, d.workArea);
    return o.width >= Math.min(GRAB.width, saved.width) && o.height >= GRAB.height;
  });
  if (!home) return { ...fit(primary), maximized: saved.maximized };
  const size = fit(home.workArea);
  const area = home.workArea;
  // On its screen, moved in just enough that the whole window is there (a lowered resolution).
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - size.height);
  return { ...size, x, y, maximized: saved.maximized };
}

/**
 * What to save: the normal (not maximised, not full-screen) bounds, so that un-maximising later returns to
 * them, and whether it was maximised. Full screen is saved as maximised.
 */
export function windowToSave(w: {
  normalBounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}): SavedWindow {
  const b = w.normalBounds;
  return {
    width: Math.round(b.width),
    height: Math.round(b.height),
    x: Math.round(b.x),
    y: Math.round(b.y),
    maximized: w.maximized || w.fullScreen,
  };
}
