// Before a run: how many answers the cache holds and how many credits the rest will cost. Follows the
// cached page chain (each page's cursor names the next), so a half-fetched sample counts only its missing pages.
import type { CreditEstimate } from '../../shared/estimate';
import type { RegionCode, ScoringSettings } from '../../shared/model';

export type { CreditEstimate };
import { cacheKey } from '../api/cache-key';
import { challengeInfoEndpoint, challengePostsEndpoint, regionListEndpoint } from '../api/endpoints';
import { answerAge } from '../api/freshness';
import type { AnswerCache, CachedAnswer } from '../api/types';
import { toChallenge, toPostsPage } from '../api/to-model';

export interface EstimateInput {
  cache?: AnswerCache;
  maxAgeMs: number;
  /** Lifetime of cached challenge info, when it has its own. */
  infoMaxAgeMs?: number;
  /** The run clock (ms); `clockIsFixed` as the client takes it (see freshness.ts). */
  now: number;
  clockIsFixed?: boolean;
  candidates: readonly string[];
  regions: readonly RegionCode[];
  settings: ScoringSettings;
}

export async function estimateCredits(input: EstimateInput): Promise<CreditEstimate> {
  const { settings, regions } = input;
  const fresh = async (key: string, maxAgeMs = input.maxAgeMs): Promise<CachedAnswer | undefined> => {
    if (!input.cache) return undefined;
    try {
      const a = await input.cache.get(key);
      const clock = { runNow: input.now, realNow: input.clockIsFixed ? undefined : Date.now() };
      return a && answerAge(a, clock) <= maxAgeMs ? a : undefined;
    } catch {
      return undefined;
    }
  };
  const est: CreditEstimate = {
    fromCache: 0,
    network: { min: 0, max: 0 },
    reference: input.candidates.length * regions.length * (1 + settings.pages),
    pairsCached: 0,
    pairs: input.candidates.length * regions.length,
  };
  const ctx = { endpoint: '', subject: '' };
  // Every run checks its regions against the region list first: one answer, one credit when not cached.
  if (await fresh(cacheKey(regionListEndpoint.path, regionListEndpoint.params({})))) est.fromCache += 1;
  else {
    est.network.min += 1;
    est.network.max += 1;
  }
  for (const name of input.candidates) {
    const info = await fresh(
      cacheKey(challengeInfoEndpoint.path, challengeInfoEndpoint.params({ name })),
      input.maxAgeMs > 0 ? (input.infoMaxAgeMs ?? input.maxAgeMs) : 0,
    );
    let challenge;
    try {
      challenge = info ? toChallenge(info.body, ctx, name) : undefined;
    } catch {
      challenge = undefined; // a cached "not found" or a damaged entry: nothing to sample
      if (info) est.pairsCached += regions.length;
    }
    if (info) est.fromCache += 1;
    else {
      est.network.min += 1;
      // Unknown until the info answer says whether the tag exists and is commercial.
      est.network.max += 1 + regions.length * settings.pages;
      continue;
    }
    if (!challenge) continue;
    if (challenge.isCommerce && !settings.keepCommercial) {
      est.pairsCached += regions.length;
      continue;
    }
    for (const region of regions) {
      let cursor = '0';
      let complete = false;
      for (let page = 0; page < settings.pages; page++) {
        const q = { challengeId: challenge.id, count: settings.pageSize, cursor, region };
        const hit = await fresh(cacheKey(challengePostsEndpoint.path, challengePostsEndpoint.params(q)));
        if (!hit) {
          est.network.min += 1;
          est.network.max += settings.pages - page;
          break;
        }
        est.fromCache += 1;
        let next;
        try {
          next = toPostsPage(hit.body, ctx);
        } catch {
          break;
        }
        if (
          !next.hasMore ||
          next.posts.length === 0 ||
          next.cursor === cursor ||
          page === settings.pages - 1
        ) {
          complete = true;
          break;
        }
        cursor = next.cursor;
      }
      if (complete) est.pairsCached += 1;
    }
  }
  return est;
}
