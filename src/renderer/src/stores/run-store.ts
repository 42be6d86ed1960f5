// Runs and results, the score run's slice beside the jobs store: the settings the results are scored with (preset,
// weights, window), the credit estimate, the run going on (its progress per tag and region; its id, result and
// cancel are the jobs store's), the last outcome, re-scoring from the cache on every settings edit, retrying failed
// pairs, exporting. Progress events reach it through events.ts, routed by run id.
import type { ExportDone } from '../../../shared/ipc/reports';
import { create } from 'zustand';
import type { CreditEstimate } from '../../../shared/estimate';
import type { PresetName, RunProgress, Weights } from '../../../shared/model';
import type { RunIntervals, RunOutcome, RunPartial } from '../../../shared/ipc-payloads';
import { invoke } from '../bridge';
import { plural, runName } from '../../../shared/number-format';
import { sameWeights } from '../../../shared/scaled-weights';
import { type PlannedCredits, type ProgressMark, withMark } from '../components/time-left';
import { pairsKeptAndLeft } from '../../../shared/run-pairs';
import { useJobsStore } from './jobs-store';
import { useUiStore } from './ui-store';
import { useWorkspaceStore } from './workspace-store';

export interface Scoring {
  preset: PresetName;
  weights: Weights;
  windowDays: number;
  /** Pages of posts per tag and region: the sample size of the next run (a re-score keeps the samples in hand). */
  pages: number;
}

export interface ActiveRun {
  runId: string;
  startedAt: number;
  total: number;
  done: number;
  credits: number;
  /** `${region} #${tag}` → state, in arrival order. */
  pairs: Record<string, 'fetching' | 'sampled' | 'scored' | 'failed'>;
  cancelling: boolean;
  /** The pairs ended and credits spent over time: the pace the time left is estimated from (time-left.ts). */
  marks: ProgressMark[];
  /** The credits the run was expected to spend (its estimate), when it was asked with one. */
  planned: PlannedCredits | null;
}

/** A run just started: nothing counted yet. */
const newActive = (runId: string, planned: PlannedCredits | null = null): ActiveRun => ({
  runId,
  startedAt: Date.now(),
  total: 0,
  done: 0,
  credits: 0,
  pairs: {},
  cancelling: false,
  marks: [],
  planned,
});

interface RunState {
  scoring: Scoring | null;
  estimate: CreditEstimate | null;
  active: ActiveRun | null;
  /** The pairs of the run going on scored so far (results fill in as they arrive). */
  partial: RunPartial | null;
  outcome: RunOutcome | null;
  /** A reopened workspace's last run is being scored again from the cache (Results says so, not "No results"). */
  openingLast: boolean;
  /** The scoring the shown results were computed with: results of other settings never pass for current. */
  outcomeScoring: Scoring | null;
  rescoring: boolean;
  initScoring(s: Scoring): void;
  setScoring(patch: Partial<Scoring>): void;
  askToRun(): Promise<void>;
  /**
   * Starts a run and shows it; `via` asks main for it another way (the watch's due run), answering null when
   * main ran nothing.
   */
  start(via?: (runId: string) => Promise<RunOutcome | null>): Promise<void>;
  cancel(): Promise<void>;
  retryFailed(): Promise<void>;
  rescore(): Promise<void>;
  /** To `dir` (the preview's typed folder), the folder dialog's choice (`pick`, the app), else the remembered one. */
  exportReports(dir?: string, pick?: boolean): Promise<ExportDone | null>;
  onProgress(runId: string, p: RunProgress): void;
  onPartial(p: RunPartial): void;
  /** A re-score's intervals: into the results shown when they are that re-score's (an older one's never are). */
  onIntervals(p: RunIntervals): void;
  loadLast(): Promise<void>;
  /** A recorded run opened again as the current results (scored from the cache), its scoring in the side bar. */
  openRun(id: string): Promise<boolean>;
  clear(): void;
}

