// The editor area: a tab per open view, the active view below.
import { useEffect, useRef } from 'react';
import { CandidatesView, TargetsView } from '../views/lists/ListViews';
import { CompareView } from '../views/compare/CompareView';
import { CompetitorsView } from '../views/competitors/CompetitorsView';
import { CreatorFitView } from '../views/creator-fit/CreatorFitView';
import { HistoryView } from '../views/history/HistoryView';
import { RegionsView } from '../views/regions/RegionsView';
import { ResultsView } from '../views/results/ResultsView';
import { SettingsView } from '../views/settings/SettingsView';
import { SuggestionsView } from '../views/suggestions/SuggestionsView';
import { WatchView } from '../views/watch/WatchView';
import { WelcomeView } from '../views/welcome/WelcomeView';
import { useUiStore, VIEW_TITLES, type ViewId } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';

const VIEWS: Record<ViewId, () => React.JSX.Element> = {
  welcome: WelcomeView,
  candidates: CandidatesView,
  targets: TargetsView,
  regions: RegionsView,
  results: ResultsView,
  compare: CompareView,
  history: HistoryView,
  competitors: CompetitorsView,
  'creator-fit': CreatorFitView,
  suggestions: SuggestionsView,
  watch: WatchView,
  settings: SettingsView,
};

/** Views that need an open workspace show the welcome view until there is one. */
const NEEDS_WORKSPACE = new Set<ViewId>([
  'candidates',
  'targets',
  'regions',
  'results',
  'compare',
  'history',
  'competitors',
  'creator-fit',
  'suggestions',
  'watch',
]);

export function EditorArea({ alert }: { alert: React.ReactNode }): React.JSX.Element {
  const tabs = useUiStore((s) => s.tabs);
  const active = useUiStore((s) => s.active);
  const openView = useUiStore((s) => s.openView);
  const closeTab = useUiStore((s) => s.closeTab);
  const hasWorkspace = useWorkspaceStore((s) => s.workspace !== null);
  const View = NEEDS_WORKSPACE.has(active) && !hasWorkspace ? WelcomeView : VIEWS[active];
  // The tabs keep to one line and scroll: bring the active one into sight when it changes.
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    strip.current?.querySelector('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabs]);
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Open views" ref={strip}>
        {tabs.map((t) => (
          <div key={t} className={`tab ${t === active ? 'active' : ''}`}>
            <button role="tab" aria-selected={t === active} onClick={() => openView(t)}>
              {VIEW_TITLES[t]}
            </button>
            <button className="close" aria-label={`Close ${VIEW_TITLES[t]}`} onClick={() => closeTab(t)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {alert}
      <div className="view" role="tabpanel" aria-label={VIEW_TITLES[active]}>
        <View />
      </div>
    </>
  );
}
