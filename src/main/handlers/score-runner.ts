// The app's score runs, shared by the run handlers and the watch: a run registered by id with live partial results,
// a re-score from the samples in hand, and the one place the session's last run is written.
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { SESSION_DEFAULTS } from '../../core/job/job-session';
import { runIdOf } from '../../core/job/previous-run';
import { describeReopened, reopenInputs } from '../../core/job/reopen-run';
import { TagfitError, toErrorInfo } from '../../core/errors';
import { readCreatorList } from '../../core/input/csv-lists';
import { listRuns, loadRun } from '../../core/workspace/history';
import { createLivePartial } from '../../core/job/live-partial';
import { prepareScoreRun, type PreparedScoreRun } from '../../core/job/prepare-score';
import { createRescorer, describeMissing, withIntervals, withRetried } from '../../core/job/rescore';
import { type Intervals, sharedScoringPool } from '../../core/worker/scoring-pool';
import { asDemoRun } from '../../core/job/demo-run';
import { describeRunEnd, runEnd } from '../../core/job/run-end';
import { runScoreJob, type ScoreJobOutcome } from '../../core/job/score-job';
import { isPartialRun } from '../../core/stop-codes';
import type { RunSamples } from '../../core/pipeline/run';
import type { RegionPicks } from '../../shared/discover';
import type { runOverridesSchema } from '../../shared/ipc/run';
import type { ErrorInfo, RunResult } from '../../shared/model';
import type { RunIntervals, RunOutcome } from '../../shared/ipc-payloads';
import type { OpenWorkspace } from '../session';
import { type HandlerContext, jobSession, requireWorkspace, sessionRequest } from './context';
import { tagSetsInSlices, withTagSets } from './tag-sets';

export type RunOverrides = z.output<typeof runOverridesSchema>;

export function prepare(
  ctx: HandlerContext,
  open: OpenWorkspace,
  o: RunOverrides | undefined,
  extra: { offline?: boolean; maxCredits?: number; keys?: boolean } = {},
): Promise<PreparedScoreRun> {
  const { preset, ...overrides } = o ?? {};
  const session = sessionRequest(ctx, open, { offline: extra.offline, maxCredits: extra.maxCredits });
  return prepareScoreRun({
    workspace: open.ws,
    preset,
    overrides,
    session: extra.keys === false ? { ...session, keys: 'none' } : session,
    warn: (m) => ctx.s.log?.(`warning: ${m}`),
  });
}