/** The settings a re-score ranks with: everything but the sample size, which only a run can change. */
const overridesOf = (s: Scoring | null) =>
  s ? { preset: s.preset, weights: s.weights, windowDays: s.windowDays } : undefined;
/** The same scoring: nothing a re-score or a run would do differently. */
const sameScoring = (a: Scoring, b: Scoring): boolean =>
  a.preset === b.preset &&
  a.windowDays === b.windowDays &&
  a.pages === b.pages &&
  sameWeights(a.weights, b.weights);
/** A run's settings: the re-score's and the sample size. */
const runOverridesOf = (s: Scoring | null) => (s ? { ...overridesOf(s), pages: s.pages } : undefined);

/**
 * One re-score in flight while the scoring moves: an edit is sent at once when none is in flight, else the newest
 * edit waits for that answer and goes next (the ones in between are never sent). A drag of a weight slider then
 * re-ranks the grid at the pace main answers, step after step; a debounce would wait for the drag to pause.
 */
let rescoreInFlight = false;
let rescoreAgain = false;
function rescoreNewest(rescore: () => Promise<void>): void {
  if (rescoreInFlight) {
    rescoreAgain = true;
    return;
  }
  rescoreInFlight = true;
  void rescore().finally(() => {
    rescoreInFlight = false;
    if (!rescoreAgain) return;
    rescoreAgain = false;
    rescoreNewest(rescore);
  });
}
/** A re-score's intervals that came before its answer (see onIntervals). */
let early: RunIntervals | null = null;
let rescoreSeq = 0;

