// The discovery jobs over the samples in hand, for the CLI and the app alike: suggestions (hashtags and creators
// seen with the high scorers), a tag set per region, keyword searches and profiles, and adding what was accepted.
import type { CreatorSuggestion, RegionPicks, TagSuggestion } from '../../shared/discover';
import type { Credits, RegionCode, RunResult } from '../../shared/model';
import { discoverAll } from '../discover/cooccurrence';
import { pickTagSet } from '../discover/pick';
import type { Equivalent } from '../../shared/localize';
import { localisePicks } from '../localize/apply';
import { TagfitError } from '../errors';
import { listFromValues, parseUsername } from '../input/csv-lists';
import { type RunSamples, sampleKey } from '../pipeline/run';
import { saveListFile, type Workspace } from '../workspace/layout';
import { DEFAULT_API_BASE } from './api-session';
import { type JobSession, openJobApi } from './job-session';
import { sourceName } from './namespaced-cache';
import type { PreparedScoreRun } from './prepare-score';
import { runScoreJob, type ScoreJobOutcome } from './score-job';

/** A scored run with its samples: what suggestions and picks read. */
export interface SampledRun {
  result: Pick<RunResult, 'regions'>;
  data: RunSamples;
}

const sampleOf = (run: SampledRun) => (region: RegionCode, candidate: string) =>
  run.data.samples.get(sampleKey(region, candidate)) ?? [];

/** Suggestions of every region: tags seen with the high scorers that are no candidate, creators no target. */
export function suggestionsOf(
  run: SampledRun,
  candidates: Iterable<string>,
  targets: Iterable<string>,
): { tags: TagSuggestion[]; creators: CreatorSuggestion[] } {
  return discoverAll(Object.values(run.result.regions), sampleOf(run), new Set(candidates), new Set(targets));
}

/**
 * Per region, a set of k tags to post with: high scores that reach different posts; a pick whose sampled local
 * variant outscores it there is posted as the variant (`localize --sample`, data/localize.json).
 */
export function picksOf(run: SampledRun, k: number, sampled: readonly Equivalent[] = []): RegionPicks[] {
  const of = sampleOf(run);
  return Object.values(run.result.regions).map((r) =>
    localisePicks(
      pickTagSet(r, (c) => of(r.region, c), { k }),
      sampled,
    ),
  );
}

/**
 * The last run's samples from the cache alone (no call, nothing recorded, no report): what discovery and the
 * picker read when no run is in memory. `missing` counts the pairs the cache lacks.
 */
export async function samplesFromCache(
  prepared: PreparedScoreRun,
  where: string,
): Promise<{ outcome: ScoreJobOutcome; missing: number }> {
  const outcome = await runScoreJob({
    ...prepared.session,
    offline: true,
    candidates: prepared.candidates,
    targets: prepared.targets,
    regions: prepared.regions,
    settings: prepared.settings,
  });
  if (outcome.data.samples.size === 0)
    throw new TagfitError(
      'input',
      `Nothing sampled in ${where} yet (its cache holds no post for these tags from ${sourceName(prepared.session.demo, prepared.session.apiBase, DEFAULT_API_BASE)}; ` +
        'answers are kept apart by the API they came from, so pass the --api-base the runs used): ' +
        'run `tagfit score --workspace` first.',
    );
  const missing = outcome.result.failed.length + (outcome.result.stopped?.unscored.length ?? 0);
  return { outcome, missing };
}

export interface Profile {
  username: string;
  nickname: string;
  followers: number;
  videos: number;
  likes: number;
}

export interface SearchRequest {
  session: JobSession;
  /** A keyword for /search-challenge/ (1 credit). */
  search?: string;
  /** A keyword for /search-user/ (1 credit). */
  searchCreators?: string;
  /** Usernames for /userinfo-by-username/ (1 credit each), normalised. */
  profiles?: readonly string[];
  /** Left out of the answers: what the lists hold already. */
  candidates: readonly string[];
  targets: readonly string[];
  signal?: AbortSignal;
  onWarning?: (m: string) => void;
}

export interface SearchResult {
  tags: string[];
  creators: string[];
  profiles: Profile[];
  credits: Credits;
}

/** The calls a search request makes at most: what is said before spending. */
export const searchCalls = (r: Pick<SearchRequest, 'search' | 'searchCreators' | 'profiles'>): number =>
  (r.search ? 1 : 0) + (r.searchCreators ? 1 : 0) + (r.profiles?.length ?? 0);

/** Keyword searches and profiles, on the session's client. */
export async function runSearchJob(req: SearchRequest): Promise<SearchResult> {
  const { api, close } = await openJobApi(req.session, {
    signal: req.signal,
    onWarning: req.onWarning,
    job: 'discover',
  });
  try {
    const out: Omit<SearchResult, 'credits'> = { tags: [], creators: [], profiles: [] };
    if (req.search)
      out.tags = (await api.searchChallenge({ keyword: req.search, count: 20, cursor: '0' }))
        .map((c) => c.name)
        .filter((n) => !req.candidates.includes(n.toLowerCase()));
    if (req.searchCreators)
      out.creators = (await api.searchUser({ keyword: req.searchCreators, count: 20, cursor: '0' }))
        .map((u) => u.uniqueId)
        .filter((u) => !req.targets.includes(u.toLowerCase()));
    for (const username of req.profiles ?? []) {
      const p = await api.userInfo(username);
      out.profiles.push({
        username: p.uniqueId,
        nickname: p.nickname,
        followers: p.followerCount,
        videos: p.videoCount,
        likes: p.heartCount,
      });
    }
    return { ...out, credits: api.credits() };
  } finally {
    await close();
  }
}

/**
 * Adds what the user accepted to the workspace's lists, checked as any list is; never anything else. `label`
 * names where each came from in an error (`--accept`, `--accept-creator`).
 */
export async function acceptSuggestions(
  ws: Workspace,
  lists: { candidates: readonly string[]; targets: readonly string[] },
  accept: { tags: readonly string[]; creators: readonly string[] },
  label: { tags: string; creators: string } = { tags: 'tags', creators: 'creators' },
): Promise<{ tags: string[]; creators: string[] }> {
  const out = { tags: [] as string[], creators: [] as string[] };
  if (accept.tags.length > 0) {
    const checked = listFromValues('tags', accept.tags, label.tags);
    if (checked.errors.length > 0)
      throw new TagfitError(
        'input',
        checked.errors.map((e) => `${label.tags} "${accept.tags[e.line - 1]}": ${e.reason}`).join('\n'),
      );
    out.tags = checked.values.filter((t) => !lists.candidates.includes(t));
    await saveListFile(ws, 'tags', [...lists.candidates, ...out.tags]);
  }
  if (accept.creators.length > 0) {
    const names = accept.creators.map((raw) => {
      const u = parseUsername(raw);
      if (!u.ok)
        throw new TagfitError('input', `${label.creators} "${raw}" is not a TikTok username: ${u.reason}.`);
      return u.value;
    });
    out.creators = [...new Set(names)].filter((u) => !lists.targets.includes(u));
    await saveListFile(ws, 'creators', [...lists.targets, ...out.creators]);
  }
  return out;
}
