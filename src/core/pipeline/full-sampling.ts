// Full sampling: every hashtag's `pages` pages in every region, fetched at once through the client's queue.
import type { Challenge, Post, RegionCode, ScoringSettings } from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import { internTableOf, leanSample } from './lean-posts';
import { clampFutureTimes, followPages } from './paging';
import type { RunContext } from './run-context';
import { sampleKey } from './run-samples';

/** Up to `pages` pages of a hashtag's posts in one region, following the cursor. */
function fetchSample(
  api: TikLiveApi,
  challenge: Challenge,
  region: RegionCode,
  settings: ScoringSettings,
  signal: AbortSignal | undefined,
  warn: (m: string) => void,
): Promise<Post[]> {
  return followPages(
    (cursor) =>
      api.challengePosts(
        { challengeId: challenge.id, count: settings.pageSize, cursor, region, hashtag: challenge.name },
        { signal },
      ),
    (_posts, pages) => pages < settings.pages,
    `#${challenge.name} in ${region}`,
    warn,
  );
}

/** Every pair sampled to `pages` pages (or as many as the API has), all at once. */
export async function sampleFull(ctx: RunContext): Promise<void> {
  const { api, candidates, regions, settings, signal, nowSec, data, done, emit, progress, warn } = ctx;
  const { info, needsSample, noSample, stopped, handleError } = ctx;
  await Promise.all(
    candidates.map(async (candidate) => {
      const challenge = await info(candidate);
      if (challenge === undefined) return;
      await Promise.all(
        regions.map(async (region) => {
          if (!needsSample(challenge)) return noSample(candidate, region);
          try {
            if (stopped()) return;
            emit({ type: 'fetching', tag: challenge.name, region, ...progress() });
            const posts = clampFutureTimes(
              await fetchSample(api, challenge, region, settings, signal, warn),
              nowSec,
              `#${challenge.name} in ${region}`,
              warn,
            );
            const key = sampleKey(region, candidate);
            // Held lean from now on: the numbers, the author and the caption's hashtags (lean-posts.ts).
            data.samples.set(key, leanSample(posts, internTableOf(data.samples)));
            done.add(key);
            emit({ type: 'scored', tag: challenge.name, region, ...progress() });
          } catch (e) {
            handleError(e, challenge.name, region);
          }
        }),
      );
    }),
  );
}
