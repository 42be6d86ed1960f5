// The shapes of the simulator's world: hashtags, authors and the dataset they form (the data is in data/*.json).
import type { RegionCode } from '../../shared/model';
import type { VariantPlan } from './variants';

/** How a hashtag behaves over time; tests and benchmarks use it as ground truth. */
export type TagShape =
  | 'surging'
  | 'steady'
  | 'dead'
  | 'mega'
  | 'commercial'
  | 'shadow-limited'
  | 'empty'
  | 'niche'
  | 'regional'
  | 'emerging'
  | 'declining'
  | 'edge';

/** Wire misbehaviours of the edge hashtags used by fault tests. */
export type EdgeBehaviour = 'broken-fields' | 'cursor-loop' | 'empty-more' | 'dup-pages';

/** Share of a tag's served posts younger than 14 days: `from` at the epoch, easing to `to` over `overWeeks`. */
export interface RecentShareCurve {
  from: number;
  to: number;
  overWeeks: number;
}

export interface DatasetTag {
  id: string;
  /** `cha_name` as the API spells it. */
  name: string;
  /** Other names that resolve to this tag (compared case-insensitively after NFC). */
  aliases: string[];
  desc: string;
  shape: TagShape;
  isCommerce: boolean;
  isChallenge: boolean;
  type: number;
  /** Lifetime counts at the dataset epoch. */
  base: { userCount: number; viewCount: number };
  /** Growth of the lifetime counts per week at the epoch (0.1 = +10 %); 0 for dead tags. */
  weeklyGrowth: number;
  /** Lifetime counts saturate at base × this (logistic), so far-future clocks stay plausible. */
  saturation: number;
  /** Posts served without a region, and the base for every region. */
  posts: number;
  /** null: posts in every region; otherwise the only regions with posts and their weight (1 = `posts`). */
  regions: Record<RegionCode, number> | null;
  recentShare: RecentShareCurve;
  /** Age range in days of the posts older than 14 days. */
  oldAgeDays: [number, number];
  likes: { median: number; sigma: number };
  /** Themes that draw target creators with the same theme into this tag. */
  themes: string[];
  /** Probability that a post is by a target creator of a matching theme. */
  creatorShare: number;
  /** How many ordinary authors post in the tag (smaller = more repeat authors). */
  community: number;
  behaviour?: EdgeBehaviour;
}

export interface DatasetAuthor {
  /** Numeric `user.id` as a string (what /user-posts/ takes). */
  id: string;
  uniqueId: string;
  secUid: string;
  nickname: string;
  followers: number;
  following: number;
  hearts: number;
  videos: number;
  verified: boolean;
  region: RegionCode;
  themes: string[];
  /**
   * A "user's own account" for the track record: its posts use the demo candidates, and their likes either follow
   * the tags' quality (what Tagfit's score measures) or are independent of it, so a test knows the right answer.
   */
  own?: 'follows-scores' | 'independent';
}

export interface Dataset {
  /** Epoch ms at which `base` counts hold and curves start: 2026-11-02T00:00:00Z. */
  epoch: number;
  /** Uppercase ISO code → country name, as /region-list/ answers. */
  regions: Record<RegionCode, string>;
  tags: DatasetTag[];
  /** Target creators first (same order as `creators`), then ordinary authors. */
  authors: DatasetAuthor[];
  /** unique_ids of the demo target creators. */
  creators: string[];
  /** The demo input lists (what resources/demo/*.csv hold). */
  demo: { tags: string[]; creators: string[]; regions: RegionCode[] };
  /** The two own accounts (see DatasetAuthor.own): whose likes follow the scores, whose do not. */
  ownAccounts: { followsScores: string; independent: string };
  /** Planted local-language variants and decoys (variants.ts); none unless switched on. */
  variants?: VariantPlan;
}
