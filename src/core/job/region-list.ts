// The region list the Regions view offers: TikLiveAPI's own (cached like any answer) when a key or the cache can
// give it, else the built-in ISO 3166 list, so a workspace can be prepared with no key, offline, before a plan is
// bought. A run still checks its regions against TikLiveAPI's list (api-session.ts, checkRegions).
import { ISO_REGIONS } from '../../shared/iso-regions';
import type { RegionCode } from '../../shared/model';
import { TagfitError } from '../errors';
import { type JobSession, openJobApi } from './job-session';

export interface RegionListAnswer {
  regions: Record<RegionCode, string>;
  /** Answered by the cache (no credit). */
  fromCache: boolean;
  source: 'api' | 'cache' | 'built-in';
  /** Where the list came from and what it cost, in words. */
  note: string;
}

/** The built-in list, saying why TikLiveAPI's was not used. */
export function builtInRegions(why: string): RegionListAnswer {
  return {
    regions: { ...ISO_REGIONS },
    fromCache: false,
    source: 'built-in',
    note: `The built-in list of countries (ISO 3166): ${why}. A run checks the regions against TikLiveAPI's own list.`,
  };
}

async function ask(session: JobSession): Promise<RegionListAnswer> {
  // The region list changes as seldom as challenge info: it keeps that lifetime (a week by default).
  const api = await openJobApi({ ...session, maxAgeMs: session.infoMaxAgeMs }, { job: 'regions' });
  try {
    const regions = await api.api.regionList();
    const fromCache = api.api.credits().fromCache > 0;
    return {
      regions,
      fromCache,
      source: fromCache ? 'cache' : 'api',
      note: fromCache
        ? "TikLiveAPI's region list, from the cache: no credit."
        : "TikLiveAPI's region list: 1 credit.",
    };
  } finally {
    await api.close();
  }
}

/**
 * `online` resolves the workspace's session with its key (a TagfitError 'input' when there is none); `offline`, the
 * same session on the cache alone.
 */
export async function regionListJob(sessions: {
  online(): Promise<JobSession>;
  offline(): Promise<JobSession>;
}): Promise<RegionListAnswer> {
  let session: JobSession | undefined;
  try {
    session = await sessions.online();
  } catch (e) {
    if (!(e instanceof TagfitError) || e.code !== 'input') throw e;
  }
  if (!session) {
    // No key (or no keychain): what the cache holds, else the built-in list.
    try {
      const cached = await ask(await sessions.offline());
      if (Object.keys(cached.regions).length > 0) return cached;
    } catch (e) {
      if (!(e instanceof TagfitError)) throw e;
    }
    return builtInRegions('no TikLiveAPI key is set yet');
  }
  try {
    const answer = await ask(session);
    if (Object.keys(answer.regions).length === 0)
      return builtInRegions("TikLiveAPI's region list came back empty");
    return answer;
  } catch (e) {
    if (!(e instanceof TagfitError) || e.code === 'cancelled') throw e;
    return builtInRegions(`TikLiveAPI's list could not be had (${e.message})`);
  }
}
