// How a stopped tag's estimate joins its 'sampled-less' flag's words: one home for joining and parting them, so the
// reports and the detail pane, which say the estimate on a line of its own, can say the flag without it.
import type { Flag, ScoreEstimate } from './model';

const SCORE_IS = ' Its score is ';

/** The 'sampled-less' flag's words with the estimate's (as the engine stores them: JSON, CSV, history). */
export const flagReasonWith = (base: string, e: ScoreEstimate): string => `${base}${SCORE_IS}${e.text}.`;

/** The flag's words without the estimate's, so a re-weigh can say the new ones. */
export const flagReasonWithout = (reason: string, e: ScoreEstimate): string => {
  const tail = `${SCORE_IS}${e.text}.`;
  return reason.endsWith(tail) ? reason.slice(0, -tail.length) : reason;
};

/** A flag's words where the tag's estimate has a line of its own: the estimate said there, not twice. */
export const flagReasonBesideEstimate = (f: Flag, e: ScoreEstimate | undefined): string =>
  e && f.kind === 'sampled-less' ? flagReasonWithout(f.reason, e) : f.reason;
