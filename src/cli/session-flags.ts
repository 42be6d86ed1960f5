// The flags every fetching command shares (clock, API base, plan, cache, budget, demo, workspace), checked and
// turned into one request for the core session builder, so the CLI resolves a session exactly as the app does.
import { checkApiBase as checkApiBaseUrl } from '../core/api/base-url';
import { TagfitError } from '../core/errors';
import { type JobSession, resolveJobSession, type SessionRequest } from '../core/job/job-session';
import { createSystemKeychain } from '../core/secrets/keychain';
import { parseSetting } from './setting-options';
import type { Workspace } from '../core/workspace/layout';

export interface SessionFlags {
  now?: string;
  apiBase?: string;
  rpm?: string;
  concurrency?: string;
  timeout?: string;
  maxCredits?: string;
  maxAge?: string;
  cacheDir?: string;
  /** false with --no-cache. */
  cache?: boolean;
  offline?: boolean;
  demo?: boolean;
}

/** A numeric option's value, or a TagfitError('input') that names the option and its range. */
export const num = (
  value: string | undefined,
  name: string,
  { min, max, int }: { min: number; max: number; int?: boolean },
): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n))) {
    throw new TagfitError(
      'input',
      `--${name} must be ${int ? 'a whole number' : 'a number'} from ${min} to ${max} (got "${value}").`,
    );
  }
  return n;
};

export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const d = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(d.getTime())) {
    throw new TagfitError(
      'input',
      `--now must be an ISO date-time such as 2026-11-20T00:00:00Z (got "${text}").`,
    );
  }
  return d;
}

/** --api-base, by the one check every base URL passes (https except on this machine, no credentials). */
export function checkApiBase(apiBase: string | undefined): void {
  if (apiBase !== undefined) checkApiBaseUrl(apiBase, '--api-base');
}

/**
 * What a command's flags ask of the session builder: the key by the one key policy (TIKLIVE_KEY, else the OS
 * keychain), every other default the app's. `keys: false` for what never calls the API.
 */
export function sessionRequestFromFlags(
  flags: SessionFlags,
  opts: { keys?: boolean; offline?: boolean; warn?: (m: string) => void } = {},
): SessionRequest {
  checkApiBase(flags.apiBase);
  const timeoutS = parseSetting('timeoutSeconds', flags.timeout);
  return {
    demo: flags.demo === true,
    apiBase: flags.apiBase,
    now: parseNow(flags.now),
    clockIsFixed: flags.now !== undefined,
    keys: opts.keys === false ? 'none' : { env: process.env.TIKLIVE_KEY, keychain: createSystemKeychain() },
    cacheDir: flags.cacheDir,
    readCache: flags.cache,
    maxAgeHours: parseSetting('cacheMaxAgeHours', flags.maxAge),
    offline: opts.offline ?? flags.offline,
    requestsPerMinute: parseSetting('requestsPerMinute', flags.rpm),
    concurrency: parseSetting('concurrency', flags.concurrency),
    timeoutMs: timeoutS !== undefined ? timeoutS * 1000 : undefined,
    maxCredits: parseSetting('maxCredits', flags.maxCredits),
    syncCacheReads: true,
    warn: opts.warn,
  };
}

/** The resolved session of a command's flags over an opened workspace (if any). */
export const sessionFromFlags = (
  flags: SessionFlags,
  opts: { workspace?: Workspace; keys?: boolean; offline?: boolean; warn?: (m: string) => void } = {},
): Promise<JobSession> =>
  resolveJobSession({ ...sessionRequestFromFlags(flags, opts), workspace: opts.workspace });

/** The --workspace of a command that needs one, or a usage error that names the command. */
export function requireWorkspaceFlag(flags: { workspace?: string }, command: string): string {
  if (!flags.workspace) throw new TagfitError('input', `tagfit ${command} needs --workspace <dir>.`);
  return flags.workspace;
}