export const useRunStore = create<RunState>((set, get) => ({
  scoring: null,
  estimate: null,
  active: null,
  partial: null,
  outcome: null,
  openingLast: false,
  outcomeScoring: null,
  rescoring: false,
  initScoring(s) {
    set({ scoring: s });
  },
  setScoring(patch) {
    const cur = get().scoring;
    if (!cur) return;
    // A field left as it was (Tab out of it, the same preset chosen again) changes nothing: no re-score.
    if (sameScoring(cur, { ...cur, ...patch })) return;
    set({ scoring: { ...cur, ...patch } });
    if (Object.keys(patch).every((k) => k === 'pages')) return;
    // Every edit re-ranks at once from the samples in hand: no call.
    rescoreNewest(() => get().rescore());
  },
  async askToRun() {
    try {
      set({ estimate: await invoke('run:estimate', { overrides: runOverridesOf(get().scoring) }) });
      useUiStore.getState().succeeded('Estimating the run');
      useUiStore.getState().setDialog('confirm-run');
    } catch (e) {
      useUiStore.getState().report('Estimating the run', e);
    }
  },
  async start(via) {
    useUiStore.getState().setDialog(null);
    const scoring = get().scoring;
    // A job of the jobs store (its id, cancel, end); this slice keeps what only a score run has.
    const go = async (runId: string): Promise<RunOutcome | null> => {
      const e = via ? null : get().estimate;
      set({ active: newActive(runId, e ? { expected: e.expected, max: e.network.max } : null) });
      // Named as people name a run (its preset; the Output stamps the time), never by its id.
      useUiStore.getState().log('info', `Run started with the ${scoring?.preset ?? 'workspace’s'} preset.`);
      useUiStore.getState().openView('results');
      return via
        ? await via(runId)
        : await invoke('run:start', { overrides: runOverridesOf(scoring), runId });
    };
    try {
      const outcome = await useJobsStore.getState().run(via ? 'watch' : 'score', [], go, 'The run');
      if (!outcome) return;
      set({ outcome, outcomeScoring: scoring });
      const ui = useUiStore.getState();
      // A cancel by the user is what they asked for: one neutral line, no alert. Another early end is an alert
      // (and its line in the output); a finished run is a line, and clears an old alert.
      if (outcome.ended === 'stopped-by-user') {
        ui.dismissAlert();
        ui.log('info', cancelledText(outcome));
      } else if (outcome.ended !== 'finished') {
        ui.report(
          'The run ended early',
          Object.assign(new Error(outcome.summary), { code: outcome.result.stopped?.code }),
        );
      } else {
        ui.dismissAlert();
        ui.log(outcome.failed.length === 0 ? 'info' : 'warning', outcome.summary);
      }
      for (const f of outcome.failed) ui.log('warning', `Failed: #${f.tag} in ${f.region}: ${f.error}`);
      if (outcome.failed.length > 0) ui.setPanel('problems');
      if (outcome.historyError)
        ui.log('warning', `Not saved to the history: ${outcome.historyError.message}`);
      void useWorkspaceStore.getState().refreshKey();
    } finally {
      set({ active: null, partial: null });
    }
  },
  async cancel() {
    const a = get().active;
    if (!a) return;
    set({ active: { ...a, cancelling: true } });
    await useJobsStore.getState().cancel(a.runId);
  },
  async retryFailed() {
    const o = get().outcome;
    if (!o) return;
    // A score job of its own: its id routes its progress here and lets Cancel reach it.
    const go = (retryId: string): Promise<RunOutcome> => {
      set({ active: newActive(retryId) });
      return invoke('run:retry-failed', { runId: o.runId, retryId, overrides: overridesOf(get().scoring) });
    };
    try {
      const outcome = await useJobsStore.getState().run('score', [], go, 'Retrying the failed pairs');
      if (!outcome) return;
      set({ outcome, outcomeScoring: get().scoring });
      useUiStore
        .getState()
        .log(
          'info',
          `Retried the failed pairs of ${runName(o.result.now, o.result.preset)}. ${outcome.summary}`,
        );
    } finally {
      set({ active: null });
    }
  },
  async rescore() {
    if (!get().outcome || get().active) return;
    const seq = ++rescoreSeq;
    const scoring = get().scoring;
    set({ rescoring: true });
    try {
      const outcome = await invoke('run:rescore', { overrides: overridesOf(scoring) });
      // A slower answer to an older edit never replaces a newer one.
      if (seq === rescoreSeq) {
        const arrived = early;
        const done =
          arrived && arrived.runId === outcome.runId && arrived.generation === outcome.intervalsPending;
        if (done && arrived.error) useUiStore.getState().report('Computing the intervals', arrived.error);
        set({
          outcome: done ? applyIntervals(outcome, arrived) : outcome,
          outcomeScoring: scoring,
        });
        useUiStore.getState().succeeded('Re-scoring');
      }
    } catch (e) {
      if (seq === rescoreSeq) useUiStore.getState().report('Re-scoring', e);
    } finally {
      if (seq === rescoreSeq) set({ rescoring: false });
    }
  },
  async exportReports(dir, pick) {
    try {
      const r = await invoke('reports:export', pick ? { pick: true } : { dir });
      if (!r) return null; // the folder dialog was cancelled
      useUiStore.getState().succeeded('Exporting the reports');
      // A line per file, then what was exported where; the dialog stays to offer Open folder and Open report.
      const ui = useUiStore.getState();
      for (const line of r.lines) ui.log('info', line);
      ui.log('info', r.summary);
      return r;
    } catch (e) {
      useUiStore.getState().report('Exporting the reports', e);
      return null;
    }
  },
  onProgress(runId, p) {
    const a = get().active;
    if (!a || a.runId !== runId) return;
    const next: ActiveRun = { ...a };
    if (p.type === 'queued') next.total = p.total;
    if (p.type === 'fetching' || p.type === 'sampled' || p.type === 'scored' || p.type === 'failed') {
      next.done = p.done;
      next.total = p.total;
      next.credits = p.credits;
      const key = `${p.region ?? 'all'} #${p.tag}`;
      next.pairs = { ...a.pairs, [key]: p.type };
      next.marks = withMark(a.marks, p.done, p.credits, Date.now());
    }
    if (p.type === 'done') next.credits = p.credits;
    set({ active: next });
  },
  onPartial(p) {
    if (get().active?.runId === p.runId) set({ partial: p });
  },
  onIntervals(p) {
    const o = get().outcome;
    // The event can overtake the re-score's own answer (the preview's event stream and its HTTP reply race):
    // kept, it is applied when that answer lands.
    if (!o || o.runId !== p.runId || o.intervalsPending !== p.generation) {
      // Regions sent one by one add up; the last event (every region) replaces them.
      early =
        p.partial && early?.partial && early.generation === p.generation
          ? { ...p, regions: { ...early.regions, ...p.regions } }
          : p;
      return;
    }
    if (p.error) useUiStore.getState().report('Computing the intervals', p.error);
    set({ outcome: applyIntervals(o, p) });
  },
  async loadLast() {
    set({ openingLast: true });
    try {
      const outcome = await invoke('results:get-last', {});
      set({ outcome, outcomeScoring: outcome ? get().scoring : null });
      // A reopened workspace's last run, scored as it was run: ranked again with the side bar's scoring.
      if (outcome?.reopened) {
        useUiStore.getState().log('info', outcome.summary);
        void get().rescore();
      }
    } catch {
      set({ outcome: null });
    } finally {
      set({ openingLast: false });
    }
  },
  async openRun(id) {
    if (get().active) return false;
    try {
      const outcome = await invoke('results:open-run', { id });
      const s = outcome.result.settings;
      const pages = get().scoring?.pages ?? s.pages;
      // The run's own scoring in the side bar: the results are those, not waiting for a re-score.
      const scoring: Scoring = { preset: s.preset, weights: s.weights, windowDays: s.windowDays, pages };
      set({ outcome, scoring, outcomeScoring: scoring });
      useUiStore.getState().log('info', outcome.summary);
      useUiStore.getState().succeeded('Opening the run');
      useUiStore.getState().openView('results');
      return true;
    } catch (e) {
      useUiStore.getState().report('Opening the run', e);
      return false;
    }
  },
  clear() {
    set({ outcome: null, outcomeScoring: null, active: null, estimate: null });
  },
}));

