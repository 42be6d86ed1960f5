// How old a cached answer is. Each entry keeps two times: when it was really fetched (the wall clock) and the
// run clock's time then (which `--now` can fix). A run on a fixed clock judges by the run clock, so simulated
// weeks age as they should; a run on the real clock, `cache prune` and `cache stats` judge by the real time,
// so a run once made with a future `--now` cannot make its answers look fresh until then.
import type { CachedAnswer } from './types';

export interface AgeClock {
  /** The run clock now, in ms. */
  runNow: number;
  /** The wall clock now, in ms; absent when the run's clock is fixed (`--now`). */
  realNow?: number;
}

export function answerAge(a: CachedAnswer, clock: AgeClock): number {
  if (clock.realNow === undefined) return clock.runNow - a.fetchedAt;
  return clock.realNow - (a.fetchedAtReal ?? a.fetchedAt);
}
