// The data model shared by every room: plain types, no behaviour.
// Wire shapes of TikLiveAPI live in src/core/api/dto.ts; these are the domain's words.
import type { PresetName } from './scoring-registry';

/** An uppercase ISO-3166 alpha-2 code, e.g. "US". */
export type RegionCode = string;

/** A hashtag as TikLiveAPI knows it (a "challenge"), after validation. */
export interface Challenge {
  id: string;
  /** `cha_name`: the hashtag's canonical name, without `#`. */
  name: string;
  desc: string;
  /** Distinct creators who ever used the tag (lifetime, may be rounded). */
  userCount: number;
  /** Lifetime views (may be rounded). */
  viewCount: number;
  /** Advertiser-run branded challenge. */
  isCommerce: boolean;
}

/** One sampled post (a video), after validation. */
export interface Post {
  id: string;
  /** Unix seconds; 0 when missing. */
  createTime: number;
  /** `digg_count`; 0 when missing. */
  likes: number;
  comments: number;
  shares: number;
  plays: number;
  /** `author.unique_id`; '' when missing. */
  authorId: string;
  /** `title`, the caption with its hashtags; '' when null. */
  caption: string;
}

export interface PostsPage {
  posts: Post[];
  cursor: string;
  hasMore: boolean;
}

export interface UserInfo {
  id: string;
  uniqueId: string;
  secUid: string;
  nickname: string;
  followerCount: number;
  heartCount: number;
  videoCount: number;
}

export interface UserSearchHit {
  uniqueId: string;
  nickname: string;
  followerCount: number;
}

/** Calls to TikLiveAPI, per endpoint path (e.g. "/challenge-posts/"). */
export interface Credits {
  /** Successful calls: each costs one credit. */
  used: number;
  byEndpoint: Record<string, number>;
  /** Every request sent, successful or not (retries included). */
  calls: number;
  retries: number;
  rateLimited: number;
  /** Answers served from the cache instead of the network. */
  fromCache: number;
  /** Calls the reference method would have made that Tagfit did not (info once per tag, cache). */
  saved: { byCache: number; byInfoOnce: number };
}

/** No credit spent: a run that has not called the API (a live preview, a re-score from samples in hand). */
export const NO_CREDITS: Credits = {
  used: 0,
  byEndpoint: {},
  calls: 0,
  retries: 0,
  rateLimited: 0,
  fromCache: 0,
  saved: { byCache: 0, byInfoOnce: 0 },
};

export type ErrorCode =
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'input'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'cancelled'
  | 'budget'
  | 'offline'
  | 'storage'
  /** Not one of ours: a bug or an unexpected library error; its message is passed on as it is. */
  | 'internal'
  | 'locked'
  /** The OS keychain cannot be used (no Secret Service, keytar missing, a locked keyring). */
  | 'keychain';

/** One field an input error is about: its path in the request ("settings.cacheMaxAgeHours") and what is wrong. */
export interface FieldProblem {
  field: string;
  /** The field's label as the app shows it ("Cache lifetime (hours)"). */
  label: string;
  message: string;
}

/** An error as it crosses a process or IPC boundary. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** For an input error: every field refused, so a form can mark each one. */
  fields?: FieldProblem[];
  /** For a workspace in use (locked): its folder, so the app can offer to open it read-only. */
  dir?: string;
}

export type FlagKind =
  | 'commercial'
  | 'saturated'
  | 'shadow-limited'
  | 'small-sample'
  | 'not-found'
  | 'no-posts'
  /** No sampled post inside the window: a dead trend or a limited tag (the sample cannot tell which). */
  | 'no-recent-posts'
  /** Adaptive sampling (or a stopped run) took fewer pages than the run asked for: not a sign about the tag. */
  | 'sampled-less'
  /** Adaptive sampling: after its last page the tag's score still straddles the top-k boundary (rank k or k+1). */
  | 'tie-band';

export interface Flag {
  kind: FlagKind;
  /** The reason in words, for people. */
  reason: string;
}

export interface Weights {
  velocity: number;
  density: number;
  overlap: number;
  /** Multiplies the ad penalty (0.5 for a commercial tag) in the score. */
  adPenalty: number;
}

