// The one session builder every job starts from, for the CLI and the app alike: a workspace (optional) and the
// caller's explicit overrides resolved once, with the same defaults everywhere, into what an API session needs.
import { RUN_SETTINGS, settingRef } from '../../shared/scoring-registry';
import { TagfitError } from '../errors';
import type { Keychain } from '../secrets/keychain';
import { resolveApiKey } from '../secrets/key-policy';
import type { Secret } from '../secrets/secret';
import { createFileCache, DEFAULT_CACHE_MAX_BYTES, type FileCache } from '../workspace/cache';
import { createWorkspaceCache } from '../workspace/device-cache';
import type { Workspace } from '../workspace/layout';
import type { LedgerJob } from '../../shared/ledger';
import { type ApiSession, type ApiSessionOptions, openApiSession } from './api-session';

/** What a session uses when neither the workspace nor the caller says otherwise: the settings registry's defaults. */
export const SESSION_DEFAULTS = {
  cacheMaxAgeHours: RUN_SETTINGS.cacheMaxAgeHours.default,
  infoCacheMaxAgeHours: RUN_SETTINGS.infoCacheMaxAgeHours.default,
  cacheMaxBytes: DEFAULT_CACHE_MAX_BYTES,
  requestsPerMinute: RUN_SETTINGS.requestsPerMinute.default,
  concurrency: RUN_SETTINGS.concurrency.default,
  velocityThreshold: RUN_SETTINGS.velocityThreshold.default,
  timeoutMs: RUN_SETTINGS.timeoutSeconds.default * 1000,
} as const;

/** Where a run's key may come from; the key policy (secrets/key-policy.ts) decides. */
export interface KeySource {
  /** TIKLIVE_KEY, where the caller reads the environment; it wins over the keychain. */
  env?: string;
  keychain: Keychain;
}

export interface SessionRequest {
  /** An opened workspace: its cache, cache lifetimes and plan (rpm, concurrency) are the defaults. */
  workspace?: Workspace;
  /** Demo mode: the built-in simulator answers, no key needed. */
  demo: boolean;
  apiBase?: string;
  /** The run clock; the wall clock when absent. */
  now?: Date;
  /** `now` was fixed by the user (`--now`, a test clock): cache ages are judged on it. */
  clockIsFixed?: boolean;
  /** The key's sources; 'none' for what never calls the API (an estimate). */
  keys: KeySource | 'none';
  /** A cache already open (the app keeps one per workspace, so what it read stays known). */
  cache?: FileCache;
  /** A cache folder that wins over the workspace's (--cache-dir). */
  cacheDir?: string;
  /** false: never read an answer from the cache, but keep storing fresh ones (--no-cache). */
  readCache?: boolean;
  /** One lifetime for every answer (--max-age), instead of the workspace's two. */
  maxAgeHours?: number;
  offline?: boolean;
  requestsPerMinute?: number;
  concurrency?: number;
  timeoutMs?: number;
  maxCredits?: number;
  /** Read the cache synchronously (the CLI; main must not block). */
  syncCacheReads?: boolean;
  retry?: ApiSessionOptions['retry'];
  warn?: (message: string) => void;
}

/** A resolved session: every field an API session takes but the run's signal and warnings. */
export interface JobSession extends Omit<ApiSessionOptions, 'signal' | 'onWarning'> {
  now: Date;
  clockIsFixed: boolean;
  key?: Secret;
  cache?: FileCache;
  cacheDir?: string;
  maxAgeMs: number;
  infoMaxAgeMs: number;
  offline: boolean;
  requestsPerMinute: number;
  concurrency: number;
  timeoutMs: number;
}

const HOUR = 3_600_000;

/** Every problem is a TagfitError('input') that says which option is at fault. */
export async function resolveJobSession(req: SessionRequest): Promise<JobSession> {
  const ws = req.workspace?.settings;
  const readCache = req.readCache ?? true;
  const cacheDir = req.cacheDir ?? req.workspace?.paths.cache;
  const offline = req.offline === true;
  if (offline && !readCache)
    throw new TagfitError(
      'input',
      `${settingRef('offline')} and ${settingRef('noCache')} contradict each other.`,
      { settings: ['offline', 'noCache'] },
    );
  if (offline && !cacheDir && !req.cache)
    throw new TagfitError(
      'input',
      `${settingRef('offline')} needs a cache: ${settingRef('workspace')} or ${settingRef('cacheDir')}.`,
      { settings: ['offline', 'workspace', 'cacheDir'] },
    );
  const maxAgeHours = req.maxAgeHours ?? ws?.cacheMaxAgeHours ?? SESSION_DEFAULTS.cacheMaxAgeHours;
  // An explicit lifetime (--max-age) holds for every answer; otherwise info keeps its own, longer one.
  const infoMaxAgeHours =
    req.maxAgeHours ?? ws?.infoCacheMaxAgeHours ?? SESSION_DEFAULTS.infoCacheMaxAgeHours;
  const key =
    req.keys === 'none'
      ? undefined
      : await resolveApiKey({ demo: req.demo, offline, env: req.keys.env, keychain: req.keys.keychain });
  const cacheOpts = {
    maxBytes: ws?.cacheMaxBytes ?? SESSION_DEFAULTS.cacheMaxBytes,
    onWarning: req.warn,
    syncReads: req.syncCacheReads === true,
  };
  // A workspace's own cache is per device (device-cache.ts); a --cache-dir is one plain folder.
  const cache =
    req.cache ??
    (req.cacheDir
      ? createFileCache(req.cacheDir, cacheOpts)
      : cacheDir
        ? await createWorkspaceCache(cacheDir, cacheOpts)
        : undefined);
  return {
    now: req.now ?? new Date(),
    clockIsFixed: req.clockIsFixed === true,
    demo: req.demo,
    ...(req.apiBase !== undefined ? { apiBase: req.apiBase } : {}),
    key,
    cache,
    cacheDir,
    maxAgeMs: readCache ? maxAgeHours * HOUR : 0,
    infoMaxAgeMs: readCache ? infoMaxAgeHours * HOUR : 0,
    offline,
    requestsPerMinute: req.requestsPerMinute ?? ws?.requestsPerMinute ?? SESSION_DEFAULTS.requestsPerMinute,
    concurrency: req.concurrency ?? ws?.concurrency ?? SESSION_DEFAULTS.concurrency,
    timeoutMs: req.timeoutMs ?? SESSION_DEFAULTS.timeoutMs,
    ...(req.maxCredits !== undefined ? { maxCredits: req.maxCredits } : {}),
    ...(req.retry ? { retry: req.retry } : {}),
    // A workspace's jobs write what they spend to its credit ledger.
    ...(req.workspace ? { ledgerDataDir: req.workspace.paths.data } : {}),
  };
}

/** The API client of a resolved session for one run: its cancel signal and where its warnings go. */
export function openJobApi(
  session: JobSession,
  run: { signal?: AbortSignal; onWarning?: (message: string) => void; job?: LedgerJob } = {},
): Promise<ApiSession> {
  return openApiSession({ ...session, ...run });
}
