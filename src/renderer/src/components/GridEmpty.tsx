// What an empty grid says instead of the grid library's "No Rows To Show" or "No Matching Rows": what is empty and
// what to do about it. AG Grid takes its overlay chooser once, at the start; the message can change after (a new
// search, a run starting), so each grid's current message lives in a small store the overlay reads.
import type { IOverlayParams, OverlaySelectorFunc } from 'ag-grid-community';
import { create } from 'zustand';

const useMessages = create<Record<string, string>>(() => ({}));

function GridEmpty({ grid }: { grid: string }): React.JSX.Element {
  const message = useMessages((s) => s[grid] ?? '');
  return (
    <span className="grid-empty" role="status">
      {message}
    </span>
  );
}

const selectors = new Map<string, OverlaySelectorFunc>();

/**
 * The props that make grid `grid` (a name unique in the app) say `message` when it has no rows, or none pass its
 * filter. Called on every render, so the message is always the current one.
 */
export function emptyGrid(grid: string, message: string): { overlayComponentSelector: OverlaySelectorFunc } {
  if (useMessages.getState()[grid] !== message)
    queueMicrotask(() => useMessages.setState({ [grid]: message }));
  let selector = selectors.get(grid);
  if (!selector) {
    selector = (p: IOverlayParams) =>
      p.overlayType === 'noRows' || p.overlayType === 'noMatchingRows'
        ? { component: GridEmpty, params: { grid } }
        : undefined;
    selectors.set(grid, selector);
  }
  return { overlayComponentSelector: selector };
}
