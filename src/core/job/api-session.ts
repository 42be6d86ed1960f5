// The TikLiveAPI client a job runs on: the built-in simulator in demo mode, else the given base and key, with the
// answer cache kept apart per source. Shared by the score job and the decode jobs (competitor, creator fit).
import type { RegionCode } from '../../shared/model';
import type { LedgerJob } from '../../shared/ledger';
import { appendToLedger } from '../ledger/credit-ledger';
import { checkApiBase } from '../api/base-url';
import { createClient } from '../api/client';
import { challengeInfoEndpoint } from '../api/endpoints';
import type { AnswerCache, ClientOptions, TikLiveApi } from '../api/types';
import { TagfitError } from '../errors';
import { settingRef } from '../../shared/scoring-registry';
import { Secret } from '../secrets/secret';
import { startSimulator, type SimulatorHandle } from '../simulator';
import { namespacedCache, sourceNamespace } from './namespaced-cache';

export const DEFAULT_API_BASE = 'https://api.tikliveapi.com';
/** The placeholder sent to the built-in simulator in demo mode: it is not a secret. */
const DEMO_KEY = 'demo';

export interface ApiSessionOptions {
  /** The run's clock: the demo simulator generates its data for it; answers are stamped with it. */
  now: Date;
  /** `now` was fixed by the user (`--now`): cache ages are judged on it rather than on the wall clock. */
  clockIsFixed?: boolean;
  /** Demo mode: the built-in simulator answers, no key needed. */
  demo: boolean;
  apiBase?: string;
  key?: Secret;
  requestsPerMinute?: number;
  concurrency?: number;
  timeoutMs?: number;
  /** Retry budget and waits of the client (its defaults when absent); tests shorten them. */
  retry?: Pick<ClientOptions, 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;
  cache?: AnswerCache;
  maxAgeMs?: number;
  /** Lifetime of cached challenge info (user_count, view_count); the answers' lifetime when absent. */
  infoMaxAgeMs?: number;
  offline?: boolean;
  maxCredits?: number;
  signal?: AbortSignal;
  onWarning?: (message: string) => void;
  /** The workspace's data folder: what the session spent goes to its credit ledger when it closes. */
  ledgerDataDir?: string;
  /** The job the ledger counts the credits under (with `ledgerDataDir`). */
  job?: LedgerJob;
}

export interface ApiSession {
  api: TikLiveApi;
  /** Stops the demo simulator, if one was started. */
  close(): Promise<void>;
}

export async function openApiSession(opts: ApiSessionOptions): Promise<ApiSession> {
  let simulator: SimulatorHandle | undefined;
  try {
    // Checked however the base arrived (the CLI checks its flag earlier, to say which flag).
    if (opts.apiBase !== undefined) checkApiBase(opts.apiBase);
    let baseUrl = opts.apiBase ?? DEFAULT_API_BASE;
    let key = opts.key;
    if (opts.demo) {
      simulator = await startSimulator({ now: opts.now.getTime(), idleTimeoutMs: 60 * 60_000 });
      baseUrl = simulator.url;
      key = new Secret(DEMO_KEY);
    }
    // Offline, nothing is sent: no key is needed (an empty one is never put on the wire).
    if (!key && opts.offline) key = new Secret('');
    if (!key) {
      throw new TagfitError(
        'input',
        `No TikLiveAPI key: set TIKLIVE_KEY, store one in the OS keychain (\`tagfit key set\`, or the app's Settings), or use ${settingRef('demo')}.`,
        { settings: ['demo'] },
      );
    }
    const api = createClient({
      baseUrl,
      key,
      concurrency: opts.concurrency,
      // The built-in simulator has no plan to respect: the demo is never paced (a workspace's plan is for the API).
      requestsPerMinute: opts.demo ? Infinity : opts.requestsPerMinute,
      timeoutMs: opts.timeoutMs,
      ...opts.retry,
      signal: opts.signal,
      cache: opts.cache
        ? namespacedCache(opts.cache, sourceNamespace(opts.demo, opts.apiBase, DEFAULT_API_BASE))
        : undefined,
      maxAgeMs: opts.maxAgeMs,
      maxAgeByEndpoint:
        opts.infoMaxAgeMs !== undefined && (opts.maxAgeMs ?? 1) > 0
          ? { [challengeInfoEndpoint.path]: opts.infoMaxAgeMs }
          : undefined,
      // Cache ages are judged on the run's clock, like everything else in the run: a run at --now next week
      // must not take this week's answers for fresh ones (its momentum would be all zeros).
      clock: () => opts.now.getTime(),
      clockIsFixed: opts.clockIsFixed === true,
      offline: opts.offline,
      maxCredits: opts.maxCredits,
      onWarning: opts.onWarning,
    });
    const started = simulator;
    return {
      api,
      close: async () => {
        await started?.close();
        await recordSpend(opts, api.credits());
      },
    };
  } catch (e) {
    await simulator?.close();
    throw e;
  }
}

/** The session's spend in the workspace's ledger (a cancelled job's too); a ledger that cannot be written is a warning. */
async function recordSpend(opts: ApiSessionOptions, credits: { used: number; calls: number }): Promise<void> {
  if (!opts.ledgerDataDir || !opts.job || opts.offline) return;
  try {
    await appendToLedger(opts.ledgerDataDir, {
      at: opts.now.toISOString(),
      job: opts.job,
      credits: credits.used,
      calls: credits.calls,
      simulated: opts.demo,
      stopped: opts.signal?.aborted === true,
    });
  } catch (e) {
    opts.onWarning?.(`the credits this job spent were not added to the ledger (${(e as Error).message})`);
  }
}

/** Every region must be one TikLiveAPI knows; the list is fetched once (cached like any answer). */
export async function checkRegions(
  api: TikLiveApi,
  regions: readonly RegionCode[],
  warn: (m: string) => void,
): Promise<Record<RegionCode, string>> {
  let known: Record<RegionCode, string>;
  try {
    known = await api.regionList();
  } catch (e) {
    // A refused key or a cancel: the pipeline meets it on its first call and stops the run with it.
    if (e instanceof TagfitError && (e.code === 'auth' || e.code === 'cancelled')) return {};
    warn(`Could not check the regions against TikLiveAPI's region list (${(e as Error).message}); going on.`);
    return {};
  }
  if (Object.keys(known).length === 0) {
    warn("TikLiveAPI's region list came back empty; the regions were not checked.");
    return known;
  }
  const unknown = regions.filter((r) => !(r in known));
  if (unknown.length > 0) {
    throw new TagfitError(
      'input',
      `Region${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not in TikLiveAPI's region list (${Object.keys(known).length} regions, e.g. ${Object.keys(known).slice(0, 5).join(', ')}).`,
    );
  }
  return known;
}
