// The best time to post in a region, from the sampled posts' creation times and likes: windows of 2–4 local hours
// compared with the rest of the day, each post's likes on a log scale against its own tag's median (so a big tag
// does not decide). A window is named only when it beats chance after looking at every window: the maximum over
// windows is compared with the same maximum under permutations of the hours within each tag (family-wise p).
import type { HeldPost } from '../pipeline/lean-posts';
import type { BestTime, HourEvidence, TimingEvidence } from '../../shared/plan';
import { hashString, mulberry32, type Rng } from '../prng';
import { localHour } from './time-zones';

const DAY_S = 86_400;
const WIDTHS = [2, 3, 4] as const;

export interface TimingOptions {
  region: string;
  timeZone: string;
  /** The run's clock in epoch ms: posts younger than a day at this time are left out. */
  now: number;
  /** Permutations for the family-wise p (default 999). */
  permutations?: number;
  /** Bootstrap resamples for the lift's interval (default 400). */
  resamples?: number;
  /** The family-wise error rate a window must beat (default 0.05). */
  alpha?: number;
  /** Below this many usable posts the region claims nothing (default 150). */
  minPosts?: number;
  seed?: number;
}

/** The posts of one tag in the region. */
export interface TagPosts {
  tag: string;
  posts: readonly HeldPost[];
}

interface Prepared {
  y: Float64Array;
  hour: Int32Array;
  /** Start offsets of each tag's posts in y and hour, plus the end. */
  groups: number[];
  leftOutYoung: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Usable posts: dated, a day old or more, each once (the first tag it was sampled under), in tags of 5 or more. */
function prepare(samples: readonly TagPosts[], opts: TimingOptions): Prepared {
  const seen = new Set<string>();
  const nowS = opts.now / 1000;
  const ys: number[] = [];
  const hours: number[] = [];
  const groups: number[] = [0];
  let leftOutYoung = 0;
  for (const s of samples) {
    const kept: HeldPost[] = [];
    for (const p of s.posts) {
      if (seen.has(p.id) || p.createTime <= 0) continue;
      seen.add(p.id);
      if (nowS - p.createTime < DAY_S) {
        leftOutYoung++;
        continue;
      }
      kept.push(p);
    }
    if (kept.length < 5) continue;
    const logs = kept.map((p) => Math.log1p(Math.max(0, p.likes)));
    const mid = median(logs);
    kept.forEach((p, i) => {
      ys.push(logs[i]! - mid);
      hours.push(localHour(opts.timeZone, p.createTime * 1000));
    });
    groups.push(ys.length);
  }
  return { y: Float64Array.from(ys), hour: Int32Array.from(hours), groups, leftOutYoung };
}

interface Window {
  start: number;
  width: number;
  diff: number;
  t: number;
}

/** Every window's difference in mean (inside − outside) and its t against the pooled spread; the largest t. */
function strongestWindow(y: Float64Array, hour: Int32Array, sd: number, minIn: number): Window | null {
  const sums = new Float64Array(24);
  const counts = new Int32Array(24);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    sums[hour[i]!]! += y[i]!;
    counts[hour[i]!]!++;
    total += y[i]!;
  }
  const n = y.length;
  let best: Window | null = null;
  for (const width of WIDTHS) {
    for (let start = 0; start < 24; start++) {
      let sIn = 0;
      let nIn = 0;
      for (let k = 0; k < width; k++) {
        sIn += sums[(start + k) % 24]!;
        nIn += counts[(start + k) % 24]!;
      }
      const nOut = n - nIn;
      if (nIn < minIn || nOut < minIn) continue;
      const diff = sIn / nIn - (total - sIn) / nOut;
      const t = diff / (sd * Math.sqrt(1 / nIn + 1 / nOut));
      if (!best || t > best.t) best = { start, width, diff, t };
    }
  }
  return best;
}

const shuffleWithin = (hour: Int32Array, groups: number[], rng: Rng): void => {
  for (let g = 0; g + 1 < groups.length; g++) {
    const lo = groups[g]!;
    for (let i = groups[g + 1]! - 1; i > lo; i--) {
      const j = lo + Math.floor(rng() * (i - lo + 1));
      const h = hour[i]!;
      hour[i] = hour[j]!;
      hour[j] = h;
    }
  }
};

const inWindow = (h: number, w: { start: number; width: number }): boolean =>
  (h - w.start + 24) % 24 < w.width;

