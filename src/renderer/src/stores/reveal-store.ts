// A request to show one row where it lives (a Problems entry clicked): the view that holds it opens, then brings
// the row into sight and focuses it. Views listen by what they hold; the newest request wins.
import { create } from 'zustand';
import type { ListName } from '../../../shared/ipc-payloads';

export type RevealTarget =
  /** A pair that failed: its region's Results, the row in "Failed". */
  | { kind: 'failed'; region: string; tag: string }
  /** A list's row (an invalid value): the list's grid, the row's cell. */
  | { kind: 'list'; list: ListName; value: string };

interface RevealState {
  /** The latest request, with a number so the same row asked twice is still a new request. */
  request: (RevealTarget & { seq: number }) | null;
  reveal(t: RevealTarget): void;
}

let seq = 0;

export const useRevealStore = create<RevealState>((set) => ({
  request: null,
  reveal(t) {
    set({ request: { ...t, seq: ++seq } });
  },
}));

/**
 * Focuses the element `find` returns once the view has drawn it (a view opened a moment ago draws on its next
 * frames), scrolled to the middle; gives up after about two seconds.
 */
export function focusWhenShown(find: () => HTMLElement | null, tries = 120): void {
  const el = find();
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusWhenShown(find, tries - 1));
}
