// Adaptive sampling's decision: which tags need another page because the ranking is still undecided. A score's
// uncertainty comes from a bootstrap over the posts in hand (a fixed seed, so runs repeat): each resample draws
// every tag's posts with replacement and scores the region as the preset does. A tag whose 90 % interval spans
// the top-k cut, or that contends for #1, gets another page, as does one near the top (within 2k on one page,
// within k on two); one clearly inside or outside stops, and says why.
import type { RegionCode, ScoringSettings } from '../../shared/model';
import { type BootstrapOptions, bootstrapRegion } from './confidence';
import { type RegionEntry, scoreRegion } from './score';

export interface ScoreInterval {
  point: number;
  /** The bias-corrected 90 % interval of the bootstrap scores (0–100 when the posts are too few to say). */
  low: number;
  high: number;
}

/** Each ranked candidate's score and its bootstrap 90 % interval (engine/confidence.ts), by candidate. */
export function bootstrapIntervals(
  entries: readonly RegionEntry[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  region: RegionCode,
  opts: BootstrapOptions = {},
): Map<string, ScoreInterval> {
  const point = scoreRegion(entries, targets, settings, nowSec, region);
  const conf = bootstrapRegion(entries, point, targets, settings, nowSec, opts);
  // A tag with too few posts for an interval could score anywhere: it spans every cut, so it gets more pages.
  return new Map(
    point.ranked.map((t) => [
      t.candidate,
      { point: t.score, low: conf.get(t.candidate)!.low ?? 0, high: conf.get(t.candidate)!.high ?? 100 },
    ]),
  );
}

/** The places that matter by default: the top k, sampled in full. */
export const ADAPTIVE_TOP_K = 10;

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
  opts: BootstrapOptions & {
    topK?: number;
    /** The pages the open candidates have in hand (default 1). */
    pagesInHand?: number;
  } = {},
): SampleDecision {
  const topK = opts.topK ?? ADAPTIVE_TOP_K;
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
    // judged on it alone, whatever its interval says. With two pages in hand the ranks hold (the bench measures
    // it), so only the top k are always sampled in full, and the rest by their interval.
    const nearTop = i < ((opts.pagesInHand ?? 1) <= 1 ? 2 * topK : topK);
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