/** The lift's 95 % percentile interval, resampling posts within each tag (the window held fixed). */
function liftInterval(p: Prepared, w: Window, resamples: number, rng: Rng): [number, number] {
  const diffs: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let sIn = 0;
    let nIn = 0;
    let sOut = 0;
    let nOut = 0;
    for (let g = 0; g + 1 < p.groups.length; g++) {
      const lo = p.groups[g]!;
      const size = p.groups[g + 1]! - lo;
      for (let k = 0; k < size; k++) {
        const i = lo + Math.floor(rng() * size);
        if (inWindow(p.hour[i]!, w)) {
          sIn += p.y[i]!;
          nIn++;
        } else {
          sOut += p.y[i]!;
          nOut++;
        }
      }
    }
    if (nIn > 0 && nOut > 0) diffs.push(sIn / nIn - sOut / nOut);
  }
  diffs.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.exp(diffs[Math.min(diffs.length - 1, Math.floor(q * diffs.length))] ?? 0);
  return [at(0.025), at(0.975)];
}

function hourEvidence(p: Prepared): HourEvidence[] {
  const out: HourEvidence[] = [];
  for (let h = 0; h < 24; h++) {
    const ys: number[] = [];
    for (let i = 0; i < p.y.length; i++) if (p.hour[i] === h) ys.push(p.y[i]!);
    const n = ys.length;
    const mean = n > 0 ? ys.reduce((a, b) => a + b, 0) / n : 0;
    const sd = n > 1 ? Math.sqrt(ys.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
    const half = n > 1 ? (1.96 * sd) / Math.sqrt(n) : 0;
    out.push({
      hour: h,
      posts: n,
      lift: Math.exp(mean),
      low: Math.exp(mean - half),
      high: Math.exp(mean + half),
    });
  }
  return out;
}

const clock = (h: number): string => `${String(h % 24).padStart(2, '0')}:00`;

/** The best time to post in the region, or none with the reason; 0 credits: it reads the posts a run fetched. */
export function bestTimeOf(samples: readonly TagPosts[], opts: TimingOptions): TimingEvidence {
  const p = prepare(samples, opts);
  const n = p.y.length;
  const base = { region: opts.region, timeZone: opts.timeZone, posts: n, leftOutYoung: p.leftOutYoung };
  const minPosts = opts.minPosts ?? 150;
  const mean = n > 0 ? p.y.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(p.y.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const observed = n >= minPosts && sd > 0 ? strongestWindow(p.y, p.hour, sd, Math.ceil(n / 48)) : null;
  if (!observed)
    return {
      ...base,
      bestTime: null,
      strongest: null,
      byHour: hourEvidence(p),
      verdict: `no clear best time in ${opts.region}: ${n} dated posts a day old or more, too few to compare hours (${minPosts} needed); post when your audience is awake`,
    };
  const rng = mulberry32(hashString(`${opts.region}|${opts.seed ?? 0}`));
  const permutations = opts.permutations ?? 999;
  const shuffled = Int32Array.from(p.hour);
  let asStrong = 0;
  for (let b = 0; b < permutations; b++) {
    shuffleWithin(shuffled, p.groups, rng);
    const w = strongestWindow(p.y, shuffled, sd, Math.ceil(n / 48));
    if (w && w.t >= observed.t) asStrong++;
  }
  const pValue = (1 + asStrong) / (1 + permutations);
  const from = clock(observed.start);
  const to = clock(observed.start + observed.width);
  const lift = Math.exp(observed.diff);
  const strongest = { from, to, lift, p: pValue };
  if (pValue > (opts.alpha ?? 0.05))
    return {
      ...base,
      bestTime: null,
      strongest,
      byHour: hourEvidence(p),
      verdict: `no clear best time in ${opts.region}: no window of hours beats the rest by more than chance (the strongest, ${from}–${to}, family-wise p = ${pValue.toFixed(2)}); post when your audience is awake`,
    };
  const interval = liftInterval(p, observed, opts.resamples ?? 400, rng);
  const bestTime: BestTime = { from, to, timeZone: opts.timeZone, lift, interval, p: pValue };
  return {
    ...base,
    bestTime,
    strongest,
    byHour: hourEvidence(p),
    verdict: `best time in ${opts.region}: ${from}–${to} ${opts.timeZone}; posts made then got ${lift.toFixed(1)}× the likes of the rest (95 % interval ${interval[0].toFixed(1)}–${interval[1].toFixed(1)}, family-wise p = ${pValue.toFixed(3)})`,
  };
}
