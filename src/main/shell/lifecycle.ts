// What the app does when its windows close, when the Dock icon is clicked, and when it is asked to quit: the
// platforms' conventions as functions of the situation, carried out by src/main/index.ts.

/** The last window closed: macOS apps keep running (the Dock and the menu bar stay); elsewhere the app quits. */
export function onAllWindowsClosed(platform: NodeJS.Platform): 'quit' | 'keep-running' {
  return platform === 'darwin' ? 'keep-running' : 'quit';
}

/** The Dock icon was clicked (macOS `activate`): a window again if there is none, else the one there is shown. */
export function onActivate(state: {
  ready: boolean;
  windows: number;
}): 'create-window' | 'show-window' | 'none' {
  if (!state.ready) return 'none';
  return state.windows === 0 ? 'create-window' : 'show-window';
}

/**
 * Asked to quit: the first time, the runs stop cleanly and the workspace lock is released before the app goes
 * (what was fetched stays in the cache); once that has started, the quit goes ahead.
 */
export function onBeforeQuit(state: { stopping: boolean; hasHandlers: boolean }): 'stop-then-quit' | 'quit' {
  return state.stopping || !state.hasHandlers ? 'quit' : 'stop-then-quit';
}
