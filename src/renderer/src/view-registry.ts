// The views of the workbench in one registry (id, title, icon, command, keybinding): the activity bar, the tabs,
// the command palette and the key handler read it; main's View menu reads the same list (shared/workbench-views).
import { keybindingOf } from '../../shared/keybindings';
import {
  type ViewCommand,
  type ViewId,
  viewCommand,
  type WorkbenchView,
  WORKBENCH_VIEWS,
} from '../../shared/workbench-views';

export type { ViewId } from '../../shared/workbench-views';

export interface RegisteredView extends WorkbenchView {
  command: ViewCommand;
  /** The shortcut that opens it, in the keybinding table's grammar, if it has one. */
  keybinding: string | undefined;
}

export const VIEWS: readonly RegisteredView[] = WORKBENCH_VIEWS.map((v) => ({
  ...v,
  command: viewCommand(v.id),
  keybinding: keybindingOf(viewCommand(v.id)),
}));

export const VIEW_TITLES = Object.fromEntries(WORKBENCH_VIEWS.map((v) => [v.id, v.title])) as Record<
  ViewId,
  string
>;

/** The views the activity bar shows, in its order. */
export const ACTIVITY_VIEWS: readonly RegisteredView[] = VIEWS.filter((v) => v.inActivityBar);

export function viewOf(id: ViewId): RegisteredView {
  const v = VIEWS.find((x) => x.id === id);
  if (!v) throw new Error(`no view ${id} in the registry`);
  return v;
}