/** The preset names come from the preset table of the scoring registry. */
export type { PresetName } from './scoring-registry';

/** Everything that decides a score, resolved from a preset plus overrides. */
export interface ScoringSettings {
  preset: PresetName;
  weights: Weights;
  windowDays: number;
  pages: number;
  pageSize: number;
  /** Keep `is_commerce` tags (scored with the ad penalty) instead of excluding them. */
  keepCommercial: boolean;
  /** How likes per post are summarised. */
  density: 'mean' | 'median' | 'log-mean';
  /** Drop a post already seen (same id) in the sample. */
  dedupePosts: boolean;
  /** Fewer posts than this is a small sample. */
  minStableSample: number;
  /**
   * `full`: every pair gets `pages` pages (the reference's way). `adaptive`: page 1 for every pair, then more
   * only where the ranking is still undecided (a tag's score interval spans the top-10 cut or contends for #1).
   */
  sampling: 'full' | 'adaptive';
}

/** The momentum of a tag in a region against earlier runs (present from the second run). */
export interface TagHistory {
  previousRunAt: string;
  /** user_count growth per week, as a fraction (0.4 = +40 %/week); null when unknown. */
  userCountGrowthPerWeek: number | null;
  viewCountGrowthPerWeek: number | null;
  scoreChange: number | null;
  /** Positive = moved up. null when the tag was not ranked last time. */
  rankChange: number | null;
  previousVelocity: number | null;
  /** Velocity was below the threshold last run and is at or above it now. */
  crossedVelocityThreshold: boolean;
  /** Which way velocity crossed the threshold, either way (`crossedVelocityThreshold` is the upward one). */
  velocityCrossed?: 'rose above' | 'fell below' | null;
  /** Set when the two runs measured differently ("not comparable: window 14 → 7 days"): no moves are given. */
  notComparable?: string;
  /** Set when the runs differ only in their candidates: score and rank changes are over the tags both ranked. */
  comparedOver?: string;
}

/** Raw per-hashtag metrics from sampled posts (src/core/engine/metrics.ts computes them). */
export interface RawMetrics {
  /** Share of the sample posted at or after the window's cutoff (0 when the sample is empty). */
  velocity: number;
  /** Likes per post, summarised per `settings.density` (mean, median or log-mean: a geometric mean); 0 when empty. */
  density: number;
  /** Distinct target authors / distinct non-empty authors (0 when there are none). */
  overlap: number;
  /** Posts used (after de-duplication when the preset asks for it). */
  sample: number;
  /** Posts served by the API. */
  served: number;
  distinctAuthors: number;
  targetAuthors: number;
  medianLikes: number;
  meanLikes: number;
  /** create_time of the newest post in the sample; 0 when empty. */
  newestPostAt: number;
}

/** A ranked tag: its raw metrics (not normalised) and everything said beside its score. */
export interface ScoredTag extends RawMetrics {
  /** `cha_name`. */
  tag: string;
  /** The candidate as listed (normalised), which can differ from cha_name. */
  candidate: string;
  rank: number;
  score: number;
  normalised: { velocity: number; density: number; overlap: number };
  userCount: number;
  viewCount: number;
  isCommerce: boolean;
  flags: Flag[];
  history?: TagHistory;
  /** Adaptive sampling stopped before `pages` pages because the ranking was decided: why, in words. */
  stoppedEarly?: string;
  /** Adaptive sampling left the tag in the tie band at the top-k boundary: why, in words (also a 'tie-band' flag). */
  tieBand?: string;
  /** How sure the score is: a bootstrap over the sampled posts (engine/confidence.ts). */
  confidence?: ScoreConfidence;
  /** Adaptive sampling stopped the tag early and its score is the estimate of what its full sample would say (the
   * in-hand metrics corrected for the page order's drift): the score of the posts in hand. Absent otherwise. */
  inHandScore?: number;
  /** How that score was estimated (also in the 'sampled-less' flag's words). The metrics shown are the posts in hand's. */
  estimate?: ScoreEstimate;
}

