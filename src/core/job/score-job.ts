// The main job, from parsed lists to written reports: client (or demo simulator), cache, pipeline,
// history and reports. The CLI and the Electron main process both call this; it knows no terminal or window.
import type { ErrorInfo, RegionCode, RunProgress, RunResult, ScoringSettings } from '../../shared/model';
import { TagfitError, toErrorInfo } from '../errors';
import { runPipeline, type RunSamples } from '../pipeline/run';
import { type RunInput, runTargets } from '../pipeline/run-samples';
import { type ScoringPool, sharedScoringPool } from '../worker/scoring-pool';
import { type ApiSessionOptions, checkRegions, openApiSession } from './api-session';
import { isPartialRun } from '../stop-codes';
import type { ReportFormat } from '../../shared/report-formats';
import type { ReportBranding } from '../report/branding';
import { reportFiles } from '../report/files';
import type { PdfPrinter } from '../report/pdf';
import { type AtomicWriter, checkReportDir, writeReports } from '../report/write';
import type { AtomicFs } from '../storage/atomic-write';
import { computeMomentum } from '../engine/momentum';
import { recordRun, type StoredRun } from '../workspace/history';
import { asDemoRun } from './demo-run';
import { previousRun } from './previous-run';
import type { Equivalent } from '../../shared/localize';
import { loadSampledEquivalents } from '../localize/store';

/** The API session's options (clock, demo, key, pacing, cache, budget, signal) plus what to score and write. */
export interface ScoreJobOptions extends ApiSessionOptions {
  candidates: readonly string[];
  targets: readonly string[];
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  /** Workspace data folder: when set, the run is recorded and momentum is computed against the last run. */
  dataDir?: string;
  velocityThreshold?: number;
  /**
   * `branding`: the workspace's (prepare-score loads it), required so no caller can forget it (null: none);
   * `pdf` prints the pdf format;
   * `writer` replaces the atomic file writer (tests simulate a full disk with it).
   */
  out?: {
    dir: string;
    formats: readonly ReportFormat[];
    branding: ReportBranding | null;
    pdf?: PdfPrinter;
    writer?: AtomicWriter;
  };
  /** The file system the run's history is written through (tests simulate a full disk with it). */
  historyFs?: AtomicFs;
  /** false: compute momentum against the history but record nothing (a read-only workspace, a retry). */
  record?: boolean;
  /** Filled as pairs complete (see RunInput.samples): results can be shown as they arrive. */
  samples?: RunSamples;
  /** Where the samples are scored: the process's scoring workers by default, this thread when 'in-process'. */
  scoring?: ScoringPool | 'in-process';
  onProgress?: (p: RunProgress) => void;
}

export interface ScoreJobOutcome {
  result: RunResult;
  data: RunSamples;
  /** Report files written (absolute paths), with a note when one had to take an alternate name. */
  written: { path: string; note?: string }[];
  /** The region list's names, for reports; empty when it could not be fetched. */
  regionNames: Record<RegionCode, string>;
  /** The recorded run momentum was measured against (the latest before this one), if any. */
  previous?: StoredRun;
  /** Set when the reports could not be written (none was written half). */
  reportError?: ErrorInfo;
  /** Set when the run could not be recorded in the workspace's history; its results stand and are written. */
  historyError?: ErrorInfo;
  /** The reports are of a run that stopped early or missed pairs it could not reach: named "-partial". */
  partial: boolean;
  /** The workspace's sampled local variants (data/localize.json): the tag sets post with one that outscores. */
  localised?: Equivalent[];
}

export { isPartialRun };

/** A run's scoring off the main thread (the scoring pool), unless asked in process. */
function scorerOf(scoring: ScoreJobOptions['scoring']): RunInput['score'] {
  if (scoring === 'in-process') return undefined;
  const pool = scoring ?? sharedScoringPool();
  return (data, job) => pool.score(data, job);
}

export async function runScoreJob(opts: ScoreJobOptions): Promise<ScoreJobOutcome> {
  const warn = opts.onWarning ?? (() => {});
  // A report folder that cannot be written is said before any credit is spent.
  if (opts.out) await checkReportDir(opts.out.dir);
  const { api, close } = await openApiSession({ ...opts, job: opts.job ?? 'score', onWarning: warn });
  try {
    const regionNames = await checkRegions(api, opts.regions, warn);

    const { result: piped, data } = await runPipeline({
      api,
      candidates: opts.candidates,
      targets: runTargets(opts.settings, opts.targets),
      regions: opts.regions,
      settings: opts.settings,
      now: opts.now,
      signal: opts.signal,
      onProgress: opts.onProgress,
      onWarning: warn,
      samples: opts.samples,
      score: scorerOf(opts.scoring),
    });
    // The demo's answers are the simulator's: the run says so, and every report and the history with it.
    const raw = opts.demo ? asDemoRun(piped) : piped;

    let result = raw;
    let historyError: ErrorInfo | undefined;
    let prev: StoredRun | undefined;
    if (opts.dataDir) {
      const { runs, previous } = await previousRun(opts.dataDir, { before: raw.now, warn });
      prev = previous;
      result = computeMomentum(raw, prev, opts.velocityThreshold ?? 0.5);
      // A stopped run is partial: it would make the next run's momentum lie (its answers are in the cache).
      // A re-score wholly from the cache observed nothing new: recording it would make next week's momentum
      // compare against a copy of old data stamped with a later time.
      // (A run at the same clock as the last one is no earlier run for momentum, but it is one for this.)
      const observedNew = raw.credits.used > 0 || runs.length === 0;
      if (!result.stopped && observedNew && opts.record !== false) {
        try {
          await recordRun(opts.dataDir, result, { fs: opts.historyFs });
        } catch (e) {
          // The user paid for these results: they are still returned and written; only momentum loses the run.
          historyError = toErrorInfo(e);
          warn(
            `this run was not saved to the history (${historyError.message}); next run's momentum will not see it`,
          );
        }
      }
    }

    const localised = opts.dataDir ? await loadSampledEquivalents(opts.dataDir, warn) : [];
    const written: ScoreJobOutcome['written'] = [];
    let reportError: ErrorInfo | undefined;
    const partial = isPartialRun(result);
    if (opts.out) {
      const files = reportFiles(result, {
        regionNames,
        formats: opts.out.formats,
        partial,
        targetCount: opts.targets.length,
        samples: data,
        localised,
        branding: opts.out.branding,
        pdf: opts.out.pdf,
      });
      try {
        written.push(...(await writeReports(opts.out.dir, files, { writer: opts.out.writer })));
      } catch (e) {
        // The scores stand (and are in the cache and history); only the files are missing: say so, keep going.
        reportError = toErrorInfo(e);
        // The files written (every one but the failing ones: one that cannot be written costs only itself) are listed.
        const before = e instanceof TagfitError ? e.details.written : undefined;
        if (Array.isArray(before)) written.push(...before.map((p) => ({ path: String(p) })));
      }
    }
    return {
      result,
      data,
      written,
      regionNames,
      previous: prev,
      reportError,
      historyError,
      partial,
      localised,
    };
  } finally {
    await close();
  }
}
