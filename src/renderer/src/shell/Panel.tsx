// The bottom panel: Problems (failed pairs with their reasons, list problems; each entry reveals its row on a click
// or Enter) and Output (the run log, following its newest line unless the user scrolled up to read).
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ListName } from '../../../shared/ipc-payloads';
import { ApiText, TagName } from '../components/ApiText';
import { PANEL, useLayoutStore } from '../stores/layout-store';
import { useListsStore } from '../stores/lists-store';
import { focusWhenShown, useRevealStore } from '../stores/reveal-store';
import { useRunStore } from '../stores/run-store';
import { useUiStore } from '../stores/ui-store';
import type { ViewId } from '../view-registry';
import { Sash } from './Sash';

const LIST_VIEW: Record<ListName, ViewId> = { tags: 'candidates', creators: 'targets', regions: 'regions' };

/** The problems the panel lists, and their count (the Problems tab and the status bar show it). */
export function useProblems(): {
  failed: { region: string; tag: string; code: string; error: string }[];
  lists: { list: ListName; value: string; problem: string }[];
  count: number;
} {
  const outcome = useRunStore((s) => s.outcome);
  const lists = useListsStore((s) => s.lists);
  return useMemo(() => {
    const listProblems = (['tags', 'creators', 'regions'] as const).flatMap((l) =>
      lists[l].rows.filter((r) => r.problem).map((r) => ({ list: l, value: r.value, problem: r.problem! })),
    );
    const failed = outcome?.failed ?? [];
    return { failed, lists: listProblems, count: failed.length + listProblems.length };
  }, [outcome, lists]);
}

function revealFailed(region: string, tag: string): void {
  useUiStore.getState().openView('results');
  useRevealStore.getState().reveal({ kind: 'failed', region, tag });
  focusWhenShown(() =>
    document.querySelector<HTMLElement>(
      `[aria-label="Failed in ${CSS.escape(region)}"] li[data-tag="${CSS.escape(tag)}"]`,
    ),
  );
}

function revealListRow(list: ListName, value: string): void {
  useUiStore.getState().openView(LIST_VIEW[list]);
  useRevealStore.getState().reveal({ kind: 'list', list, value });
}

/** The log, scrolled to its newest line as lines come, unless the user scrolled up (then it stays put). */
function OutputLog(): React.JSX.Element {
  const lines = useUiStore((s) => s.lines);
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <div
      ref={box}
      className="panel-body log"
      role="region"
      aria-label="Output"
      aria-live="polite"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        // At the bottom (a pixel or two of rounding): follow again; above it: the user is reading.
        follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
      }}
    >
      {lines.map((l, i) => (
        <div key={i} className={`line ${l.level}`}>
          <span className="at">{l.at}</span> {l.text}
        </div>
      ))}
    </div>
  );
}

export function Panel(): React.JSX.Element | null {
  const panel = useUiStore((s) => s.panel);
  const panelOpen = useUiStore((s) => s.panelOpen);
  const setPanel = useUiStore((s) => s.setPanel);
  const { failed, lists: listProblems, count } = useProblems();
  const height = useLayoutStore((s) => s.panelHeight);
  const setHeight = useLayoutStore((s) => s.setPanelHeight);
  return (
    <section className={`panel ${panelOpen ? '' : 'collapsed'}`} aria-label="Panel">
      {/* Its top edge resizes it (Ctrl/Cmd+J hides it); inside the panel's landmark, as all content is. */}
      {panelOpen && (
        <Sash
          label="Resize the panel"
          orientation="horizontal"
          className="panel-sash"
          value={height}
          min={PANEL.min}
          max={PANEL.max}
          direction={-1}
          onChange={setHeight}
        />
      )}
      <div className="panel-tabs">
        {/* The tablist holds only its tabs (ARIA); the show/hide button sits beside it. */}
        <div role="tablist" aria-label="Panel views">
          <button role="tab" aria-selected={panel === 'problems'} onClick={() => setPanel('problems')}>
            Problems {count > 0 && <span className="count">{count}</span>}
          </button>
          <button role="tab" aria-selected={panel === 'output'} onClick={() => setPanel('output')}>
            Output
          </button>
        </div>
        <span className="spacer" />
        <button
          className="link icon-button"
          aria-label={panelOpen ? 'Hide the panel' : 'Show the panel'}
          title={`${panelOpen ? 'Hide the panel' : 'Show the panel'} (Ctrl/Cmd+J)`}
          onClick={() => setPanel(panel, !panelOpen)}
        >
          <span className={`codicon codicon-chevron-${panelOpen ? 'down' : 'up'}`} aria-hidden="true" />
        </button>
      </div>
      {panelOpen && panel === 'problems' && (
        <div className="panel-body" role="region" aria-label="Problems" tabIndex={0}>
          {count === 0 && <p className="muted">No problems.</p>}
          {failed.length > 0 && (
            <div className="problems-actions">
              <button onClick={() => void useRunStore.getState().retryFailed()}>Retry failed pairs</button>
            </div>
          )}
          <ul>
            {failed.map((f) => (
              <li key={`${f.region}-${f.tag}`} className="problem">
                <button
                  className="problem-link"
                  title="Show it in Results"
                  onClick={() => revealFailed(f.region, f.tag)}
                >
                  <span className="chip bad">{f.code}</span> <TagName tag={f.tag} /> in {f.region}:{' '}
                  <ApiText text={f.error} max={600} />
                </button>
              </li>
            ))}
            {listProblems.map((p, i) => (
              <li key={`l${i}`} className="problem">
                <button
                  className="problem-link"
                  title="Show the row in its list"
                  onClick={() => revealListRow(p.list, p.value)}
                >
                  <span className="chip warn">{p.list}</span> "{p.value}": {p.problem}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {panelOpen && panel === 'output' && <OutputLog />}
    </section>
  );
}
