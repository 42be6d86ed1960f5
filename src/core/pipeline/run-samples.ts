// What a run is given and what it fetched: the samples by hashtag and region, enough to re-score offline.
import type { Challenge, RegionCode, RegionResult, RunProgress, ScoringSettings } from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import type { HeldPost } from './lean-posts';
import type { PageOrderCorrection } from '../engine/adaptive-correction';

/** What every run that fetches and scores per region is given (a scoring run, a competitor decode). */
export interface RegionRunBase {
  api: TikLiveApi;
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  /** The run's clock. */
  now: Date;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onWarning?: (message: string) => void;
}

export interface RunInput extends RegionRunBase {
  /** Normalised candidate hashtags, unique, in input order. */
  candidates: readonly string[];
  /** Target creators' unique ids (as listed for seed, which compares them exactly; lowercased otherwise). */
  targets: ReadonlySet<string>;
  /** Filled as pairs complete, when given: the caller can rank what is in hand while the run goes on. */
  samples?: RunSamples;
  /** Scores the fetched samples with their confidence, as scoreRun does (the job layer's scoring workers, off the
   * main thread); scoreRun in this thread when absent. */
  score?: (data: RunSamples, job: ScoreSamplesJob) => Promise<Record<RegionCode, RegionResult>>;
}

/** What `RunInput.score` scores: scoreRun's arguments without the samples. */
export interface ScoreSamplesJob {
  candidates: readonly string[];
  targets: readonly string[];
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  nowSec: number;
  /** Each ranked tag's confidence too (the bootstrap); false for the ranks alone. */
  confidence: boolean;
}

/** What a run fetched: enough to re-score without the network. */
export interface RunSamples {
  challenges: Map<string, Challenge | null>;
  /** key: `${region}\u0000${candidate}`. Lean posts once the pair's sample is complete (lean-posts.ts). */
  samples: Map<string, HeldPost[]>;
  /** Pairs sampled with fewer pages than asked for by Tagfit's own choice (adaptive sampling, a stopped run), and
   * why, by the same key: their flags and labels say so instead of calling the tag small or limited. */
  stoppedEarly?: Map<string, string>;
  /** Pairs adaptive sampling left in the tie band at the top-k boundary, and why, by the same key. */
  tieBand?: Map<string, string>;
  /** Pairs adaptive sampling stopped early whose score is estimated for the full sample, by the same key: how their
   * in-hand metrics are corrected for the page order (engine/adaptive-correction.ts). */
  corrections?: Map<string, PageOrderCorrection>;
}

export const sampleKey = (region: RegionCode, candidate: string): string => `${region}\u0000${candidate}`;

/** The target creators as a run compares them: as listed for seed (exactly, as the reference does), lowercased for
 * the robust presets (they fold case themselves). */
export function runTargets(settings: ScoringSettings, targets: readonly string[]): Set<string> {
  return new Set(settings.preset === 'seed' ? targets : targets.map((t) => t.toLowerCase()));
}
