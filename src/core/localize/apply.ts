// The picker and the plan post with the local variant in a region where its sampled score beats the candidate's
// (both scored together there by `localize --sample`), and say so in the pick's reason.
import type { RegionPicks } from '../../shared/discover';
import { type Equivalent, outscores } from '../../shared/localize';
import { hashtagKey } from '../../shared/hashtag';

/** A region's tag set with each pick swapped for its variant where the variant outscores it. */
export function localisePicks(picks: RegionPicks, sampled: readonly Equivalent[]): RegionPicks {
  if (sampled.length === 0) return picks;
  const inSet = new Set(picks.picks.map((p) => hashtagKey(p.tag)));
  return {
    ...picks,
    picks: picks.picks.map((p) => {
      const best = sampled
        .filter(
          (e) =>
            e.region === picks.region &&
            hashtagKey(e.tag) === hashtagKey(p.candidate) &&
            outscores(e) &&
            !inSet.has(hashtagKey(e.equivalent)),
        )
        .sort((a, b) => b.score! - a.score!)[0];
      if (!best) return p;
      inSet.add(hashtagKey(best.equivalent));
      return {
        ...p,
        tag: best.equivalent,
        reason: `in place of #${p.tag}: its local variant outscores it in ${picks.region} (${best.score!.toFixed(2)} against ${best.tagScore!.toFixed(2)}, scored together); #${p.tag}'s ${p.reason}`,
      };
    }),
  };
}
