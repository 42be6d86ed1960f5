// The track job: the session's client (or the demo simulator) over the user's own accounts, matched to the
// workspace's recorded runs (src/core/track/track-record.ts weighs the evidence).
import type { RunProgress } from '../../shared/model';
import type { TrackResult } from '../../shared/track';
import { trackRecord, type TrackInput } from '../track/track-record';
import { suggestedWindow } from '../track/best-time-check';
import type { SampledRun } from './discover-job';
import { creatorProgress } from './creator-progress';
import { TagfitError } from '../errors';
import { type JobSession, openJobApi } from './job-session';

/** Recent posts read per account. */
export const TRACK_POSTS = 60;

export interface TrackJobRequest extends Omit<TrackInput, 'api' | 'now' | 'posts' | 'bestTime'> {
  session: JobSession;
  /** Recent posts to read per account (TRACK_POSTS when absent). */
  posts?: number;
  /** Each account's end as a progress event ('scored' or 'failed', with the credits so far). */
  onProgress?: (p: RunProgress) => void;
  /**
   * The latest run's samples (the cache's, or the app's last run): the region's best time to post is computed from
   * them as the plan does, and the posts made in it are compared with the rest. Absent: the check says why not.
   */
  samples?: SampledRun & { result: { now: string } };
}

/** The region whose scores the posts are matched to: the one asked for, else the first listed that a run scored
 * (else the first listed, whose result then says no run scored it yet); undefined when nothing is listed. */
export function trackRegion(
  asked: string | undefined,
  listed: readonly string[],
  runs: TrackJobRequest['runs'],
): string | undefined {
  if (asked !== undefined) return asked.toUpperCase();
  const scored = new Set(runs.flatMap((r) => Object.keys(r.regions)));
  return (listed.find((r) => scored.has(r.toUpperCase())) ?? listed[0])?.toUpperCase();
}

/** Opens the session's client, tracks the accounts, and closes. */
export async function runTrackJob(req: TrackJobRequest): Promise<TrackResult> {
  const { session, onProgress, samples, ...input } = req;
  // The posts are matched to the scores of a region the workspace's runs scored: another is a mistake, said before
  // any credit is spent (a workspace without runs yet is told so by the result, not refused).
  const scored = [...new Set(input.runs.flatMap((r) => Object.keys(r.regions)))].sort();
  if (scored.length > 0 && !scored.includes(input.region))
    throw new TagfitError(
      'input',
      `region ${input.region}: no run of this workspace scored it, so no scores to match the posts to (its runs scored ${scored.join(', ')}).`,
    );
  const { api, close } = await openJobApi(session, {
    signal: req.signal,
    onWarning: req.onWarning,
    job: 'track',
  });
  const progress = creatorProgress(req.accounts.length, () => api.credits().used, onProgress);
  try {
    return await trackRecord({
      ...input,
      posts: input.posts ?? TRACK_POSTS,
      api,
      now: session.now,
      bestTime: samples && suggestedWindow(samples, req.region, session.now.getTime()),
      onAccount: (e) => {
        input.onAccount?.(e);
        progress(e);
      },
    });
  } finally {
    await close();
  }
}
