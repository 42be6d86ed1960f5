// The workbench's views as data, in the order the activity bar shows them: the renderer makes its activity bar,
// tabs and palette from this list, and main its View menu. Plain data, no behaviour.

export const VIEW_IDS = [
  'welcome',
  'candidates',
  'targets',
  'regions',
  'results',
  'compare',
  'history',
  'competitors',
  'creator-fit',
  'suggestions',
  'plan',
  'localize',
  'watch',
  'settings',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];

/** The command that opens a view (the palette's "View: …", the View menu, its keybinding). */
export type ViewCommand = `view.${ViewId}`;

export interface WorkbenchView {
  id: ViewId;
  title: string;
  /** A codicon's name (@vscode/codicons), shown as `codicon codicon-<icon>`. */
  icon: string;
  /** Shown in the activity bar (the welcome view opens by itself, not from there). */
  inActivityBar: boolean;
  /** Shows the welcome view until a workspace is open. */
  needsWorkspace: boolean;
}

const view = (id: ViewId, title: string, icon: string, needsWorkspace = true): WorkbenchView => ({
  id,
  title,
  icon,
  inActivityBar: id !== 'welcome',
  needsWorkspace,
});

export const WORKBENCH_VIEWS: readonly WorkbenchView[] = [
  view('welcome', 'Welcome', 'home', false),
  view('candidates', 'Candidates', 'tag'),
  view('targets', 'Target creators', 'person'),
  view('regions', 'Regions', 'globe'),
  view('results', 'Results', 'table'),
  view('compare', 'Compare regions', 'diff'),
  view('history', 'History', 'history'),
  view('competitors', 'Competitors', 'organization'),
  view('creator-fit', 'Creator fit', 'star-full'),
  view('suggestions', 'Suggestions', 'lightbulb'),
  view('plan', 'Plan', 'calendar'),
  view('localize', 'Localise', 'location'),
  view('watch', 'Watch', 'bell'),
  view('settings', 'Settings', 'settings-gear', false),
];

export const viewCommand = (id: ViewId): ViewCommand => `view.${id}`;