/** A run as the app receives it over IPC (the scored rows whole: see shared/scored-row.ts). */
export function toOutcome(
  runId: string,
  result: RunResult,
  job: Pick<ScoreJobOutcome, 'written' | 'reportError' | 'historyError'>,
  started: number,
  rescore: boolean,
): RunOutcome {
  return {
    runId,
    ended: runEnd(result),
    summary: describeRunEnd(result),
    result,
    failed: result.failed,
    rescore,
    written: job.written.map((w) => w.path),
    partial: isPartialRun(result),
    reportError: job.reportError ?? null,
    historyError: job.historyError ?? null,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

export interface ScoreRunner {
  run(
    open: OpenWorkspace,
    prepared: PreparedScoreRun,
    opts: { runId?: string; only?: { tags: string[]; regions: string[] }; job?: 'score' | 'watch' },
  ): Promise<RunOutcome>;
  rescore(overrides: RunOverrides | undefined): Promise<RunOutcome>;
  /** A recorded run ("last" or its id) scored again from the cache alone, made the current results. */
  reopen(name: string): Promise<RunOutcome>;
}

export function createScoreRunner(ctx: HandlerContext): ScoreRunner {
  const { session } = ctx;
  // Re-scores answer in two steps (ranks now, intervals from the scoring workers after); each has a generation,
  // and only the newest one's intervals are kept and sent.
  const rescorer = createRescorer(sharedScoringPool());
  let generation = 0;

  /** The run whose samples re-scores, suggestions and the detail view read: written here and nowhere else. */
  const remember = (
    view: RunOutcome,
    outcome: ScoreJobOutcome,
    prepared: Pick<PreparedScoreRun, 'targets' | 'settings'>,
  ): void => {
    withTagSets(view, outcome.data, outcome.localised);
    session.last = {
      localised: outcome.localised,
      outcome: view,
      data: outcome.data,
      regionNames: outcome.regionNames,
      previous: outcome.previous,
      targets: new Set(prepared.targets),
      sampling: { pages: prepared.settings.pages, pageSize: prepared.settings.pageSize },
      raw: outcome.result,
    };
  };

  /** One score run of the open workspace, registered by id while it goes; a retry fetches `only` some pairs. */
  function run(
    open: OpenWorkspace,
    prepared: PreparedScoreRun,
    opts: { runId?: string; only?: { tags: string[]; regions: string[] }; job?: 'score' | 'watch' },
  ): Promise<RunOutcome> {
    const started = performance.now();
    return session.withRun(opts.runId, async (runId, signal) => {
      const candidates = opts.only?.tags ?? prepared.candidates;
      const regions = opts.only?.regions ?? prepared.regions;
      // Results fill in as they arrive (not for a retry: its few pairs are not the run's ranking).
      const samples: RunSamples = { challenges: new Map(), samples: new Map() };
      const live = createLivePartial({
        candidates,
        targets: new Set(prepared.targets),
        regions,
        settings: prepared.settings,
        now: prepared.session.now,
        samples,
        emit: (p) => ctx.s.emit('run:partial', { runId, ...p }),
      });
      try {
        const outcome = await runScoreJob({
          ...prepared.session,
          job: opts.job ?? 'score',
          candidates,
          targets: prepared.targets,
          regions,
          settings: prepared.settings,
          dataDir: prepared.dataDir,
          // A read-only workspace is not written; a retry of some pairs is not a run of the lists.
          record: !open.readOnly && !opts.only,
          velocityThreshold: prepared.velocityThreshold,
          signal,
          onProgress: (progress) => {
            ctx.s.emit('run:progress', { runId, job: 'score', progress });
            if ((progress.type === 'scored' || progress.type === 'sampled') && !opts.only)
              live.pairDone(progress.done, progress.total);
          },
          onWarning: (m) => ctx.s.log?.(`warning: ${m}`),
          samples,
        });
        // The key's state follows what TikLiveAPI last said of it.
        if (outcome.result.stopped?.code === 'auth') session.keyRejected = true;
        else if (outcome.result.credits.used > 0) session.keyRejected = false;
        const view = toOutcome(runId, outcome.result, outcome, started, false);
        if (!opts.only) remember(view, outcome, prepared);
        // A retry's answers join the samples in hand, so the re-score after it needs neither cache nor network.
        else if (session.last)
          session.last = { ...session.last, ...withRetried(session.last, outcome, opts.only) };
        return view;
      } finally {
        live.dispose();
      }
    });
  }

  /** A re-score: from the samples in hand when they answer it, else from the cache, offline, recording nothing. */
  async function rescore(overrides: RunOverrides | undefined): Promise<RunOutcome> {
    const started = performance.now();
    const open = requireWorkspace(ctx);
    // Numbered as the requests arrive (IPC keeps their order), before anything awaits.
    const g = ++generation;
    const prepared = await prepare(ctx, open, overrides, { offline: true });
    const last = session.last;
    const inHand = last ? await rescorer.rescore(last, prepared) : undefined;
    if (last && inHand) {
      // A demo run's re-score is the demo's too: marked simulated, its missing tags 'not in the demo data'.
      const result = last.raw.simulated ? asDemoRun(inHand.result) : inHand.result;
      const view = toOutcome(last.outcome.runId, result, { written: [] }, started, true);
      // The run's end as the run said it, with what the run spent: the re-score's own 0 credits are said beside it
      // (Results: "Re-scored from the samples in hand: 0 credits"), never in the run's place.
      view.summary = describeRunEnd({ ...result, credits: last.raw.credits });
      if (inHand.missing.length > 0) view.summary = `${view.summary} ${describeMissing(inHand.missing)}`;
      // The tag sets read every sampled caption (tens of ms at 200 × 25): they come with the intervals.
      // A run opened from the history stays that run, whatever its weights.
      if (last.outcome.reopened) {
        view.reopened = last.outcome.reopened;
        view.summary = last.outcome.summary;
      }
      view.intervalsPending = g;
      // The results showing are the re-scored ones: Export writes them and a reloaded window shows them again.
      // The samples and the run's own settings (raw, for a retry) stay the run's. An edit answered after a newer
      // one changes nothing: the renderer keeps the newer, and so does main.
      if (g !== generation) return view;
      // Each region's intervals as soon as a worker has them (the first region is the one the grid opens on).
      // Each region's payload is built once: the last event (every region) sends the same objects again.
      const sent: RunIntervals['regions'] = {};
      const region = (r: string, byTag: Intervals[string]): void => {
        if (g === generation && session.last?.outcome === view)
          ctx.s.emit('run:intervals', {
            runId: view.runId,
            generation: g,
            regions: { [r]: (sent[r] = Object.fromEntries(byTag)) },
            partial: true,
          });
      };
      // Started once this answer is on its way (the workers would otherwise take the cores it needs), and not at
      // all when a newer edit came first.
      const newest = (): boolean => g === generation && session.last?.outcome === view;
      const picked = tagSetsInSlices(view.result, last.data, last.localised, newest).then(
        (tagSets) => ({ data: last.data, tagSets }),
        () => undefined,
      );
      const settled = new Promise<void>((next) => setImmediate(next))
        .then(() => (g === generation ? inHand.intervals(region) : undefined))
        .then(
          async (intervals) =>
            void (intervals && intervalsArrived(view, g, intervals, undefined, await picked, sent)),
          async (e: unknown) => intervalsArrived(view, g, undefined, toErrorInfo(e), await picked, sent),
        );
      session.last = { ...last, outcome: view, intervals: settled };
      return view;
    }
    const outcome = await runScoreJob({
      ...prepared.session,
      candidates: prepared.candidates,
      targets: prepared.targets,
      regions: prepared.regions,
      settings: prepared.settings,
      dataDir: prepared.dataDir,
      record: false,
      velocityThreshold: prepared.velocityThreshold,
    });
    const view = toOutcome(session.newRunId(), outcome.result, outcome, started, true);
    remember(view, outcome, prepared);
    return view;
  }

  /** A re-score's intervals, when they are still the newest: into the results held, and to the renderer, with the
   * tag sets picked meanwhile (picked again here if the samples changed since: a retry's answers merged in). */
  function intervalsArrived(
    view: RunOutcome,
    g: number,
    intervals?: Intervals,
    error?: ErrorInfo,
    picked?: { data: RunSamples; tagSets: RegionPicks[] | undefined },
    sent: RunIntervals['regions'] = {},
  ): void {
    const cur = session.last;
    if (g !== generation || !cur || cur.outcome !== view) return;
    const { intervalsPending: _done, ...rest } = view;
    const outcome: RunOutcome = intervals ? { ...rest, result: withIntervals(view.result, intervals) } : rest;
    if (picked?.tagSets && picked.data === cur.data) outcome.tagSets = picked.tagSets;
    else withTagSets(outcome, cur.data, cur.localised);
    session.last = { ...cur, outcome, intervals: undefined };
    const regions: RunIntervals['regions'] = {};
    for (const [r, byTag] of Object.entries(intervals ?? {}))
      regions[r] = sent[r] ?? Object.fromEntries(byTag);
    if (error) ctx.s.log?.(`warning: the intervals of a re-score could not be computed: ${error.message}`);
    ctx.s.emit('run:intervals', {
      runId: view.runId,
      generation: g,
      regions,
      ...(outcome.tagSets ? { tagSets: outcome.tagSets } : {}),
      ...(error ? { error } : {}),
    });
  }

  async function reopen(name: string): Promise<RunOutcome> {
    const started = performance.now();
    const open = requireWorkspace(ctx);
    const dataDir = open.ws.paths.data;
    const id = runIdOf(await listRuns(dataDir), name);
    if (!id) throw new TagfitError('not-found', `No run "${name}" in this workspace's history.`);
    const stored = await loadRun(dataDir, id);
    const asked = reopenInputs(stored);
    const targets = (await readCreatorList(open.ws.paths.creators)).values;
    const s = await jobSession(ctx, open, { offline: true, now: asked.now });
    const outcome = await runScoreJob({
      ...s,
      job: 'score',
      candidates: asked.candidates,
      targets,
      regions: asked.regions,
      settings: asked.settings,
      dataDir,
      record: false,
      velocityThreshold: open.ws.settings.velocityThreshold ?? SESSION_DEFAULTS.velocityThreshold,
    });
    const view = toOutcome(session.newRunId(), outcome.result, outcome, started, false);
    view.summary = describeReopened(stored, outcome.result);
    view.reopened = { id: stored.id, now: stored.now };
    remember(view, outcome, { targets, settings: asked.settings });
    return view;
  }

  return { run, rescore, reopen };
}
