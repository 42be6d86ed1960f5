// The bottom panel: Problems (failed pairs with their reasons, list problems) and Output (the run log).
import { useMemo } from 'react';
import { useListsStore } from '../stores/lists-store';
import { useRunStore } from '../stores/run-store';
import { useUiStore } from '../stores/ui-store';
import { ApiText, TagName } from '../components/ApiText';

export function Panel(): React.JSX.Element | null {
  const { panel, panelOpen, setPanel, lines } = useUiStore();
  const outcome = useRunStore((s) => s.outcome);
  const lists = useListsStore((s) => s.lists);
  const listProblems = useMemo(
    () =>
      (['tags', 'creators', 'regions'] as const).flatMap((l) =>
        lists[l].rows.filter((r) => r.problem).map((r) => ({ list: l, value: r.value, problem: r.problem! })),
      ),
    [lists],
  );
  const failed = outcome?.failed ?? [];
  const count = failed.length + listProblems.length;
  return (
    <section className={`panel ${panelOpen ? '' : 'collapsed'}`} aria-label="Panel">
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
          title={panelOpen ? 'Hide the panel' : 'Show the panel'}
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
                <span className="chip bad">{f.code}</span> <TagName tag={f.tag} /> in {f.region}:{' '}
                <ApiText text={f.error} max={600} />
              </li>
            ))}
            {listProblems.map((p, i) => (
              <li key={`l${i}`} className="problem">
                <span className="chip warn">{p.list}</span> "{p.value}": {p.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {panelOpen && panel === 'output' && (
        <div className="panel-body log" role="region" aria-label="Output" aria-live="polite" tabIndex={0}>
          {lines.map((l, i) => (
            <div key={i} className={`line ${l.level}`}>
              <span className="at">{l.at}</span> {l.text}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
