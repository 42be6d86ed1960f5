// The creator-fit score: density and velocity over each creator's recent posts, measured with the same metrics
// as hashtags, normalised across the creators and combined with the preset's velocity and density weights.
import type { ErrorCode, ScoringSettings } from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import { TagfitError, toErrorInfo } from '../errors';
import { roundHalfEven } from '../engine/decimal';
import { computeMetrics } from '../engine/metrics';
import { normaliseMetrics } from '../engine/normalise';
import type { CreatorEnd } from '../job/creator-progress';
import { isStopping } from '../stop-codes';
import type { CreatorFitResult, CreatorFitRow, FailedCreator } from '../../shared/decode';

export type { CreatorFitResult, CreatorFitRow };
import { fetchCreatorSample, type CreatorSample } from './recent-posts';

/**
 * The preset's velocity and density weights scaled to sum 1 (overlap and the ad penalty mean nothing for a
 * creator's own posts); equal halves when both are 0.
 */
export function fitWeights(settings: ScoringSettings): { velocity: number; density: number } {
  const { velocity, density } = settings.weights;
  const sum = velocity + density;
  return sum > 0 ? { velocity: velocity / sum, density: density / sum } : { velocity: 0.5, density: 0.5 };
}

/** Scores and ranks creators from their samples; pure. Ties keep the input order. */
export function scoreCreatorFit(
  samples: readonly CreatorSample[],
  settings: ScoringSettings,
  nowSec: number,
): CreatorFitRow[] {
  const metrics = samples.map((s) => computeMetrics(s.posts, new Set(), nowSec, settings));
  const normalised = normaliseMetrics(metrics, settings);
  const w = fitWeights(settings);
  const rows: CreatorFitRow[] = samples.map((s, i) => {
    const m = metrics[i]!;
    const n = normalised[i]!;
    return {
      username: s.username,
      nickname: s.user.nickname,
      followerCount: s.user.followerCount,
      sample: m.sample,
      velocity: m.velocity,
      density: m.density,
      medianLikes: m.medianLikes,
      meanLikes: m.meanLikes,
      newestPostAt: m.newestPostAt,
      normalised: { velocity: n.velocity, density: n.density },
      score: roundHalfEven(100 * (w.velocity * n.velocity + w.density * n.density), 2),
      rank: 0,
    };
  });
  rows.sort((a, b) => b.score - a.score);
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

export interface CreatorFitInput {
  api: TikLiveApi;
  /** Usernames, normalised (no `@`, lower case), each once. */
  creators: readonly string[];
  /** Recent posts to read per creator. */
  posts: number;
  settings: ScoringSettings;
  now: Date;
  signal?: AbortSignal;
  onCreator?: (e: CreatorEnd) => void;
  onWarning?: (message: string) => void;
}

/** Fetches every creator's recent posts (a failure is reported and the others go on), then scores them. */
export async function creatorFit(input: CreatorFitInput): Promise<CreatorFitResult> {
  const nowSec = Math.floor(input.now.getTime() / 1000);
  const samples: CreatorSample[] = [];
  const failed: FailedCreator[] = [];
  let stopped: ErrorCode | undefined;
  await Promise.all(
    input.creators.map(async (username, i) => {
      try {
        if (stopped) throw new TagfitError(stopped, `@${username}: not tried, the run stopped (${stopped}).`);
        samples[i] = await fetchCreatorSample(input.api, username, input.posts, nowSec, {
          signal: input.signal,
          warn: input.onWarning,
        });
        input.onCreator?.({ username, posts: samples[i].posts.length });
      } catch (e) {
        const info = toErrorInfo(e);
        if (isStopping(info.code)) stopped = info.code;
        failed.push({ username, error: info.message, code: info.code });
        input.onCreator?.({ username, error: info.message, code: info.code });
      }
    }),
  );
  failed.sort((a, b) => input.creators.indexOf(a.username) - input.creators.indexOf(b.username));
  return {
    now: input.now.toISOString(),
    weights: fitWeights(input.settings),
    ranked: scoreCreatorFit(
      samples.filter((s) => s !== undefined),
      input.settings,
      nowSec,
    ),
    failed,
    credits: input.api.credits(),
  };
}
