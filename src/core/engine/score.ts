// Scores and ranks one region's candidate hashtags: the reference method (seed) or a robust preset.
import type {
  Challenge,
  ExcludedTag,
  RegionCode,
  RegionResult,
  ScoredTag,
  ScoringSettings,
  Weights,
} from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';
import {
  appliesTo,
  correctMetrics,
  flagReasonWith,
  normalisedRanges,
  type PageOrderCorrection,
  scoreEstimate,
} from './adaptive-correction';
import { roundHalfEven } from './decimal';
import { commercialFlag, flagTag, noPostsFlag, notFoundFlag } from './flags';
import type { CompactSample } from './compact-samples';
import { compactMetrics, computeMetrics, type RawMetrics } from './metrics';
import { type NormalisedMetrics, normaliseMetrics } from './normalise';

export interface RegionEntry {
  /** The candidate as listed (normalised by the list reader). */
  candidate: string;
  /** null when TikLiveAPI does not know the hashtag. */
  challenge: Challenge | null;
  /** The posts sampled in this region, as served. */
  posts: readonly HeldPost[];
  /** The same sample compact (compact-samples.ts): read instead of `posts` when given (a run's held samples). */
  sample?: CompactSample;
  /** Why Tagfit itself sampled fewer pages than asked for (adaptive sampling, a stopped run), if it did. */
  stoppedEarly?: string;
  /** Why adaptive sampling left the tag in the tie band at the top-k boundary, if it did. */
  tieBand?: string;
  /** Adaptive sampling stopped the pair early: its metrics are moved to estimate its full sample's. */
  correction?: PageOrderCorrection;
}

/** The reference's ad penalty for a commercial tag (only reachable when commercial tags are kept). */
export const AD_PENALTY = 0.5;

/** The 0-100 score of normalised metrics under the preset's weights, before rounding. */
export function unroundedScore(n: NormalisedMetrics, isCommerce: boolean, w: Weights): number {
  const adPenalty = isCommerce ? AD_PENALTY : 0;
  // Same operations in the same order as the reference, so the doubles (and the rounding) agree.
  return (
    100 * (w.velocity * n.velocity + w.density * n.density + w.overlap * n.overlap - w.adPenalty * adPenalty)
  );
}

/** The score as reported: rounded to 2 decimals, half to even, as the reference's round() does. */
export const weighScore = (n: NormalisedMetrics, isCommerce: boolean, w: Weights): number =>
  roundHalfEven(unroundedScore(n, isCommerce, w), 2);

/** How many posts an entry's sample holds, whichever form it is in. */
export const servedOf = (e: RegionEntry): number => (e.sample ? e.sample.likes.length : e.posts.length);

export function scoreRegion(
  entries: readonly RegionEntry[],
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  region: RegionCode,
): RegionResult {
  const excluded: ExcludedTag[] = [];
  const kept: {
    entry: RegionEntry;
    challenge: Challenge;
    name: string;
    metrics: RawMetrics;
    /** The metrics scored: the in-hand ones, corrected when the entry has a correction that holds here. */
    scored: RawMetrics;
    correction: PageOrderCorrection | undefined;
  }[] = [];
  // The reference keys its results by candidate, so a candidate listed twice is scored once: the first.
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.candidate)) continue;
    seen.add(entry.candidate);
    const { challenge } = entry;
    if (challenge === null) {
      excluded.push({
        tag: entry.candidate,
        kind: 'not-found',
        reason: notFoundFlag(entry.candidate).reason,
      });
      continue;
    }
    // A challenge without cha_name is still the candidate the user asked for.
    const name = challenge.name !== '' ? challenge.name : entry.candidate;
    if (challenge.isCommerce && !settings.keepCommercial) {
      excluded.push({
        tag: name,
        kind: 'commercial',
        reason: `${commercialFlag({ ...challenge, name }).reason} Excluded; the paid preset, or keeping commercial tags, scores it with the ad penalty.`,
      });
      continue;
    }
    // The robust presets leave a tag with no post here out of the ranking; seed ranks it at 0, as the reference.
    if (servedOf(entry) === 0 && settings.preset !== 'seed') {
      excluded.push({
        tag: name,
        kind: 'no-posts',
        reason: `${noPostsFlag(name).reason} Nothing to score, so it is not ranked.`,
      });
      continue;
    }
    const metrics = entry.sample
      ? compactMetrics(entry.sample, targets, nowSec, settings)
      : computeMetrics(entry.posts, targets, nowSec, settings);
    const correction =
      entry.correction && appliesTo(entry.correction, settings) ? entry.correction : undefined;
    const scored = correction ? correctMetrics(metrics, correction) : metrics;
    kept.push({ entry, challenge, name, metrics, scored, correction });
  }

  const normalised = normaliseMetrics(
    kept.map((k) => k.scored),
    settings,
  );
  const w = settings.weights;
  const ranges = kept.some((k) => k.correction)
    ? normalisedRanges(
        kept.map((k) => k.scored),
        settings,
      )
    : undefined;
  const scored: ScoredTag[] = kept.map(({ entry, challenge, name, metrics, scored: m, correction }, i) => {
    const n = normalised[i]!;
    const score = weighScore(n, challenge.isCommerce, w);
    const estimate =
      correction && ranges
        ? scoreEstimate(correction, metrics, m, n, ranges, challenge.isCommerce, settings)
        : undefined;
    return {
      tag: name,
      candidate: entry.candidate,
      rank: 0,
      score,
      velocity: metrics.velocity,
      density: metrics.density,
      overlap: metrics.overlap,
      normalised: { ...n },
      sample: metrics.sample,
      served: metrics.served,
      distinctAuthors: metrics.distinctAuthors,
      targetAuthors: metrics.targetAuthors,
      medianLikes: metrics.medianLikes,
      meanLikes: metrics.meanLikes,
      newestPostAt: metrics.newestPostAt,
      userCount: challenge.userCount,
      viewCount: challenge.viewCount,
      isCommerce: challenge.isCommerce,
      flags: [
        ...flagTag(challenge, metrics, settings, nowSec, name, entry.stoppedEarly).map((f) =>
          estimate && f.kind === 'sampled-less' ? { ...f, reason: flagReasonWith(f.reason, estimate) } : f,
        ),
        ...(entry.tieBand
          ? [
              {
                kind: 'tie-band' as const,
                reason: `${entry.tieBand.charAt(0).toUpperCase()}${entry.tieBand.slice(1)}.`,
              },
            ]
          : []),
      ],
      ...(entry.stoppedEarly ? { stoppedEarly: entry.stoppedEarly } : {}),
      ...(entry.tieBand ? { tieBand: entry.tieBand } : {}),
      ...(estimate ? { inHandScore: estimate.inHandScore, estimate } : {}),
    };
  });

  // Array.prototype.sort is stable, so equal scores keep the input order, as Python's sorted() does.
  scored.sort((a, b) => b.score - a.score);
  scored.forEach((t, i) => {
    t.rank = i + 1;
  });
  return { region, ranked: scored, excluded };
}
