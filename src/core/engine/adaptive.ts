// Adaptive sampling's decision: which tags need another page because the ranking is still undecided. A score's
// uncertainty comes from a bootstrap over the posts in hand (a fixed seed, so runs repeat): each resample draws
// every tag's posts with replacement and scores the region as the preset does. A tag whose 90 % interval spans
// the top-k cut, or that contends for #1, gets another page; one clearly inside or outside stops, and says why.
import type { RegionCode, ScoringSettings } from '../../shared/model';
import { hashString, mulberry32 } from '../prng';
import { type RegionEntry, scoreRegion } from './score';

export interface ScoreInterval {
  point: number;
  /** 5th and 95th percentiles of the bootstrap scores. */
  low: number;
  high: number;
}

export interface BootstrapOptions {
  resamples?: number;
  /** Mixed with the region, so every region gets its own stream and a run repeats exactly. */
  seed?: number;
}

const DEFAULT_RESAMPLES = 200;

const quantile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
};

/** Each ranked candidate's score and its bootstrap 90 % interval, by candidate. */
export function bootstrapIntervals(
  entries: readonly RegionEntry[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  region: RegionCode,
  opts: BootstrapOptions = {},
): Map<string, ScoreInterval> {
  const point = scoreRegion(entries, targets, settings, nowSec, region);
  const scores = new Map<string, number[]>(point.ranked.map((t) => [t.candidate, []]));
  const rng = mulberry32(hashString(`${opts.seed ?? 20_261_120}|${region}`));
  const n = opts.resamples ?? DEFAULT_RESAMPLES;
  for (let b = 0; b < n; b++) {
    const resampled = entries.map((e) => {
      const k = e.posts.length;
      if (k === 0) return e;
      const posts = new Array(k);
      for (let i = 0; i < k; i++) posts[i] = e.posts[Math.floor(rng() * k)];
      return { ...e, posts };
    });
    for (const t of scoreRegion(resampled, targets, settings, nowSec, region).ranked)
      scores.get(t.candidate)?.push(t.score);
  }
  const out = new Map<string, ScoreInterval>();
  for (const t of point.ranked) {
    const s = (scores.get(t.candidate) ?? []).sort((a, b) => a - b);
    out.set(t.candidate, { point: t.score, low: quantile(s, 0.05), high: quantile(s, 0.95) });
  }
  return out;
}

export interface SampleDecision {
  /** Candidates to fetch another page for. */
  fetch: Set<string>;
  /** Candidates that stop here though the API has more, with the reason in words. */
  stop: Map<string, string>;
}

/**
 * Which candidates of a region need another page. `canFetchMore` names those the API still has pages for (and
 * the preset's page limit allows); the others are final whatever the decision.
 */
export function decideSampling(
  entries: readonly RegionEntry[],
  canFetchMore: ReadonlySet<string>,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  region: RegionCode,
  opts: BootstrapOptions & { topK?: number } = {},
): SampleDecision {
  const topK = opts.topK ?? 10;
  const intervals = bootstrapIntervals(entries, targets, settings, nowSec, region, opts);
  const ranked = [...intervals.entries()].sort((a, b) => b[1].point - a[1].point);
  const fetch = new Set<string>();
  const stop = new Map<string, string>();
  if (ranked.length === 0) return { fetch, stop };
  // The cut between the top k and the rest, when there is a rest.
  const cut = ranked.length > topK ? (ranked[topK - 1]![1].point + ranked[topK]![1].point) / 2 : undefined;
  const first = ranked[0]![1];
  const second = ranked[1]?.[1];
  const fmt = (x: number): string => x.toFixed(1);
  ranked.forEach(([candidate, iv], i) => {
    if (!canFetchMore.has(candidate)) return;
    // Pages come newest first, so a first page flatters velocity: a tag near the top (within twice k) is not
    // judged on it alone, whatever its interval says.
    const nearTop = i < 2 * topK;
    const spansCut = nearTop || (cut !== undefined && iv.low <= cut && cut <= iv.high);
    const contendsForFirst = i === 0 ? second !== undefined && iv.low <= second.high : iv.high >= first.low;
    if (spansCut) fetch.add(candidate);
    else if (contendsForFirst) fetch.add(candidate);
    else {
      const where =
        cut === undefined
          ? `well behind #1 (${fmt(first.low)}–${fmt(first.high)})`
          : iv.low > cut
            ? `clearly in the top ${topK} (cut ${fmt(cut)})`
            : `clearly outside the top ${topK} (cut ${fmt(cut)})`;
      stop.set(candidate, `the ranking was decided: score ${fmt(iv.low)}–${fmt(iv.high)} (90 %), ${where}`);
    }
  });
  return { fetch, stop };
}
