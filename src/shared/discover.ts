// Discovery, the tag set and the watchlist as the CLI's --json and the app show them (computed in core/discover).
import type { RegionCode } from './model';

/** A hashtag that co-occurs with a region's high scorers and is not a candidate yet, with the evidence. */
export interface TagSuggestion {
  tag: string;
  region: RegionCode;
  /** The high scorers' sampled posts that used it, of `highPosts`. */
  posts: number;
  highPosts: number;
  /** posts ÷ highPosts. */
  share: number;
  /** Its share of every sampled post of the region. */
  overallShare: number;
  /** share ÷ overallShare: how much likelier it is next to the high scorers. */
  lift: number;
  /** The high-scoring candidates it appeared next to, most often first. */
  nextTo: string[];
  /** Distinct creators who used it next to the high scorers, of `highCreators`: the evidence's units. */
  creators?: number;
  highCreators?: number;
  /** How many tags were tested in the region, and the false discovery rate controlled across them. */
  tested?: number;
  fdr?: number;
  /** Fisher's exact one-sided p of this tag (before the correction for the tags tested). */
  p?: number;
}

/** A share as the evidence says it: 0.07 → "7 %". */
export const sharePercent = (x: number): string => `${Math.round(x * 100)} %`;

/** The evidence for a suggested hashtag in its region, as the CLI and the app say it. */
export const tagEvidence = (s: TagSuggestion): string =>
  `in ${s.posts} of ${s.highPosts} posts${s.creators !== undefined ? ` by ${s.creators} of ${s.highCreators} creators` : ''} (${sharePercent(s.share)}, ${s.lift.toFixed(1)}× its ${sharePercent(s.overallShare)} overall), next to ${s.nextTo.map((c) => `#${c}`).join(', ')}${s.tested !== undefined ? `; one of ${s.tested} tags tested, at a ${sharePercent(s.fdr ?? 0)} false discovery rate` : ''}`;

/** An author in the samples of several high-scoring tags, not a target creator yet. */
export interface CreatorSuggestion {
  username: string;
  posts: number;
  tags: string[];
  regions: RegionCode[];
}

/** Where a suggested creator was seen, as the CLI and the app say it. */
export const creatorEvidence = (c: CreatorSuggestion): string =>
  `${c.posts} posts in ${c.tags.map((t) => `#${t}`).join(', ')} (${c.regions.join(', ')})`;

/** One tag of a region's tag set, with why it was picked. */
export interface TagPick {
  tag: string;
  candidate: string;
  score: number;
  reason: string;
}

export interface RegionPicks {
  region: RegionCode;
  picks: TagPick[];
  /** Higher scorers left out, and why. */
  passedOver: { tag: string; score: number; reason: string }[];
}

/** An alert of the watchlist: which rule fired for which tag and region, with the values before and after. */
export interface WatchAlert {
  rule:
    | 'velocity-threshold'
    | 'rank-move'
    | 'score-move'
    | 'became-flagged'
    | 'new-suggestion'
    | 'not-comparable';
  tag: string;
  region: RegionCode;
  before: number | string | null;
  after: number | string | null;
  message: string;
}

/** An alert as the workspace keeps it (data/watch.json) until the user dismisses it. */
export interface StoredAlert {
  id: string;
  /** The run that raised it. */
  runAt: string;
  dismissed: boolean;
  alert: WatchAlert;
}
