// The jobs the views start besides a score run, as store actions: each sends its run id (so main can report its
// progress and cancel it) and keeps its result in the jobs store, which outlives the view that started it.
import type { CreatorFitResult, DecodeResult } from '../../../shared/decode';
import type { TrackResult } from '../../../shared/track';
import { invoke } from '../bridge';
import { useJobsStore } from './jobs-store';

/** Decodes the competitors' recent captions and scores their tags in the workspace's regions. */
export function decodeCompetitors(usernames: string[]): Promise<DecodeResult | null> {
  const call = (runId: string) => invoke('decode:competitors', { competitors: usernames, runId });
  return useJobsStore.getState().run('decode', usernames, call, 'Decoding the competitors');
}

/** Ranks the creators by the velocity and density of their own recent posts. */
export function scoreCreators(usernames: string[]): Promise<CreatorFitResult | null> {
  const call = (runId: string) => invoke('creator-fit:run', { creators: usernames, runId });
  return useJobsStore.getState().run('creator-fit', usernames, call, 'Scoring the creators');
}

/** The own accounts' posts against the scores their tags had. */
export function checkTrackRecord(accounts: readonly string[]): Promise<TrackResult | null> {
  const call = (runId: string) => invoke('track:run', { runId });
  return useJobsStore.getState().run('track', accounts, call, 'Checking the track record');
}
