// The messages between the job layer and a scoring worker: samples sent once per run, then score and interval jobs
// over them by id. Plain data only (structured clone); the worker answers every job once.
import type { ErrorInfo, RegionCode, RegionResult } from '../../shared/model';
import type { PackedSamples } from '../engine/compact-samples';
import type { PackedIntervals } from './packed-intervals';
import type { ScoreSamplesJob } from '../pipeline/run-samples';

/** What to score: the run's inputs without its samples (those are sent once, by id); the pipeline's own type. */
export type ScoreJob = ScoreSamplesJob;

export type ToWorker =
  | { type: 'samples'; samplesId: string; packed: PackedSamples }
  | { type: 'score'; id: number; samplesId: string; job: ScoreJob }
  /** The intervals under job.settings; dropped unanswered-for (answered `cancelled`) once `generation` is old. */
  | { type: 'intervals'; id: number; samplesId: string; job: ScoreJob; generation: number }
  /** Test hook: what the worker has done (answered `stats`). */
  | { type: 'stats'; id: number }
  /** Test hook: the worker fails as a crash would (an uncaught error), so the client's handling can be checked. */
  | { type: 'crash' };

export type FromWorker =
  | { id: number; ok: true; regions: Record<RegionCode, RegionResult> }
  /** One region's intervals as soon as they are computed. */
  | { id: number; ok: true; partial: RegionCode; packed: PackedIntervals }
  /** Every region of the job was sent (each once, as a partial answer). */
  | { id: number; ok: true; intervals: RegionCode[] }
  | { id: number; ok: true; cancelled: true }
  | { id: number; ok: true; stats: WorkerStats }
  | { id: number; ok: false; error: ErrorInfo };

export interface WorkerStats {
  /** Regions whose intervals were computed. */
  intervalRegions: number;
}

/** Shared with every worker: the newest interval generation (Int32 at 0); a job of an older one stops. */
export interface WorkerData {
  generation: SharedArrayBuffer;
}
