// The decode jobs, as the CLI and the app both run them: a competitor's hashtags scored in the workspace's regions
// against its targets, and creators ranked by fit, each on a session from the one session builder.
import type { CreatorFitResult, DecodeResult } from '../../shared/decode';
import type { PresetName, RunProgress, ScoringSettings } from '../../shared/model';
import { creatorFit } from '../decode/creator-fit';
import { decodeCompetitors } from '../decode/competitor';
import type { SettingsOverrides } from '../engine/presets';
import { TagfitError } from '../errors';
import { checkLists, readCreatorList, readRegionList } from '../input/csv-lists';
import { checkRegions } from './api-session';
import { type CreatorEnd, creatorProgress } from './creator-progress';
import { type ListSources, listPath, resolveJobSettings } from './job-inputs';
import { type JobSession, openJobApi } from './job-session';

/** Recent posts read per competitor, and per creator for fit (one page of posts and the profile: 2 credits). */
export const DECODE_POSTS = 60;
export const CREATOR_FIT_POSTS = 30;

interface CreatorJobRequest {
  session: JobSession;
  /** Recent posts to read per creator; the job's default when absent. */
  posts?: number;
  /** A preset chosen for this job; else the workspace's preset and scoring fields. */
  preset?: PresetName;
  overrides?: SettingsOverrides;
  signal?: AbortSignal;
  onCreator?: (e: CreatorEnd) => void;
  onWarning?: (message: string) => void;
}

export interface DecodeJobRequest extends CreatorJobRequest, ListSources {
  /** Usernames, normalised (no `@`, lower case), each once. */
  competitors: readonly string[];
  onProgress?: (p: RunProgress) => void;
}

export interface CreatorFitJobRequest extends CreatorJobRequest, Pick<ListSources, 'workspace'> {
  /** Usernames, normalised (no `@`, lower case), each once. */
  creators: readonly string[];
  /** Each creator's end as a progress event ('scored' or 'failed', with the credits so far). */
  onProgress?: (p: RunProgress) => void;
}

export interface CreatorJobOutcome<R> {
  result: R;
  settings: ScoringSettings;
  posts: number;
}

/** The regions (required) and target creators (optional) of a decode: a named file, the workspace's, the demo's. */
async function decodeLists(req: DecodeJobRequest, warn: (m: string) => void) {
  const regionsFile = listPath('regions', req, true);
  const creatorsFile = listPath('creators', req, false);
  const lists = [
    await readRegionList(regionsFile),
    ...(creatorsFile ? [await readCreatorList(creatorsFile)] : []),
  ];
  checkLists(lists, warn, false);
  const [regions, creators] = lists;
  if (regions!.values.length === 0) throw new TagfitError('input', `${regionsFile}: no regions to score.`);
  return { regions: regions!.values, targets: creators?.values ?? [] };
}

/** Opens the session's client, checks the regions, decodes the competitors, and closes. */
export async function runDecodeJob(req: DecodeJobRequest): Promise<CreatorJobOutcome<DecodeResult>> {
  const warn = req.onWarning ?? (() => {});
  const { regions, targets } = await decodeLists(req, warn);
  const settings = resolveJobSettings(req.workspace, req.preset, req.overrides);
  const posts = req.posts ?? DECODE_POSTS;
  const { api, close } = await openJobApi(req.session, {
    signal: req.signal,
    onWarning: warn,
    job: 'decode',
  });
  try {
    await checkRegions(api, regions, warn);
    const result = await decodeCompetitors({
      api,
      competitors: req.competitors,
      posts,
      regions,
      targets,
      settings,
      now: req.session.now,
      signal: req.signal,
      onCreator: req.onCreator,
      onProgress: req.onProgress,
      onWarning: warn,
    });
    return { result, settings, posts };
  } finally {
    await close();
  }
}

/** Opens the session's client, scores the creators, and closes. */
export async function runCreatorFitJob(
  req: CreatorFitJobRequest,
): Promise<CreatorJobOutcome<CreatorFitResult>> {
  const settings = resolveJobSettings(req.workspace, req.preset, req.overrides);
  const posts = req.posts ?? CREATOR_FIT_POSTS;
  const { api, close } = await openJobApi(req.session, {
    signal: req.signal,
    onWarning: req.onWarning,
    job: 'creator-fit',
  });
  const progress = creatorProgress(req.creators.length, () => api.credits().used, req.onProgress);
  try {
    const result = await creatorFit({
      api,
      creators: req.creators,
      posts,
      settings,
      now: req.session.now,
      signal: req.signal,
      onCreator: (e) => {
        req.onCreator?.(e);
        progress(e);
      },
      onWarning: req.onWarning,
    });
    return { result, settings, posts };
  } finally {
    await close();
  }
}