/** A stopped tag's score estimated for its full sample (adaptive sampling, engine/adaptive-correction.ts). */
export interface ScoreEstimate {
  /** Pages in hand and pages a full sample has. */
  pages: number;
  of: number;
  /** The score of the posts in hand, on the region's same normalisation. */
  inHandScore: number;
  /** The in-hand normalised parts (a re-weigh gives the in-hand score from them). */
  inHandNormalised: { velocity: number; density: number; overlap: number };
  /** Score − in-hand score, in score points. */
  correction: number;
  /** The correction's standard error in score points (also added to the confidence interval). */
  se: number;
  /** Each part's share of that error on the normalised scale (the error ÷ the region's range): a re-weigh gives
   * the error in points from them. */
  partSe: { velocity: number; density: number; overlap: number };
  /** What was added to the in-hand metrics: velocity and overlap as shares, likes on the log1p scale. */
  shift: { velocity: number; logLikes: number; overlap: number };
  /** The run's fully sampled pairs the page order's drift was learnt from. */
  learntFrom: number;
  /** In words: "estimated from 1 of 3 pages: corrected for the page order by +2.3 (± 1.1, …)". */
  text: string;
}

/** A score's bootstrap interval and the ranks it takes; added beside the score, never mixed into it. */
export interface ScoreConfidence {
  /** The bias-corrected 90 % interval of the resampled scores, always holding the score itself; null when the
   * posts are too few to say (label 'too few posts'). */
  low: number | null;
  high: number | null;
  /** The best and the worst rank over the middle 90 % of resamples (tied tags share their places). */
  rankLow: number;
  rankHigh: number;
  label: 'confident' | 'uncertain' | 'too few posts';
  /** Why it is uncertain or has no interval, in words; absent when confident. */
  reason?: string;
  /** The neighbour whose order with this tag flips most often across resamples, when that is near a coin toss:
   * `above` and `below` are the percent of resamples this tag is ahead of and behind it. */
  coinToss?: { tag: string; candidate: string; above: number; below: number };
  /** Fewer posts than the preset's stable sample (said apart from the label; not set for a pair adaptive
   * sampling chose to stop). */
  smallSample?: boolean;
  /** How many resamples the interval and ranks come from. */
  resamples?: number;
}

export interface ExcludedTag {
  tag: string;
  reason: string;
  kind: 'commercial' | 'not-found' | 'no-posts';
}

export interface FailedTag {
  tag: string;
  region: RegionCode;
  error: string;
  code: ErrorCode;
}

export interface RegionResult {
  region: RegionCode;
  ranked: ScoredTag[];
  excluded: ExcludedTag[];
}

export interface RunResult {
  /** ISO time of the run's clock. */
  now: string;
  preset: PresetName;
  settings: ScoringSettings;
  regions: Record<RegionCode, RegionResult>;
  credits: Credits;
  failed: FailedTag[];
  /** The run's answers came from the built-in simulator (the demo), not from TikTok: every export says so. */
  simulated?: boolean;
  /** Why the run stopped early, if it did. */
  stopped?: {
    code: 'cancelled' | 'budget' | 'auth' | 'offline';
    message: string;
    unscored: { tag: string; region: RegionCode }[];
    /** Pairs the stop cut short (adaptive sampling): ranked on the pages in hand, not kept whole; the next run
     * fetches them again. */
    cutShort?: { tag: string; region: RegionCode }[];
  };
}

/** Progress of a run, one union on one channel. */
export type RunProgress =
  | { type: 'queued'; total: number }
  | { type: 'fetching'; tag: string; region: RegionCode | null; done: number; total: number; credits: number }
  | { type: 'scored'; tag: string; region: RegionCode; done: number; total: number; credits: number }
  /** Adaptive sampling: a page of the pair is in and more may follow; the pair can be ranked on what is in hand. */
  | {
      type: 'sampled';
      tag: string;
      region: RegionCode;
      pages: number;
      done: number;
      total: number;
      credits: number;
    }
  | {
      type: 'failed';
      tag: string;
      region: RegionCode | null;
      error: ErrorInfo;
      done: number;
      total: number;
      credits: number;
    }
  | { type: 'done'; credits: number; failed: number; stopped: boolean };
