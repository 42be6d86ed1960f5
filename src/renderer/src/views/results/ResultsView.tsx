// Results: a tab per region; the ranked tags (sortable, filterable, column state remembered), the excluded and
// failed tags with their reasons, the run's progress while it goes, and a row's detail.
import { AgGridReact } from 'ag-grid-react';
import type { ColumnState, GetRowIdParams, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RegionPicks } from '../../../../shared/discover';
import type { ScoredTag } from '../../../../shared/model';
import { GRID_KEYBOARD, GRID_THEMES, useTheme } from '../../components/theme';
import { emptyGrid } from '../../components/GridEmpty';
import { useRevealStore } from '../../stores/reveal-store';
import { cancelledText, useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { describeScoring, sameWeights, scaledWeights } from '../../../../shared/scaled-weights';
import { ExcludedAndFailed } from './ExcludedAndFailed';
import { livePreview } from './live-preview';
import { ResultDetail } from './ResultDetail';
import { fitColumns, resultColumns } from './results-columns';
import { RunProgress } from './RunProgress';
import { TagSet } from './TagSet';

const columnState = new Map<string, ColumnState[]>();

const rowId = (p: GetRowIdParams<ScoredTag>): string => p.data.candidate;

export function ResultsView(): React.JSX.Element {
  const theme = useTheme();
  const finished = useRunStore((s) => s.outcome);
  const partial = useRunStore((s) => s.partial);
  const workspaceScoring = useWorkspaceStore((s) => s.workspace?.scoring);
  const rescoring = useRunStore((s) => s.rescoring);
  const scoring = useRunStore((s) => s.scoring);
  // The run going on, by id only: its progress events (many a second) must not rebuild the grid's rows and
  // columns, which only a new partial result or a new scoring changes.
  const activeRunId = useRunStore((s) => s.active?.runId ?? null);
  const liveSettings = useMemo(
    () => (workspaceScoring && scoring ? { ...workspaceScoring, ...scoring } : null),
    [workspaceScoring, scoring],
  );
  // While a run goes on, its pairs scored so far, ranked among themselves; the finished outcome after.
  const outcome = useMemo(
    () =>
      activeRunId && partial && partial.runId === activeRunId && liveSettings
        ? livePreview(partial, liveSettings)
        : finished,
    [activeRunId, partial, liveSettings, finished],
  );
  const regions = outcome ? Object.keys(outcome.result.regions) : [];
  const [region, setRegion] = useState<string | null>(null);
  const [detail, setDetail] = useState<ScoredTag | null>(null);
  const api = useRef<GridApi<ScoredTag> | null>(null);
  const code = region && regions.includes(region) ? region : (regions[0] ?? null);
  const r = code && outcome ? outcome.result.regions[code] : undefined;
  const settings = outcome?.result.settings;
  const columns = useMemo(() => (settings ? resultColumns(settings) : []), [settings]);
  const intervalsUpdating = outcome?.intervalsPending !== undefined;
  // The grid takes its context once: one object, read by the confidence cells as their rows change.
  const gridContext = useRef({ intervalsUpdating }).current;
  gridContext.intervalsUpdating = intervalsUpdating;
  useEffect(() => setDetail(null), [code]);
  // A failed pair clicked in Problems: its region's tab (the panel then focuses its row).
  const reveal = useRevealStore((s) => s.request);
  useEffect(() => {
    if (reveal?.kind === 'failed') setRegion(reveal.region);
  }, [reveal]);
  // Escape closes the row's detail, as it closes a peek in VS Code (not while a dialog or the palette is up).
  useEffect(() => {
    if (!detail) return;
    const onKey = (e: KeyboardEvent): void => {
      const ui = useUiStore.getState();
      if (e.key !== 'Escape' || ui.paletteOpen || ui.dialog) return;
      setDetail(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detail]);
  // The tag set to post with, picked by main from the ranking shown (so it follows every re-weighting); not while
  // a run is going.
  // A re-score's set comes with its intervals: until then the last one stays, marked as updating (not gone).
  const shownSets = useRef<RegionPicks[] | undefined>(undefined);
  if (finished?.tagSets) shownSets.current = finished.tagSets;
  const setsUpdating = !finished?.tagSets && finished?.intervalsPending !== undefined;
  const tagSet = activeRunId
    ? undefined
    : (setsUpdating ? shownSets.current : finished?.tagSets)?.find((p) => p.region === code);
  useEffect(() => {
    if (detail && r) setDetail(r.ranked.find((t) => t.candidate === detail.candidate) ?? null);
    // Keep the detail in step with a re-score.
  }, [r]);
  const stale =
    scoring && outcome && !rescoring
      ? // The engine scales weights that add up to more than 1: compare what it will score with.
        !sameWeights(scaledWeights(scoring.weights), outcome.result.settings.weights) ||
        scoring.preset !== outcome.result.settings.preset ||
        scoring.windowDays !== outcome.result.settings.windowDays
      : false;
  // The weights as the user set them, when these results are theirs (scaled, they give the result's).
  const asked = useRunStore((s) => s.outcomeScoring?.weights);
  const presetWeights = useWorkspaceStore((s) => s.workspace?.presetWeights);
  const openingLast = useRunStore((s) => s.openingLast);
  if (!outcome && openingLast) {
    return (
      <div className="empty">
        <p role="status">Opening the last run from the history (scored again from the cache: no credit)…</p>
      </div>
    );
  }
  if (!outcome) {
    return (
      <div className="empty">
        <RunProgress />
        {!activeRunId && (
          <>
            <p>
              No results yet: run the candidates (Candidates, Target creators and Regions are its lists) with
              Run; it fetches the samples and ranks the candidates per region.
            </p>
            <button className="primary" onClick={() => void useRunStore.getState().askToRun()}>
              Run
            </button>
          </>
        )}
      </div>
    );
  }
  const failed = outcome.failed.filter((f) => f.region === code);
  return (
    <div className="results">
      <RunProgress />
      {/* A cancel by the user is neither an error nor news: a neutral status, said once. */}
      <div
        className={`run-end ended-${outcome.ended}`}
        role={outcome.ended === 'finished' || outcome.ended === 'stopped-by-user' ? 'status' : 'alert'}
      >
        {outcome.ended === 'stopped-by-user' ? cancelledText(outcome) : outcome.summary}
        {outcome.rescore ? ' Re-scored from the samples in hand: 0 credits.' : ''}
        {outcome.partial ? ' Partial results.' : ''}
      </div>
      <div className="region-tabs">
        {/* The tablist holds only its tabs (ARIA); the settings line and Export sit beside it. */}
        <div role="tablist" aria-label="Regions of the results">
          {regions.map((c) => (
            <button key={c} role="tab" aria-selected={c === code} onClick={() => setRegion(c)}>
              {c}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <span className="muted" aria-label="Scoring of these results">
          {describeScoring({
            preset: outcome.result.preset,
            requested:
              asked && sameWeights(scaledWeights(asked), outcome.result.settings.weights)
                ? asked
                : outcome.result.settings.weights,
            presetWeights,
            windowDays: outcome.result.settings.windowDays,
          })}
          {rescoring || stale ? ' · re-scoring…' : ''}
        </span>
        <button onClick={() => useUiStore.getState().setDialog('export')}>Export reports</button>
      </div>
      {tagSet && tagSet.picks.length > 0 && <TagSet set={tagSet} updating={setsUpdating} />}
      <div className={`results-body ${detail ? 'with-detail' : ''}`}>
        <div className="results-main">
          {r && code && (
            <section
              className={`grid ${rescoring || stale ? 'pending' : ''}`}
              aria-label={`Results ${code}`}
              // A re-score's ranks are in; its intervals follow (the confidence cells say "updating…").
              aria-busy={intervalsUpdating}
            >
              <AgGridReact<ScoredTag>
                key={code}
                theme={GRID_THEMES[theme]}
                {...GRID_KEYBOARD}
                rowData={r.ranked}
                columnDefs={columns}
                context={gridContext}
                getRowId={rowId}
                onGridReady={(e) => {
                  api.current = e.api;
                  const saved = columnState.get(code);
                  if (saved) e.api.applyColumnState({ state: saved, applyOrder: true });
                }}
                // Every column in the width there is, the least needed hidden first where it is too narrow.
                onGridSizeChanged={(e) => fitColumns(e.api, e.clientWidth)}
                onColumnMoved={(e) => columnState.set(code, e.api.getColumnState())}
                onColumnResized={(e) => e.finished && columnState.set(code, e.api.getColumnState())}
                onSortChanged={(e) => columnState.set(code, e.api.getColumnState())}
                onRowClicked={(e) => e.data && setDetail(e.data)}
                // A region has tens of rows and ~15 columns: render them all, so every column is in the page
                // for a screen reader (and a find) however narrow the window.
                suppressColumnVirtualisation
                animateRows={false}
                {...emptyGrid(
                  'results',
                  activeRunId
                    ? `No pair of ${code} is scored yet: they fill in here as the run goes.`
                    : `No tag was ranked in ${code}: the tags not ranked and why are listed beside the grid.`,
                )}
              />
            </section>
          )}
          {r && code && <ExcludedAndFailed code={code} excluded={r.excluded} failed={failed} />}
        </div>
        {detail && code && settings && (
          <ResultDetail tag={detail} region={code} settings={settings} onClose={() => setDetail(null)} />
        )}
      </div>
    </div>
  );
}
