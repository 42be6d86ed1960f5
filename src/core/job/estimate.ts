// Before a run: how many answers the cache holds and how many credits the rest will cost. Follows the
// cached page chain (each page's cursor names the next), so a half-fetched sample counts only its missing pages.
import type { CreditEstimate } from '../../shared/estimate';
import type { RegionCode, ScoringSettings } from '../../shared/model';

export type { CreditEstimate };
import { cacheKey } from '../api/cache-key';
import { createClient } from '../api/client';
import { challengeInfoEndpoint, challengePostsEndpoint, regionListEndpoint } from '../api/endpoints';
import { answerAge } from '../api/freshness';
import type { AnswerCache, CachedAnswer } from '../api/types';
import { toChallenge, toPostsPage } from '../api/to-model';
import { sampleAdaptive } from '../pipeline/adaptive-sampling';
import { createRunContext } from '../pipeline/run-context';
import { runTargets } from '../pipeline/run-samples';
import { Secret } from '../secrets/secret';
import { DEFAULT_API_BASE } from './api-session';

export interface EstimateInput {
  cache?: AnswerCache;
  maxAgeMs: number;
  /** Lifetime of cached challenge info, when it has its own. */
  infoMaxAgeMs?: number;
  /** The run clock (ms); `clockIsFixed` as the client takes it (see freshness.ts). */
  now: number;
  clockIsFixed?: boolean;
  candidates: readonly string[];
  /** The target creators: adaptive sampling's decisions need them to be replayed on a warm cache. */
  targets?: readonly string[];
  regions: readonly RegionCode[];
  settings: ScoringSettings;
}

/**
 * The share of later pages (after page 1) adaptive sampling fetched on the simulator, by list size (npm run bench --
 * --sampling, the mean over three page orders and 26 regions, of the pairs' two later pages; README, adaptive
 * sampling; 2026-12-07, the rule that counts a tag's other regions and reopens a page at a time). Between sizes it
 * is interpolated; past the ends the nearest holds.
 */
const LATER_PAGES_SHARE: readonly (readonly [tags: number, share: number])[] = [
  [10, 0.39],
  [25, 0.52],
  [50, 0.4],
  [100, 0.27],
  [200, 0.17],
];

/** The expected share of later pages fetched for a list of `tags` candidates (1 when sampling in full). */
export function laterPagesShare(tags: number, sampling: ScoringSettings['sampling']): number {
  if (sampling === 'full') return 1;
  const i = LATER_PAGES_SHARE.findIndex(([n]) => n >= tags);
  if (i <= 0) return LATER_PAGES_SHARE[i === 0 ? 0 : LATER_PAGES_SHARE.length - 1]![1];
  const [n0, s0] = LATER_PAGES_SHARE[i - 1]!;
  const [n1, s1] = LATER_PAGES_SHARE[i]!;
  return s0 + ((s1 - s0) * (tags - n0)) / (n1 - n0);
}

export async function estimateCredits(input: EstimateInput): Promise<CreditEstimate> {
  const { settings, regions } = input;
  const later = laterPagesShare(input.candidates.length, settings.sampling);
  /** Expected credits for the pages of a pair from `page` (0-based) on. */
  const pagesFrom = (page: number): number =>
    page === 0 ? 1 + (settings.pages - 1) * later : (settings.pages - page) * later;
  const infoMaxAgeMs = input.maxAgeMs > 0 ? (input.infoMaxAgeMs ?? input.maxAgeMs) : 0;
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
    expected: 0,
    pairsCached: 0,
    pairs: input.candidates.length * regions.length,
  };
  const ctx = { endpoint: '', subject: '' };
  // Every run checks its regions against the region list first: one answer, one credit when not cached.
  if (await fresh(cacheKey(regionListEndpoint.path, regionListEndpoint.params({})))) est.fromCache += 1;
  else {
    est.network.min += 1;
    est.network.max += 1;
    est.expected += 1;
  }
  for (const name of input.candidates) {
    const info = await fresh(
      cacheKey(challengeInfoEndpoint.path, challengeInfoEndpoint.params({ name })),
      infoMaxAgeMs,
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
      est.expected += 1 + regions.length * pagesFrom(0);
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
          // Adaptive sampling may never ask for a later page: at least a credit for a first page only.
          if (page === 0 || settings.sampling === 'full') est.network.min += 1;
          est.network.max += settings.pages - page;
          est.expected += pagesFrom(page);
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
  // Every answer but later pages is in the cache: whether the run asks for any of them is adaptive sampling's
  // decision, a function of the pages in hand, so replayed on the cached pages it says exactly what is left.
  if (
    est.network.min === 0 &&
    est.network.max > 0 &&
    settings.sampling === 'adaptive' &&
    input.cache &&
    input.targets &&
    (await answeredByCache(input.targets, input, (key) =>
      fresh(key, key.startsWith(challengeInfoEndpoint.path) ? infoMaxAgeMs : input.maxAgeMs),
    ))
  ) {
    est.network = { min: 0, max: 0 };
    est.expected = 0;
    est.pairsCached = est.pairs;
  }
  est.expected = Math.min(est.network.max, Math.max(est.network.min, Math.round(est.expected)));
  return est;
}

/**
 * Whether an adaptive run would be wholly answered by the cache: its sampling run on the fresh cached answers alone
 * (offline: nothing is sent, so no key is needed), with no pair left wanting an answer the cache lacks.
 */
async function answeredByCache(
  targets: readonly string[],
  input: EstimateInput,
  fresh: (key: string) => Promise<CachedAnswer | undefined>,
): Promise<boolean> {
  const api = createClient({
    baseUrl: DEFAULT_API_BASE,
    key: new Secret(''),
    offline: true,
    cache: { get: fresh, set: async () => {} },
    clock: () => input.now,
    clockIsFixed: input.clockIsFixed === true,
    requestsPerMinute: Number.POSITIVE_INFINITY,
  });
  const ctx = createRunContext({
    api,
    candidates: input.candidates,
    targets: runTargets(input.settings, targets),
    regions: input.regions,
    settings: input.settings,
    now: new Date(input.now),
  });
  try {
    await sampleAdaptive(ctx);
  } finally {
    ctx.release();
  }
  return ctx.failed.length === 0 && ctx.state.stop === undefined;
}
