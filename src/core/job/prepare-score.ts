// From a workspace (and/or list files) and the caller's overrides to a score run's inputs: the lists read and
// checked, the settings resolved, the cache opened, the lock taken. The CLI and the app's main process both call
// this; each only turns its own input (flags, IPC requests) into a ScoreRunRequest.
import path from 'node:path';
import type { PresetName, ScoringSettings } from '../../shared/model';
import { namespacedCache, sourceNamespace } from './namespaced-cache';
import { DEFAULT_API_BASE } from './api-session';
import { type CreditEstimate, estimateCredits } from './estimate';
import { TagfitError } from '../errors';
import { DEFAULT_PRESET, settingRef } from '../../shared/scoring-registry';
import { resolveSettings, type SettingsOverrides } from '../engine/presets';
import { checkLists, readCreatorList, readRegionList, readTagList } from '../input/csv-lists';
import { createFileCache, type FileCache } from '../workspace/cache';
import { acquireWorkspaceLock } from '../workspace/lock';
import type { Workspace } from '../workspace/layout';
import { scoringOverrides } from '../workspace/settings';

export interface ScoreRunRequest {
  /** An opened workspace: its lists, settings, cache, history and reports folder are the defaults. */
  workspace?: Workspace;
  /** List files that win over the workspace's (the CLI's --tags, --creators, --regions). */
  files?: { tags?: string; creators?: string; regions?: string };
  /** The folder of the demo lists, used when neither a file nor a workspace gives a list (--demo). */
  demoDir?: string;
  /** A preset chosen for this run: it starts from that preset alone, not from the workspace's scoring fields. */
  preset?: PresetName;
  overrides?: SettingsOverrides;
  maxAgeHours?: number;
  cacheDir?: string;
  /** A cache already open on that folder (the app keeps one per workspace, so what it read stays known). */
  cache?: FileCache;
  /** false: never read an answer from the cache, but keep storing fresh ones (--no-cache). */
  readCache?: boolean;
  offline?: boolean;
  skipInvalid?: boolean;
  /** Take the workspace's lock for the run (the CLI); the app holds it while the workspace is open. */
  lock?: 'cli' | 'app';
  /** Read the cache synchronously (the CLI; main must not block). */
  syncCacheReads?: boolean;
  requestsPerMinute?: number;
  concurrency?: number;
  warn: (message: string) => void;
  /** What loses nothing (merged duplicates, scaled weights): --quiet leaves these out. */
  notice?: (message: string) => void;
}

export interface PreparedScoreRun {
  candidates: string[];
  targets: string[];
  regions: string[];
  settings: ScoringSettings;
  cache?: FileCache;
  cacheDir?: string;
  maxAgeMs: number;
  /** Cached challenge info lives longer (the workspace's infoCacheMaxAgeHours, a week by default). */
  infoMaxAgeMs: number;
  dataDir?: string;
  velocityThreshold: number;
  /** The workspace's reports folder, when there is a workspace. */
  reportsDir?: string;
  requestsPerMinute?: number;
  concurrency?: number;
  release: () => Promise<void>;
}

