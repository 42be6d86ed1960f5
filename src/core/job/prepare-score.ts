// From a workspace (and/or list files) and the caller's overrides to a score run's inputs: the lists read and
// checked, the settings resolved, the lock taken, the session (key, cache, plan) resolved. The CLI and the app's main process both call
// this; each only turns its own input (flags, IPC requests) into a ScoreRunRequest.
import type { PresetName, ScoringSettings } from '../../shared/model';
import { plural } from '../../shared/number-format';
import { namespacedCache, sourceNamespace } from './namespaced-cache';
import { DEFAULT_API_BASE } from './api-session';
import { type CreditEstimate, estimateCredits } from './estimate';
import { TagfitError } from '../errors';
import type { SettingsOverrides } from '../engine/presets';
import { checkLists } from '../input/csv-lists';
import { readCreatorListCached, readRegionListCached, readTagListCached } from '../input/list-cache';
import { thisDevice } from '../workspace/device';
import { acquireWorkspaceLock } from '../workspace/lock';
import { reportsDirFor } from '../workspace/sync/shared';
import { loadReportBranding, type ReportBranding } from '../report/branding';
import { type ListSources, listPath, resolveJobSettings } from './job-inputs';
import { type JobSession, resolveJobSession, SESSION_DEFAULTS, type SessionRequest } from './job-session';

export interface ScoreRunRequest extends ListSources {
  /** A preset chosen for this run: it starts from that preset alone, not from the workspace's scoring fields. */
  preset?: PresetName;
  overrides?: SettingsOverrides;
  /** The session's flags and overrides; the workspace above is its default (job-session.ts). */
  session: Omit<SessionRequest, 'workspace'>;
  skipInvalid?: boolean;
  /** Take the workspace's lock for the run (the CLI); the app holds it while the workspace is open. */
  lock?: 'cli' | 'app';
  /** Take the workspace even though another computer's lock note says it is in use (--break-lock). */
  breakLock?: boolean;
  warn: (message: string) => void;
  /** What loses nothing (merged duplicates, scaled weights): --quiet leaves these out. */
  notice?: (message: string) => void;
}

export interface PreparedScoreRun {
  candidates: string[];
  targets: string[];
  regions: string[];
  settings: ScoringSettings;
  /** The resolved API session: clock, key, cache and its lifetimes, plan, budget. */
  session: JobSession;
  dataDir?: string;
  velocityThreshold: number;
  /** The workspace's reports folder (this device's own in a shared workspace: sync/shared.ts), when there is one. */
  reportsDir?: string;
  /** The workspace's branding for the reports, its logo read and checked (null: none, or no workspace). */
  branding: ReportBranding | null;
  release: () => Promise<void>;
}

/** Every problem is a TagfitError('input') that says where (file and line, option, setting). */
export async function prepareScoreRun(req: ScoreRunRequest): Promise<PreparedScoreRun> {
  const ws = req.workspace;
  const tagsFile = listPath('tags', req, true);
  const regionsFile = listPath('regions', req, true);
  // Parsed again only when a file changed: the app prepares a re-score on every slider step.
  const lists = await Promise.all([
    readTagListCached(tagsFile),
    readCreatorListCached(listPath('creators', req, true)),
    readRegionListCached(regionsFile),
  ]);
  checkLists(lists, req.warn, req.skipInvalid === true, req.notice ?? req.warn);
  const [tags, creators, regions] = lists;
  if (tags.values.length === 0)
    throw new TagfitError('input', `${tagsFile}: no candidate hashtags to score.`);
  if (regions.values.length === 0) throw new TagfitError('input', `${regionsFile}: no regions to score.`);
  const settings = resolveJobSettings(ws, req.preset, req.overrides, req.notice ?? req.warn);
  // A bad logo is said before any credit is spent, not when the reports are written.
  const branding = ws ? await loadReportBranding(ws.dir, ws.settings.branding, ws.paths.settings) : null;

  // The session is resolved after the lists: a list's own problem is said before a missing key.
  const sessionRequest: SessionRequest = { warn: req.warn, ...req.session, workspace: ws };
  let release = async (): Promise<void> => {};
  if (ws && req.lock) {
    const held = await acquireWorkspaceLock(
      ws.dir,
      // The run's clock names the run (its id is made from it) to a Tagfit this lock refuses.
      {
        app: req.lock,
        task: `a score run at ${(req.session.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
      },
      { breakLock: req.breakLock === true },
    );
    for (const m of held.broken) req.warn(m);
    release = () => held.release();
  }
  try {
    return {
      candidates: tags.values,
      targets: creators.values,
      regions: regions.values,
      settings,
      session: await resolveJobSession(sessionRequest),
      dataDir: ws?.paths.data,
      velocityThreshold: ws?.settings.velocityThreshold ?? SESSION_DEFAULTS.velocityThreshold,
      reportsDir: ws ? await reportsDirFor(ws.paths, await thisDevice()) : undefined,
      branding,
      release,
    };
  } catch (e) {
    await release();
    throw e;
  }
}

/** What the cache will answer for a prepared run and what the network must, judged with the run's clock. */
export function estimateScoreRun(prepared: PreparedScoreRun): Promise<CreditEstimate> {
  const s = prepared.session;
  return estimateCredits({
    cache: s.cache
      ? namespacedCache(s.cache, sourceNamespace(s.demo, s.apiBase, DEFAULT_API_BASE))
      : undefined,
    maxAgeMs: s.maxAgeMs,
    infoMaxAgeMs: s.infoMaxAgeMs,
    now: s.now.getTime(),
    clockIsFixed: s.clockIsFixed,
    candidates: prepared.candidates,
    targets: prepared.targets,
    regions: prepared.regions,
    settings: prepared.settings,
  });
}

/** "estimate: 12 answers from the cache, 40-52 credits to spend (expected 45, worst case 52; reference method: 80)". */
export function describeEstimate(e: CreditEstimate): string {
  const { min, max } = e.network;
  const spend = min === max ? String(min) : `${min}-${max}`;
  const expected = min === max ? '' : `expected ${e.expected}, worst case ${max}; `;
  return `estimate: ${plural(e.fromCache, 'answer')} from the cache, ${spend} credits to spend (${expected}reference method: ${e.reference})`;
}
