// Local-language variants of a candidate per region, as the CLI's --json, the app and the reports show them
// (found in core/localize from the samples in hand, or declared in the workspace's variants.csv).
import { sharePercent } from './discover';
import type { RegionCode } from './model';

/** One variant of a candidate in a region: the shape of `tagfit localize --json`'s `equivalents`. */
export interface Equivalent {
  /** The candidate. */
  tag: string;
  region: RegionCode;
  /** The local variant to post with there. */
  equivalent: string;
  /** The candidate's sampled posts in the region that carry the variant too. */
  posts: number;
  /** posts ÷ the candidate's sampled posts in the region. */
  share: number;
  /** The share of the candidate's sampled posts in the other regions that carry it. */
  shareElsewhere: number;
  source: 'found' | 'declared';
  /** The variant's score in the region, scored together with the region's candidates (null until sampled). */
  score: number | null;
  /** The candidate's score in that same scoring (null until sampled). */
  tagScore: number | null;
}

/** What the rule weighed, beside the figures the JSON carries: the units, the test and how many were tested. */
export interface EquivalentEvidence extends Equivalent {
  /** The candidate's sampled posts in the region, and elsewhere. */
  regionPosts: number;
  postsElsewhere: number;
  /** Distinct creators carrying the variant in the region, of `regionCreators`: the evidence's units. */
  creators: number;
  regionCreators: number;
  /** Distinct creators carrying it in the candidate's samples elsewhere, of `creatorsElsewhere`. */
  creatorsWithElsewhere: number;
  creatorsElsewhere: number;
  /** Fisher's exact one-sided p (region against elsewhere, in creators); null for a declared pair never seen. */
  p: number | null;
  /** The (candidate, region, tag) pairs tested in the run, and the false discovery rate controlled across them. */
  tested: number;
  fdr: number;
  /** Why a sampled pair has no score (not found, no posts in the region, the budget), when it has none. */
  note?: string;
}

/** The JSON entry of an equivalent: exactly the documented keys, in their order. */
export const equivalentJson = (e: Equivalent): Equivalent => ({
  tag: e.tag,
  region: e.region,
  equivalent: e.equivalent,
  posts: e.posts,
  share: e.share,
  shareElsewhere: e.shareElsewhere,
  source: e.source,
  score: e.score,
  tagScore: e.tagScore,
});

/** A p-value as people read it: "p = 0.003", "p < 0.0001". */
export const pText = (p: number): string =>
  p < 0.0001 ? 'p < 0.0001' : `p = ${p < 0.01 ? p.toPrecision(1) : p.toFixed(3)}`;

/** The evidence for a variant in words, as the CLI, the app and the reports say it. */
export function equivalentEvidence(e: EquivalentEvidence): string {
  const seen =
    e.regionPosts === 0
      ? `no sampled post of #${e.tag} in ${e.region} yet`
      : `on ${e.posts} of ${e.regionPosts} posts of #${e.tag} in ${e.region} (${sharePercent(e.share)}) by ${e.creators} of ${e.regionCreators} creators; ${sharePercent(e.shareElsewhere)} of its ${e.postsElsewhere} posts elsewhere`;
  if (e.source === 'declared') return `declared in variants.csv; ${seen}`;
  return `${seen}; Fisher ${pText(e.p ?? 1)}, one of ${e.tested.toLocaleString('en')} pairs tested at a ${sharePercent(e.fdr)} false discovery rate`;
}

/** "in DE post with #kleinunternehmen (78), not #smallbusinesscheck (41)", or why the original still wins. */
export function localiseAdvice(e: Equivalent): string | undefined {
  if (e.score === null || e.tagScore === null) return undefined;
  const v = `#${e.equivalent} (${Math.round(e.score)})`;
  const t = `#${e.tag} (${Math.round(e.tagScore)})`;
  return e.score > e.tagScore
    ? `in ${e.region} post with ${v}, not ${t}`
    : `in ${e.region} keep ${t}: it scores at least as well as ${v}`;
}

/** The variant to post with in place of a candidate in a region: only where its sampled score is higher. */
export const outscores = (e: Equivalent): boolean =>
  e.score !== null && e.tagScore !== null && e.score > e.tagScore;
