// The workbench shell (VS Code's grammar): activity bar, side bar, editor area with tabs, bottom panel, status
// bar, the command palette and the dialogs. It owns layout and knows no domain beyond the view names.
import { useEffect } from 'react';
import { SCORE_PART_COLOURS } from '../../../shared/score-parts';
import { handleShortcut } from '../commands';
import { useTheme } from '../components/theme';
import { subscribeAppEvents } from '../events';
import { useHistoryStore } from '../stores/history-store';
import { useListsStore } from '../stores/lists-store';
import { useRunStore } from '../stores/run-store';
import { SIDE_BAR, useLayoutStore } from '../stores/layout-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import { ActivityBar } from './ActivityBar';
import { AlertBar } from './AlertBar';
import { SyncBanner } from './SyncBanner';
import { useSyncStore } from '../stores/sync-store';
import { CommandPalette } from './CommandPalette';
import { Dialogs } from './Dialogs';
import { EditorArea } from './EditorArea';
import { Panel } from './Panel';
import { Sash } from './Sash';
import { SideBar } from './SideBar';
import { StatusBar } from './StatusBar';

export function Workbench(): React.JSX.Element {
  const theme = useTheme();
  const workspace = useWorkspaceStore((s) => s.workspace);
  const panelOpen = useUiStore((s) => s.panelOpen);
  const { sideBarVisible, sideBarWidth, panelHeight, setSideBarWidth } = useLayoutStore();

  useEffect(() => {
    const off = subscribeAppEvents();
    void useWorkspaceStore.getState().load();
    const onKey = (e: KeyboardEvent): void => void handleShortcut(e);
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // A workspace opened (or reopened): its lists into the grids, its scoring into the side bar, its last result.
  const dir = workspace?.dir;
  useEffect(() => {
    const ws = useWorkspaceStore.getState().workspace;
    // Another workspace (or none): no pick or comparison of the last one's runs stays.
    useHistoryStore.getState().clear();
    useSyncStore.getState().clear();
    if (ws) void useSyncStore.getState().refresh();
    if (!ws) {
      useRunStore.getState().clear();
      return;
    }
    useListsStore.getState().load(ws.lists, ws.drafts);
    const s = ws.scoring;
    useRunStore
      .getState()
      .initScoring({ preset: s.preset, weights: s.weights, windowDays: s.windowDays, pages: s.pages });
    void useRunStore.getState().loadLast();
  }, [dir]);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    // The score parts' colours from their one home, shared with the reports' charts.
    for (const [part, colour] of Object.entries(SCORE_PART_COLOURS[theme])) {
      root.style.setProperty(`--part-${part}`, colour);
    }
  }, [theme]);

  return (
    <div
      className={`workbench ${panelOpen ? 'with-panel' : ''} ${sideBarVisible ? '' : 'no-side-bar'}`}
      // The side bar's width and the panel's height as the user left them (layout-store).
      style={{
        gridTemplateColumns: `48px ${sideBarVisible ? `${sideBarWidth}px` : '0'} 1fr`,
        gridTemplateRows: `1fr ${panelOpen ? `${panelHeight}px` : '28px'} 22px`,
      }}
    >
      <ActivityBar />
      {sideBarVisible && <SideBar />}
      <main className="editor" aria-label="Editor">
        {/* The side bar's edge, inside the editor's landmark (all content in a landmark): its left border. */}
        {sideBarVisible && (
          <Sash
            label="Resize the side bar"
            orientation="vertical"
            className="side-sash"
            value={sideBarWidth}
            min={SIDE_BAR.min}
            max={SIDE_BAR.max}
            direction={1}
            onChange={setSideBarWidth}
          />
        )}
        <EditorArea
          alert={
            <>
              <SyncBanner />
              <AlertBar />
            </>
          }
        />
      </main>
      <Panel />
      <StatusBar />
      <CommandPalette />
      <Dialogs />
    </div>
  );
}
