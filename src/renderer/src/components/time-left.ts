// How long a job has left, from the pace it keeps: the rate of its recent ends, not its average since the start
// (the start reads each tag's info before any pair can end, so an average from there overshoots several times).

/** A moment a count of items had ended, in epoch ms. */
export interface ProgressMark {
  at: number;
  done: number;
}

/** No estimate before this many items ended: the first few come in a burst (a tag not found ends at once). */
export const MIN_DONE = 5;
/** The rate is taken over about this long before the latest end, so an early burst or stall is forgotten. */
const WINDOW_MS = 10_000;
/** ...and over at least this long, so two ends a millisecond apart do not make a rate. */
const MIN_SPAN_MS = 1_500;
/** Marks kept: enough to span the window at hundreds of ends a second. */
export const KEEP_MARKS = 400;

/** The marks with one more, when the count moved (the oldest dropped past KEEP_MARKS). */
export function withMark(marks: readonly ProgressMark[], done: number, at: number): ProgressMark[] {
  const last = marks.at(-1);
  if (last && done <= last.done) return marks as ProgressMark[];
  return [...marks.slice(-(KEEP_MARKS - 1)), { at, done }];
}

/** Seconds left at `now`, or null while there is no pace to go by yet. */
export function secondsLeft(marks: readonly ProgressMark[], total: number, now: number): number | null {
  const last = marks.at(-1);
  if (!last || last.done < MIN_DONE || total <= last.done) return null;
  let base = marks[0]!;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (last.at - marks[i]!.at >= WINDOW_MS) {
      base = marks[i]!;
      break;
    }
  }
  const span = last.at - base.at;
  const ended = last.done - base.done;
  if (span < MIN_SPAN_MS || ended < 2) return null;
  const msLeft = ((total - last.done) * span) / ended - (now - last.at);
  return Math.max(0, msLeft / 1000);
}

/** "a few seconds left", "about 25 s left", "about 3 min left"; '' while there is no estimate. */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 90) return `about ${Math.ceil(seconds / 5) * 5} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
