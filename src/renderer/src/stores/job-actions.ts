// The jobs the views start besides a score run, as store actions: each sends its run id (so main can report its
// progress and cancel it) and keeps its result in the jobs store, which outlives the view that started it.
import type { CreatorFitResult, DecodeResult } from '../../../shared/decode';
import type { TrackResult } from '../../../shared/track';
import type { DecodeEstimate } from '../../../shared/decode-estimate';
import { describeCreatorFit, describeDecode } from '../../../shared/job-words';
import { invoke } from '../bridge';
import { useJobsStore } from './jobs-store';
import { useUiStore } from './ui-store';

/** What decoding these competitors would cost, asked before it spends; null when it could not be said (reported). */
export async function estimateDecode(usernames: string[]): Promise<DecodeEstimate | null> {
  try {
    return await invoke('decode:estimate', { competitors: usernames });
  } catch (e) {
    useUiStore.getState().report('Estimating the decode', e);
    return null;
  }
}

/** Decodes the competitors' recent captions and scores their tags in the workspace's regions. */
export async function decodeCompetitors(usernames: string[]): Promise<DecodeResult | null> {
  const call = (runId: string) => invoke('decode:competitors', { competitors: usernames, runId });
  const r = await useJobsStore.getState().run('decode', usernames, call, 'Decoding the competitors');
  // What it did, in the Output as a run's end is.
  if (r) useUiStore.getState().log('info', describeDecode(r));
  return r;
}

/** Ranks the creators by the velocity and density of their own recent posts. */
export async function scoreCreators(usernames: string[]): Promise<CreatorFitResult | null> {
  const call = (runId: string) => invoke('creator-fit:run', { creators: usernames, runId });
  const r = await useJobsStore.getState().run('creator-fit', usernames, call, 'Scoring the creators');
  if (r) useUiStore.getState().log('info', describeCreatorFit(r));
  return r;
}

/** The own accounts' posts against the scores their tags had. */
export function checkTrackRecord(accounts: readonly string[]): Promise<TrackResult | null> {
  const call = (runId: string) => invoke('track:run', { runId });
  return useJobsStore.getState().run('track', accounts, call, 'Checking the track record');
}