/**
 * A run the user cancelled, said once and neutrally: "Cancelled — kept 20 pairs; 116 left, the next run fetches only
 * those." Kept are the pairs sampled whole; a pair the cancel cut short is ranked on its pages in hand but is left,
 * with the unscored ones: the next run fetches it again.
 */
export function cancelledText(outcome: RunOutcome): string {
  const { kept, cutShort, unscored } = pairsKeptAndLeft(outcome.result);
  const left = unscored + cutShort;
  return `Cancelled — kept ${plural(kept, 'pair')}${left > 0 ? `; ${left} left, the next run fetches only those` : ''}.`;
}

/** A re-score's intervals event applied: a region sent ahead of the rest (`partial`) goes into its rows while
 * the others still await theirs; the last event ends the wait. */
export const applyIntervals = (o: RunOutcome, p: RunIntervals): RunOutcome =>
  p.partial ? { ...withIntervals(o, p), intervalsPending: o.intervalsPending } : withIntervals(o, p);

/** The outcome with a re-score's intervals in its rows, no longer pending. */
export function withIntervals(o: RunOutcome, p: RunIntervals): RunOutcome {
  const { intervalsPending: _done, ...rest } = o;
  const regions = Object.fromEntries(
    Object.entries(o.result.regions).map(([code, r]) => {
      const byTag = p.regions[code];
      if (!byTag) return [code, r];
      return [code, { ...r, ranked: r.ranked.map((t) => ({ ...t, confidence: byTag[t.candidate] })) }];
    }),
  );
  return { ...rest, result: { ...o.result, regions }, ...(p.tagSets ? { tagSets: p.tagSets } : {}) };
}
