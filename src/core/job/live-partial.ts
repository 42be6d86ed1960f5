// Results as they arrive: the pairs of a run in hand, ranked among themselves, at most every 400 ms and always
// once more after the last pair of a burst (a trailing emit), so a view can fill in without redrawing per answer.
import { performance } from 'node:perf_hooks';
import type { RegionCode, RegionResult, ScoringSettings } from '../../shared/model';
import { type RunSamples, scoreRun } from '../pipeline/run';

export interface LivePartialInput {
  candidates: readonly string[];
  /** Lower-case usernames. */
  targets: ReadonlySet<string>;
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  /** The run clock. */
  now: Date;
  /** Filled by the run as pairs complete (see RunInput.samples). */
  samples: RunSamples;
  emit: (partial: { regions: Record<RegionCode, RegionResult>; done: number; total: number }) => void;
  intervalMs?: number;
}

export interface LivePartial {
  /** A pair completed: emit now, or once the interval has passed since the last emit. */
  pairDone(done: number, total: number): void;
  /** The run ended: no emit is left pending. */
  dispose(): void;
}

export function createLivePartial(input: LivePartialInput): LivePartial {
  const interval = input.intervalMs ?? 400;
  const nowSec = Math.floor(input.now.getTime() / 1000);
  // The first pair emits at once, whatever the clock's origin (performance.now() starts near 0 in a new process).
  let last = Number.NEGATIVE_INFINITY;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const emit = (done: number, total: number): void => {
    trailing = undefined;
    last = performance.now();
    const regions = scoreRun(
      input.candidates,
      input.targets,
      input.regions,
      input.settings,
      nowSec,
      input.samples,
      {
        confidence: false,
      },
    );
    input.emit({ regions, done, total });
  };
  return {
    pairDone(done, total) {
      const wait = interval - (performance.now() - last);
      clearTimeout(trailing);
      if (wait <= 0) emit(done, total);
      else trailing = setTimeout(() => emit(done, total), wait);
    },
    dispose() {
      clearTimeout(trailing);
      trailing = undefined;
    },
  };
}
