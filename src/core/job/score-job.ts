// The main job, from parsed lists to written reports: client (or demo simulator), cache, pipeline,
// history and reports. The CLI and the Electron main process both call this; it knows no terminal or window.
import type { ErrorInfo, RegionCode, RunProgress, RunResult, ScoringSettings } from '../../shared/model';
import { toErrorInfo } from '../errors';
import { runPipeline, type RunSamples } from '../pipeline/run';
import { type ApiSessionOptions, checkRegions, openApiSession } from './api-session';
import { renderCsvReport } from '../report/csv';
import { renderMarkdownReport } from '../report/markdown';
import { type AtomicWriter, checkReportDir, writeReports } from '../report/write';
import { computeMomentum, listRuns, loadRun, recordRun } from '../workspace/history';

export { DEFAULT_API_BASE } from './api-session';

export type ReportFormat = 'md' | 'csv';

/** The API session's options (clock, demo, key, pacing, cache, budget, signal) plus what to score and write. */
export interface ScoreJobOptions extends ApiSessionOptions {
  candidates: readonly string[];
  targets: readonly string[];
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  /** Workspace data folder: when set, the run is recorded and momentum is computed against the last run. */
  dataDir?: string;
  velocityThreshold?: number;
  /** `writer` replaces the atomic file writer (tests simulate a full disk with it). */
  out?: { dir: string; formats: readonly ReportFormat[]; writer?: AtomicWriter };
  onProgress?: (p: RunProgress) => void;
}

export interface ScoreJobOutcome {
  result: RunResult;
  data: RunSamples;
  /** Report files written (absolute paths), with a note when one had to take an alternate name. */
  written: { path: string; note?: string }[];
  /** The region list's names, for reports; empty when it could not be fetched. */
  regionNames: Record<RegionCode, string>;
  /** Set when the reports could not be written (none was written half). */
  reportError?: ErrorInfo;
}

/** The date part of the run's clock, in UTC: the reports' file names and headings use it. */
export const runDate = (now: Date): string => now.toISOString().slice(0, 10);

export async function runScoreJob(opts: ScoreJobOptions): Promise<ScoreJobOutcome> {
  const warn = opts.onWarning ?? (() => {});
  // A report folder that cannot be written is said before any credit is spent.
  if (opts.out) await checkReportDir(opts.out.dir);
  const { api, close } = await openApiSession({ ...opts, onWarning: warn });
  try {
    const regionNames = await checkRegions(api, opts.regions, warn);

    const { result: raw, data } = await runPipeline({
      api,
      candidates: opts.candidates,
      targets: new Set(opts.targets.map((t) => t.toLowerCase())),
      regions: opts.regions,
      settings: opts.settings,
      now: opts.now,
      signal: opts.signal,
      onProgress: opts.onProgress,
      onWarning: warn,
    });

    let result = raw;
    if (opts.dataDir) {
      const runs = await listRuns(opts.dataDir, warn);
      const previous = [...runs].reverse().find((r) => r.now < raw.now);
      const prev = previous ? await loadRun(opts.dataDir, previous.id) : undefined;
      result = computeMomentum(raw, prev, opts.velocityThreshold ?? 0.5);
      // A stopped run is partial: it would make the next run's momentum lie (its answers are in the cache).
      // A re-score wholly from the cache observed nothing new: recording it would make next week's momentum
      // compare against a copy of old data stamped with a later time.
      const observedNew = raw.credits.used > 0 || previous === undefined;
      if (!result.stopped && observedNew) await recordRun(opts.dataDir, result);
    }

    const written: ScoreJobOutcome['written'] = [];
    let reportError: ErrorInfo | undefined;
    if (opts.out) {
      const date = runDate(opts.now);
      const files: { name: string; content: string }[] = [];
      for (const region of opts.regions) {
        const r = result.regions[region];
        if (!r) continue;
        const failed = result.failed.filter((f) => f.region === region);
        if (opts.out.formats.includes('md')) {
          files.push({
            name: `${region}-${date}.md`,
            content: renderMarkdownReport(r, date, {
              regionName: regionNames[region],
              failed,
              credits: result.credits,
              preset: result.preset,
              stopped: result.stopped,
            }),
          });
        }
        if (opts.out.formats.includes('csv'))
          files.push({ name: `${region}-${date}.csv`, content: renderCsvReport(r) });
      }
      try {
        written.push(...(await writeReports(opts.out.dir, files, { writer: opts.out.writer })));
      } catch (e) {
        // The scores stand (and are in the cache and history); only the files are missing: say so, keep going.
        reportError = toErrorInfo(e);
      }
    }
    return { result, data, written, regionNames, reportError };
  } finally {
    await close();
  }
}
