// What competitor decoding and creator fit give back: the shapes the CLI prints and the app's views show.
import type { Credits, ErrorCode, RegionCode, RunResult, UserInfo } from './model';

export interface CaptionHashtag {
  /** NFC, lower case, without `#`: the form the tag list reader gives a candidate. */
  tag: string;
  /** Occurrences across all captions. */
  uses: number;
  /** Captions (posts) it appears in at least once. */
  posts: number;
}

/** A tag's standing in one region, as the pipeline scored it. */
export type RegionStanding =
  | {
      status: 'ranked';
      score: number;
      rank: number;
      /** How many tags were ranked in the region (the competitors' tags together). */
      of: number;
      velocity: number;
      density: number;
      overlap: number;
      sample: number;
      flags: string[];
    }
  | { status: 'excluded'; reason: string }
  | { status: 'failed'; error: string }
  | { status: 'unscored' };

export interface CompetitorTag extends CaptionHashtag {
  /** posts / the competitor's sample size. */
  share: number;
  regions: Record<RegionCode, RegionStanding>;
}

export interface CompetitorDecode {
  username: string;
  user: Pick<UserInfo, 'id' | 'uniqueId' | 'nickname' | 'followerCount' | 'videoCount'>;
  /** Recent posts read. */
  sample: number;
  tags: CompetitorTag[];
}

export interface FailedCreator {
  username: string;
  error: string;
  code: ErrorCode;
}

export interface DecodeResult {
  now: string;
  /** The hashtags scored: every competitor's tags, each once, in the order of the competitors' mixes. */
  candidates: string[];
  competitors: CompetitorDecode[];
  /** Competitors whose info or posts could not be fetched. */
  failed: FailedCreator[];
  /** The scoring of `candidates`, exactly as `tagfit score` gives it for the same list; absent when no tag was found. */
  scoring?: RunResult;
  /** Every call of the decode: the competitors' info and posts, and the scoring's. */
  credits: Credits;
}

export interface CreatorFitRow {
  username: string;
  nickname: string;
  followerCount: number;
  /** Posts measured (after de-duplication when the preset asks for it). */
  sample: number;
  /** Share of the sample posted within the window. */
  velocity: number;
  /** Likes per post, summarised as the preset says (mean, median or log-mean). */
  density: number;
  medianLikes: number;
  meanLikes: number;
  /** create_time of the newest post; 0 when there is none. */
  newestPostAt: number;
  normalised: { velocity: number; density: number };
  /** 0-100. */
  score: number;
  rank: number;
}

export interface CreatorFitResult {
  now: string;
  weights: { velocity: number; density: number };
  ranked: CreatorFitRow[];
  failed: FailedCreator[];
  credits: Credits;
}
