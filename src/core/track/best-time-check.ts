// Did posts made at the suggested time do better? The plan's best-time window of a region (core/plan/best-time.ts,
// from a run's samples), and the track record's matched posts split by it: the two groups' median likes at equal age
// and a seeded bootstrap interval for the difference, said with the same honesty as the correlation.
import type { RegionCode } from '../../shared/model';
import type { BestTimeCheck, TrackedPost } from '../../shared/track';
import { median as medianOf } from '../engine/metrics';
import { planOf } from '../job/plan-job';
import type { SampledRun } from '../job/discover-job';
import { hashString, mulberry32 } from '../prng';
import { localHour } from '../plan/time-zones';

export type { BestTimeCheck };

/** Fewer matched posts than this inside or outside the window and no difference is claimed. */
export const MIN_GROUP = 10;
const RESAMPLES = 1000;

export type BestTimeWindow = NonNullable<BestTimeCheck['window']>;

/** A region's suggested window, or null with why none was suggested. */
export interface SuggestedWindow {
  region: RegionCode;
  window: BestTimeWindow | null;
  /** Why there is no window (e.g. the plan's "no clear best time in DE: …"); empty when there is one. */
  reason: string;
}

/** The plan's best time for `region` from a run's samples (0 credits), exactly as `tagfit plan` computes it. */
export function suggestedWindow(
  run: SampledRun & { result: { now: string } },
  region: RegionCode,
  now: number,
): SuggestedWindow {
  const plan = planOf({ run, weeks: 1, perWeek: 1, now, regions: [region] });
  const skipped = plan.skipped.find((s) => s.region === region);
  if (skipped) return { region, window: null, reason: skipped.reason };
  const r = plan.regions[region];
  if (!r) return { region, window: null, reason: `the last run's samples hold no post of ${region}` };
  if (!r.bestTime) return { region, window: null, reason: r.evidence.verdict };
  const { from, to, timeZone } = r.bestTime;
  return { region, window: { from, to, timeZone }, reason: '' };
}

const hourOf = (hhmm: string): number => Number(hhmm.slice(0, 2));

/** Whether a moment falls in the window's local hours (the end exclusive; a window may cross midnight). */
export function insideWindow(w: BestTimeWindow, epochMs: number): boolean {
  const start = hourOf(w.from);
  const width = (hourOf(w.to) - start + 24) % 24 || 24;
  return (localHour(w.timeZone, epochMs) - start + 24) % 24 < width;
}

const median = (xs: readonly number[]): number => medianOf(Float64Array.from(xs));

/** Median(a) − median(b) and its bootstrap 90 % interval, each group resampled on its own (seeded). */
export function medianDifference(
  a: readonly number[],
  b: readonly number[],
  seed: string,
): { value: number; low: number; high: number } {
  const rng = mulberry32(hashString(`track-best-time|${seed}`));
  const ba = new Float64Array(a.length);
  const bb = new Float64Array(b.length);
  const diffs = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    for (let i = 0; i < a.length; i++) ba[i] = a[Math.floor(rng() * a.length)]!;
    for (let i = 0; i < b.length; i++) bb[i] = b[Math.floor(rng() * b.length)]!;
    diffs[r] = medianOf(ba) - medianOf(bb);
  }
  diffs.sort();
  const at = (q: number): number => diffs[Math.min(RESAMPLES - 1, Math.floor(q * RESAMPLES))]!;
  return { value: median(a) - median(b), low: at(0.05), high: at(0.95) };
}

/** Two decimals, and no "-0.00" for a difference that rounds to nothing. */
const f2 = (x: number): string => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

/** The matched posts (settled, with a scored hashtag) made inside the suggested window against the rest. */
export function checkBestTime(
  posts: readonly TrackedPost[],
  suggested: SuggestedWindow,
  seed: string,
): BestTimeCheck {
  const { region, window } = suggested;
  const matched = posts.filter((p) => p.tagScore !== undefined && p.settled !== false);
  const none = { posts: 0, median: null };
  if (!window)
    return {
      region,
      window: null,
      inside: none,
      outside: {
        posts: matched.length,
        median: matched.length > 0 ? median(matched.map((p) => p.relLikes)) : null,
      },
      difference: null,
      verdict: `No best time was suggested in ${region}${suggested.reason ? ` (${suggested.reason})` : ''}: nothing to check the posts' times against.`,
    };
  const ins: number[] = [];
  const outs: number[] = [];
  for (const p of matched) (insideWindow(window, Date.parse(p.postedAt)) ? ins : outs).push(p.relLikes);
  const inside = { posts: ins.length, median: ins.length > 0 ? median(ins) : null };
  const outside = { posts: outs.length, median: outs.length > 0 ? median(outs) : null };
  const when = `${window.from}–${window.to} ${window.timeZone}`;
  const base = { region, window, inside, outside };
  if (ins.length < MIN_GROUP || outs.length < MIN_GROUP)
    return {
      ...base,
      difference: null,
      verdict: `Not enough evidence yet on the suggested time: ${ins.length} matched posts were made inside ${when} and ${outs.length} outside; ${MIN_GROUP} are needed in each.`,
    };
  const difference = medianDifference(ins, outs, seed);
  const interval = `90 % interval ${f2(difference.low)} to ${f2(difference.high)}${difference.low <= 0 && difference.high >= 0 ? ', which includes 0' : ''}`;
  const said = `posts made inside ${when} got a median ${f2(inside.median!)}× the likes of the account's posts of the same age, those outside ${f2(outside.median!)}× (difference ${f2(difference.value)}, ${interval}; ${ins.length} and ${outs.length} posts)`;
  const verdict =
    difference.low > 0
      ? `Posts at the suggested time did better: ${said}.`
      : difference.high < 0
        ? `Posts at the suggested time did worse: ${said}.`
        : `No difference can be told apart from chance: ${said}.`;
  return { ...base, difference, verdict };
}
