// The track job: the session's client (or the demo simulator) over the user's own accounts, matched to the
// workspace's recorded runs (src/core/track/track-record.ts weighs the evidence).
import type { RunProgress } from '../../shared/model';
import type { TrackResult } from '../../shared/track';
import { trackRecord, type TrackInput } from '../track/track-record';
import { creatorProgress } from './creator-progress';
import { type JobSession, openJobApi } from './job-session';

/** Recent posts read per account. */
export const TRACK_POSTS = 60;

export interface TrackJobRequest extends Omit<TrackInput, 'api' | 'now' | 'posts'> {
  session: JobSession;
  /** Recent posts to read per account (TRACK_POSTS when absent). */
  posts?: number;
  /** Each account's end as a progress event ('scored' or 'failed', with the credits so far). */
  onProgress?: (p: RunProgress) => void;
}

/** Opens the session's client, tracks the accounts, and closes. */
export async function runTrackJob(req: TrackJobRequest): Promise<TrackResult> {
  const { session, onProgress, ...input } = req;
  const { api, close } = await openJobApi(session, { signal: req.signal, onWarning: req.onWarning });
  const progress = creatorProgress(req.accounts.length, () => api.credits().used, onProgress);
  try {
    return await trackRecord({
      ...input,
      posts: input.posts ?? TRACK_POSTS,
      api,
      now: session.now,
      onAccount: (e) => {
        input.onAccount?.(e);
        progress(e);
      },
    });
  } finally {
    await close();
  }
}