/** Every problem is a TagfitError('input') that says where (file and line, option, setting). */
export async function prepareScoreRun(req: ScoreRunRequest): Promise<PreparedScoreRun> {
  const ws = req.workspace;
  const file = (name: 'tags' | 'creators' | 'regions'): string => {
    const given = req.files?.[name] ?? ws?.paths[name];
    if (given) return given;
    if (req.demoDir) return path.join(req.demoDir, `${name}.csv`);
    throw new TagfitError(
      'input',
      `${settingRef(name)} is required (or ${settingRef('workspace')}, or ${settingRef('demo')}).`,
      { settings: [name, 'workspace', 'demo'] },
    );
  };
  const tagsFile = file('tags');
  const regionsFile = file('regions');
  const lists = await Promise.all([
    readTagList(tagsFile),
    readCreatorList(file('creators')),
    readRegionList(regionsFile),
  ]);
  checkLists(lists, req.warn, req.skipInvalid === true, req.notice ?? req.warn);
  const [tags, creators, regions] = lists;
  if (tags.values.length === 0)
    throw new TagfitError('input', `${tagsFile}: no candidate hashtags to score.`);
  if (regions.values.length === 0) throw new TagfitError('input', `${regionsFile}: no regions to score.`);

  const wsSettings = ws?.settings;
  const preset = req.preset ?? wsSettings?.preset ?? DEFAULT_PRESET;
  const settings = resolveSettings(
    preset,
    {
      // The workspace's scoring fields belong to its preset: an explicit preset starts from that preset alone.
      ...(wsSettings && !req.preset ? scoringOverrides(wsSettings) : {}),
      ...req.overrides,
      weights: {
        ...(wsSettings && !req.preset ? scoringOverrides(wsSettings).weights : {}),
        ...req.overrides?.weights,
      },
    },
    req.notice ?? req.warn,
  );

  const maxAgeHours = req.maxAgeHours ?? wsSettings?.cacheMaxAgeHours ?? 24;
  const cacheDir = req.cacheDir ?? ws?.paths.cache;
  const readCache = req.readCache ?? true;
  if (req.offline && !readCache)
    throw new TagfitError(
      'input',
      `${settingRef('offline')} and ${settingRef('noCache')} contradict each other.`,
      { settings: ['offline', 'noCache'] },
    );
  if (req.offline && !cacheDir)
    throw new TagfitError(
      'input',
      `${settingRef('offline')} needs a cache: ${settingRef('workspace')} or ${settingRef('cacheDir')}.`,
      { settings: ['offline', 'workspace', 'cacheDir'] },
    );

  let release = async (): Promise<void> => {};
  if (ws && req.lock) {
    const held = await acquireWorkspaceLock(ws.dir, { app: req.lock });
    release = () => held.release();
  }
  const cache =
    req.cache ??
    (cacheDir
      ? createFileCache(cacheDir, {
          maxBytes: wsSettings?.cacheMaxBytes,
          onWarning: req.warn,
          syncReads: req.syncCacheReads === true,
        })
      : undefined);
  return {
    candidates: tags.values,
    targets: creators.values,
    regions: regions.values,
    settings,
    cache,
    cacheDir,
    maxAgeMs: readCache ? maxAgeHours * 3_600_000 : 0,
    // An explicit lifetime (--max-age) holds for every answer; otherwise info keeps its own, longer one.
    infoMaxAgeMs: readCache
      ? req.maxAgeHours !== undefined
        ? req.maxAgeHours * 3_600_000
        : (wsSettings?.infoCacheMaxAgeHours ?? 168) * 3_600_000
      : 0,
    dataDir: ws?.paths.data,
    velocityThreshold: wsSettings?.velocityThreshold ?? 0.5,
    reportsDir: ws?.paths.reports,
    requestsPerMinute: req.requestsPerMinute ?? wsSettings?.requestsPerMinute,
    concurrency: req.concurrency ?? wsSettings?.concurrency,
    release,
  };
}

/** What the cache will answer for a prepared run and what the network must, judged with the run's clock. */
export function estimateScoreRun(
  prepared: PreparedScoreRun,
  source: { demo: boolean; apiBase?: string; now: Date; clockIsFixed?: boolean },
): Promise<CreditEstimate> {
  return estimateCredits({
    cache: prepared.cache
      ? namespacedCache(prepared.cache, sourceNamespace(source.demo, source.apiBase, DEFAULT_API_BASE))
      : undefined,
    maxAgeMs: prepared.maxAgeMs,
    infoMaxAgeMs: prepared.infoMaxAgeMs,
    now: source.now.getTime(),
    clockIsFixed: source.clockIsFixed,
    candidates: prepared.candidates,
    regions: prepared.regions,
    settings: prepared.settings,
  });
}

/** "estimate: 12 answers from the cache, 40-52 credits to spend (reference method: 80)". */
export function describeEstimate(e: CreditEstimate): string {
  const { min, max } = e.network;
  const spend = min === max ? String(min) : `${min}-${max}`;
  return `estimate: ${e.fromCache} answers from the cache, ${spend} credits to spend (reference method: ${e.reference})`;
}
