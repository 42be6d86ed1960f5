// How long a run has left, from the pace it keeps over its last seconds, not its average since the start. The work
// is its calls: with adaptive sampling a pair ends only once its last page is in, so pairs end late and in bursts
// while the credits climb steadily; the time left follows the credits towards the run's planned credits (the
// estimate shown before it), and the pairs only where no plan is known.

/** A moment of a run: the pairs ended and the credits spent so far, in epoch ms. */
export interface ProgressMark {
  at: number;
  done: number;
  credits: number;
}

/** The credits a run was expected to spend, and at most, from its estimate. */
export interface PlannedCredits {
  expected: number;
  max: number;
}

/** No estimate before this many pairs ended: the first few come in a burst (a tag not found ends at once). */
export const MIN_DONE = 5;
/** The pace is taken over about this long before the latest mark, so an early burst or stall is forgotten. */
const WINDOW_MS = 10_000;
/** ...and over at least this long, so two marks a millisecond apart do not make a pace. */
const MIN_SPAN_MS = 1_500;
/** Marks kept: enough to span the window at hundreds of events a second. */
export const KEEP_MARKS = 400;

/** The marks with one more, when a count moved (the oldest dropped past KEEP_MARKS). */
export function withMark(
  marks: readonly ProgressMark[],
  done: number,
  credits: number,
  at: number,
): ProgressMark[] {
  const last = marks.at(-1);
  if (last && done <= last.done && credits <= last.credits) return marks as ProgressMark[];
  return [...marks.slice(-(KEEP_MARKS - 1)), { at, done, credits }];
}

/** How much of `of` was done per ms over the window before the last mark, or null without a pace yet. */
function pace(marks: readonly ProgressMark[], of: (m: ProgressMark) => number): number | null {
  const last = marks.at(-1)!;
  let base = marks[0]!;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (last.at - marks[i]!.at >= WINDOW_MS) {
      base = marks[i]!;
      break;
    }
  }
  const span = last.at - base.at;
  const moved = of(last) - of(base);
  return span < MIN_SPAN_MS || moved <= 0 ? null : moved / span;
}

/** Seconds left at `now`, or null while there is no pace to go by yet. */
export function secondsLeft(
  marks: readonly ProgressMark[],
  total: number,
  now: number,
  planned?: PlannedCredits | null,
): number | null {
  const last = marks.at(-1);
  if (!last || last.done < MIN_DONE || total <= last.done) return null;
  let msLeft: number | null = null;
  if (planned) {
    // Past the expected credits, the worst case is what is left to spend.
    const goal = last.credits < planned.expected ? planned.expected : planned.max;
    const rate = pace(marks, (m) => m.credits);
    if (rate !== null && goal > last.credits) msLeft = (goal - last.credits) / rate;
  }
  if (msLeft === null) {
    const rate = pace(marks, (m) => m.done);
    if (rate === null) return null;
    msLeft = (total - last.done) / rate;
  }
  return Math.max(0, (msLeft - (now - last.at)) / 1000);
}

/** "a few seconds left", "about 25 s left", "about 3 min left"; '' while there is no estimate. */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 90) return `about ${Math.ceil(seconds / 5) * 5} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
