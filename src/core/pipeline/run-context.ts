// What one run shares between its steps: the samples in hand, the pairs done and failed, progress events, and
// the stop (a cancel, a refused key, the budget) that ends it while keeping what was fetched.
import type {
  Challenge,
  ErrorInfo,
  FailedTag,
  RegionCode,
  RunProgress,
  ScoringSettings,
} from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import { TagfitError, toErrorInfo } from '../errors';
import { isStopping, type StopCode } from '../stop-codes';
import { type RunInput, type RunSamples, sampleKey } from './run-samples';

export interface RunContext {
  input: RunInput;
  api: TikLiveApi;
  candidates: readonly string[];
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  /** The run's clock in Unix seconds. */
  nowSec: number;
  total: number;
  data: RunSamples;
  failed: FailedTag[];
  /** Pairs (sampleKey) that are final: scored, failed or needing no sample. */
  done: Set<string>;
  /** Adaptive sampling: pairs that stopped before `pages` pages, and why. */
  stoppedEarly: Map<string, string>;
  /** The caller's signal, or our own stop on a refused key or a cancel. */
  signal: AbortSignal;
  /** Why the run stopped, once it has; and pairs a stop left with fewer pages than their ranking needed. */
  state: { stop?: { code: StopCode; message: string }; cutShort: { tag: string; region: RegionCode }[] };
  emit(p: RunProgress): void;
  warn(message: string): void;
  progress(): { done: number; total: number; credits: number };
  stopRun(code: StopCode, message: string): void;
  stopped(): boolean;
  /** A call's failure: a stop for the whole run, or the pair (or the tag in every region) failed. */
  handleError(e: unknown, tag: string, region: RegionCode | null): void;
  /** Challenge info for a candidate, once for every region; null when TikLiveAPI does not know it. */
  info(candidate: string): Promise<Challenge | null | undefined>;
  needsSample(c: Challenge | null | undefined): c is Challenge;
  /** A pair that needs no sample (not found, an excluded commercial tag) is done at once. */
  noSample(candidate: string, region: RegionCode): void;
  /** Stops following the caller's signal (the run is over). */
  release(): void;
}

export function createRunContext(input: RunInput): RunContext {
  const { api, candidates, regions, settings } = input;
  const total = candidates.length * regions.length;
  const emit = input.onProgress ?? (() => {});
  const failed: FailedTag[] = [];
  const data: RunSamples = input.samples ?? { challenges: new Map(), samples: new Map() };
  const done = new Set<string>();
  const stoppedEarly = new Map<string, string>();
  data.stoppedEarly = stoppedEarly;
  const state: RunContext['state'] = { cutShort: [] };

  // One controller for the run: the caller's signal, or our own stop on auth/budget errors.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });
  if (input.signal?.aborted) controller.abort();
  const signal = controller.signal;

  const progress = (): { done: number; total: number; credits: number } => ({
    done: done.size,
    total,
    credits: api.credits().used,
  });

  const stopRun = (code: StopCode, message: string): void => {
    if (state.stop) return;
    state.stop = { code, message };
    // A budget stop lets the calls in flight finish: they fit in the budget and are paid for, so their answers
    // are kept (and cached); only new calls are refused. A refused key or a cancel ends everything at once.
    if (code !== 'budget') controller.abort();
  };
  const stopped = (): boolean => signal.aborted || state.stop !== undefined;

  const handleError = (e: unknown, tag: string, region: RegionCode | null): void => {
    if (input.signal?.aborted) return stopRun('cancelled', 'Run cancelled; what was fetched is kept.');
    const info: ErrorInfo = toErrorInfo(e);
    if (isStopping(info.code)) return stopRun(info.code, info.message);
    // Our own stop (a refused key) aborted this call: the pair stays unscored, not failed.
    if (signal.aborted) return;
    for (const r of region ? [region] : regions) {
      failed.push({ tag, region: r, error: info.message, code: info.code });
      done.add(sampleKey(r, tag));
    }
    emit({ type: 'failed', tag, region, error: info, ...progress() });
  };

  const info = async (candidate: string): Promise<Challenge | null | undefined> => {
    try {
      if (stopped()) return undefined;
      emit({ type: 'fetching', tag: candidate, region: null, ...progress() });
      const challenge = await api.challengeInfo(candidate, { signal });
      data.challenges.set(candidate, challenge);
      return challenge;
    } catch (e) {
      if (e instanceof TagfitError && e.code === 'not-found') {
        data.challenges.set(candidate, null);
        return null;
      }
      handleError(e, candidate, null);
      return undefined;
    }
  };

  return {
    input,
    api,
    candidates,
    regions,
    settings,
    nowSec: Math.floor(input.now.getTime() / 1000),
    total,
    data,
    failed,
    done,
    stoppedEarly,
    signal,
    state,
    emit,
    warn: input.onWarning ?? (() => {}),
    progress,
    stopRun,
    stopped,
    handleError,
    info,
    needsSample: (c): c is Challenge =>
      c !== null && c !== undefined && (!c.isCommerce || settings.keepCommercial),
    noSample(candidate, region) {
      done.add(sampleKey(region, candidate));
      emit({ type: 'scored', tag: candidate, region, ...progress() });
    },
    release: () => input.signal?.removeEventListener('abort', onAbort),
  };
}
