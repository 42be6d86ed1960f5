// A tag set to post with, per region: the user posts a handful of tags, not a ranking. Greedy from the top, down to
// half the best score: a tag joins the set unless it is a poor pick (shadow-limited, commercial, no posts
// here), it would be a second saturated broad tag, or it mostly reaches the same posts as a tag already picked
// (co-occurrence in the samples). Each pick says why; each higher scorer left out says why too.
import type { RegionResult } from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';
import { type RegionPicks, sharePercent, type TagPick } from '../../shared/discover';
import { sharedReach } from './cooccurrence';

export interface PickOptions {
  /** Tags in the set (default 5). */
  k?: number;
  /** Two tags whose shared reach is above this are near-duplicates: only the higher is kept (default 0.5). */
  maxShared?: number;
}

// sharedReach reads only the two samples and the two tags' names: remembered per pair of sample objects, so the
// tag sets of every re-score over the same samples (a slider step's) read no caption again. Weak both ways: the
// memory goes with the samples.
const reachMemo = new WeakMap<object, WeakMap<object, Map<string, number>>>();
type Named = { candidate: string; tag: string };
function reachOf(a: Named, b: Named, sampleOf: (candidate: string) => readonly HeldPost[]): number {
  const sa = sampleOf(a.candidate);
  const sb = sampleOf(b.candidate);
  let bySample = reachMemo.get(sa);
  if (!bySample) reachMemo.set(sa, (bySample = new WeakMap()));
  let byNames = bySample.get(sb);
  if (!byNames) bySample.set(sb, (byNames = new Map()));
  // The lengths too: a sample still being paged grows in place (paging.ts).
  const key = `${a.candidate}\n${a.tag}\n${sa.length}\n${b.candidate}\n${b.tag}\n${sb.length}`;
  let shared = byNames.get(key);
  if (shared === undefined) byNames.set(key, (shared = sharedReach(a, b, sampleOf)));
  return shared;
}

export function pickTagSet(
  result: RegionResult,
  sampleOf: (candidate: string) => readonly HeldPost[],
  opts: PickOptions = {},
): RegionPicks {
  const k = opts.k ?? 5;
  const maxShared = opts.maxShared ?? 0.5;
  const picks: (TagPick & { saturated: boolean })[] = [];
  const passedOver: RegionPicks['passedOver'] = [];
  // A score under half the best one's is not a high score: min-max puts the last tag at 0 whatever it is worth, so
  // a short list would otherwise fill the set with its bottom tags.
  const floor = (result.ranked[0]?.score ?? 0) / 2;
  for (const t of result.ranked) {
    if (picks.length >= k || (picks.length > 0 && t.score < floor)) break;
    const poor = t.flags.find(
      (f) => f.kind === 'shadow-limited' || f.kind === 'commercial' || f.kind === 'no-posts',
    );
    if (poor) {
      passedOver.push({ tag: t.tag, score: t.score, reason: `${poor.kind}: ${poor.reason}` });
      continue;
    }
    const saturated = t.flags.some((f) => f.kind === 'saturated');
    if (saturated && picks.some((p) => p.saturated)) {
      const broad = picks.find((p) => p.saturated)!;
      passedOver.push({
        tag: t.tag,
        score: t.score,
        reason: `a second saturated broad tag; the set keeps one (#${broad.tag})`,
      });
      continue;
    }
    const overlaps = picks
      .map((p) => ({ p, shared: reachOf(t, p, sampleOf) }))
      .sort((a, b) => b.shared - a.shared);
    const closest = overlaps[0];
    if (closest && closest.shared > maxShared) {
      passedOver.push({
        tag: t.tag,
        score: t.score,
        reason: `reaches the same posts as #${closest.p.tag} (${sharePercent(closest.shared)} shared), which scores higher`,
      });
      continue;
    }
    const reason =
      picks.length === 0
        ? `the highest score in ${result.region}${saturated ? ' (a saturated broad tag: reach, little discovery)' : ''}`
        : saturated
          ? `score ${t.score.toFixed(2)}; the set's one saturated broad tag, for reach`
          : `score ${t.score.toFixed(2)}; reaches posts the others do not (at most ${sharePercent(closest?.shared ?? 0)} shared, with #${closest?.p.tag})`;
    picks.push({ tag: t.tag, candidate: t.candidate, score: t.score, reason, saturated });
  }
  return {
    region: result.region,
    picks: picks.map(({ saturated: _s, ...p }) => p),
    passedOver,
  };
}
