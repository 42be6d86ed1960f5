// The editor area: a tab per open view (a strip that scrolls, with a list of them all after it), the active view
// below.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { CandidatesView, TargetsView } from '../views/lists/ListViews';
import { CompareView } from '../views/compare/CompareView';
import { CompetitorsView } from '../views/competitors/CompetitorsView';
import { CreatorFitView } from '../views/creator-fit/CreatorFitView';
import { HistoryView } from '../views/history/HistoryView';
import { LocalizeView } from '../views/localize/LocalizeView';
import { PlanView } from '../views/plan/PlanView';
import { RegionsView } from '../views/regions/RegionsView';
import { ResultsView } from '../views/results/ResultsView';
import { SettingsView } from '../views/settings/SettingsView';
import { SuggestionsView } from '../views/suggestions/SuggestionsView';
import { WatchView } from '../views/watch/WatchView';
import { WelcomeView } from '../views/welcome/WelcomeView';
import { useUiStore } from '../stores/ui-store';
import { OpenViewsMenu } from './OpenViewsMenu';
import { useWorkspaceStore } from '../stores/workspace-store';
import { VIEW_TITLES, VIEWS as REGISTRY, type ViewId } from '../view-registry';

/** Each registered view's component: a view added to the registry without one fails to build. */
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
  plan: PlanView,
  localize: LocalizeView,
  watch: WatchView,
  settings: SettingsView,
};

/** Views that need an open workspace show the welcome view until there is one (the registry says which). */
const NEEDS_WORKSPACE = new Set<ViewId>(REGISTRY.filter((v) => v.needsWorkspace).map((v) => v.id));

export function EditorArea({ alert }: { alert: React.ReactNode }): React.JSX.Element {
  const tabs = useUiStore((s) => s.tabs);
  const active = useUiStore((s) => s.active);
  const preview = useUiStore((s) => s.preview);
  const pinTab = useUiStore((s) => s.pinTab);
  const openView = useUiStore((s) => s.openView);
  const closeTab = useUiStore((s) => s.closeTab);
  const hasWorkspace = useWorkspaceStore((s) => s.workspace !== null);
  const View = NEEDS_WORKSPACE.has(active) && !hasWorkspace ? WelcomeView : VIEWS[active];
  // The tabs keep to one line and scroll: bring the active one into sight when it changes.
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    strip.current?.querySelector('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabs]);
  // The ARIA tabs pattern: one Tab stop for the strip, arrows move between tabs (and open them), Delete closes.
  // After a key moved or closed a tab, the active tab takes focus in the same commit (a layout effect), so the
  // next key already lands on it.
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    strip.current?.querySelector<HTMLElement>('.tab.active')?.focus();
  }, [active, tabs]);
  const onKey = (e: React.KeyboardEvent, t: ViewId): void => {
    const i = tabs.indexOf(t);
    const to =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs.at(-1)
              : undefined;
    if (to) {
      e.preventDefault();
      refocus.current = to !== active;
      openView(to);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      refocus.current = true;
      closeTab(t);
    }
  };
  return (
    <>
      <div className="tab-strip">
        <div
          className="tabs"
          role="tablist"
          aria-label="Open views"
          ref={strip}
          // A mouse wheel scrolls the one-line strip sideways, as in VS Code.
          onWheel={(e) => {
            if (strip.current && e.deltaX === 0) strip.current.scrollLeft += e.deltaY;
          }}
        >
          {tabs.map((t) => (
            <div
              key={t}
              id={`tab-${t}`}
              role="tab"
              aria-selected={t === active}
              aria-controls="view-panel"
              aria-keyshortcuts="Delete"
              tabIndex={t === active ? 0 : -1}
              className={`tab ${t === active ? 'active' : ''} ${t === preview ? 'preview' : ''}`}
              // The preview tab says so to a screen reader too (its title is in italics).
              aria-description={t === preview ? 'preview: the next view opened replaces it' : undefined}
              onClick={() => openView(t, 'preview')}
              onDoubleClick={() => pinTab(t)}
              onKeyDown={(e) => onKey(e, t)}
              // A middle click closes, as in VS Code and browsers.
              onAuxClick={(e) => e.button === 1 && closeTab(t)}
            >
              <span className="tab-label">{VIEW_TITLES[t]}</span>
              {/* Not a second control inside the tab (a tab holds no widget): Delete closes it from the keyboard. */}
              <span
                className="close codicon codicon-close"
                aria-hidden="true"
                title={`Close ${VIEW_TITLES[t]}`}
                onClick={(e) => {
                  e.stopPropagation();
                  closeTab(t);
                }}
              />
            </div>
          ))}
        </div>
        <OpenViewsMenu />
        {/* The active tab's close as a button of its own, outside the tab list (a tab holds no widget): the name
            "Close <view>" that the tab's close button had before, for keyboard, mouse and screen reader alike. */}
        <div className="open-views">
          <button
            type="button"
            className="icon-button"
            aria-label={`Close ${VIEW_TITLES[active]}`}
            title={`Close ${VIEW_TITLES[active]} (Delete on its tab)`}
            onClick={() => closeTab(active)}
          >
            <span className="codicon codicon-close" aria-hidden="true" />
          </button>
        </div>
      </div>
      {alert}
      <div
        className="view"
        id="view-panel"
        role="tabpanel"
        aria-label={VIEW_TITLES[active]}
        tabIndex={0}
        // An edit in a preview tab's view pins it, as in VS Code. On the way up, after the field's own handler: a store
        // update in the capture phase re-rendered the view before the field's onChange, which then read the value
        // React had restored (the first key typed into a field of a preview tab was lost).
        onInput={() => pinTab(active)}
        onChange={() => pinTab(active)}
      >
        {/* A Tab stop of its own (the ARIA tabs pattern), so a view with nothing to focus still scrolls by keys. */}
        {/* The page's one heading of level one, for screen readers; the welcome view shows its own. */}
        {View !== WelcomeView && <h1 className="sr-only">{VIEW_TITLES[active]}</h1>}
        <View />
      </div>
    </>
  );
}
