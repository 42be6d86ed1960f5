// The track record as the CLI's --json and the app show it (computed in core/track/track-record.ts).
import type { Credits, ErrorCode, RegionCode } from './model';

export interface TrackedPost {
  account: string;
  /** ISO time the post was made. */
  postedAt: string;
  likes: number;
  plays: number;
  /** The post's hashtags, as parsed from its caption. */
  tags: string[];
  /** The hashtags that had a score in the run before the post, with it. */
  scored: { tag: string; score: number }[];
  /** That run's clock, ISO; absent when no run came before the post. */
  runAt?: string;
  /** Mean score of the scored hashtags. */
  tagScore?: number;
  /**
   * Likes ÷ the median likes of the account's settled posts nearest in age (the account's median where the clock is
   * not known); plays ÷ the account's median plays.
   */
  relLikes: number;
  /** False for a post too young to have gathered its likes: left out of the statistics. */
  settled?: boolean;
  relPlays: number | null;
}

export interface Evidence {
  /** Posts fetched, and those matched to a scored hashtag. */
  posts: number;
  matched: number;
  /** Whether there are enough matched posts to say anything. */
  enough: boolean;
  /** Spearman's rank correlation between tag score and relative likes, with its bootstrap 90 % interval. */
  correlation: { rho: number; low: number; high: number } | null;
  /** The same with relative plays, when every matched post has plays. */
  playsCorrelation: { rho: number; low: number; high: number } | null;
  /** Median relative likes of the matched posts whose tag score is in the top and the bottom quarter. */
  topQuarter: number | null;
  bottomQuarter: number | null;
  /** What the evidence says, in words, and no more than it supports. */
  verdict: string;
  /** Whether the posts made at the plan's suggested time did better (absent in records made before it existed). */
  bestTime?: BestTimeCheck;
}

/** The matched posts split by whether they were made inside the region's best-time window (core/track). */
export interface BestTimeCheck {
  region: RegionCode;
  /** The plan's best-time window, in the region's main time zone; null when none was suggested. */
  window: { from: string; to: string; timeZone: string } | null;
  /** Matched, settled posts made inside and outside the window, and their median likes at equal age. */
  inside: { posts: number; median: number | null };
  outside: { posts: number; median: number | null };
  /** Median inside − median outside, with its bootstrap 90 % interval; null when it is not claimed. */
  difference: { value: number; low: number; high: number } | null;
  verdict: string;
}

export interface TrackAccount {
  username: string;
  evidence: Evidence;
  posts: TrackedPost[];
}

export interface TrackResult {
  now: string;
  region: RegionCode;
  /** The runs the posts were matched against, oldest first. */
  runs: string[];
  accounts: TrackAccount[];
  overall: Evidence;
  failed: { username: string; error: string; code: ErrorCode }[];
  credits: Credits;
}
