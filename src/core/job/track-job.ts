// The track job: the session's client (or the demo simulator) over the user's own accounts, matched to the
// workspace's recorded runs (src/core/track/track-record.ts weighs the evidence).
import type { RunProgress } from '../../shared/model';
import type { TrackResult } from '../../shared/track';
import { trackRecord, type TrackInput } from '../track/track-record';
import { suggestedWindow } from '../track/best-time-check';
import type { SampledRun } from './discover-job';
import { creatorProgress } from './creator-progress';
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

/** Opens the session's client, tracks the accounts, and closes. */
export async function runTrackJob(req: TrackJobRequest): Promise<TrackResult> {
  const { session, onProgress, samples, ...input } = req;
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
