// The detail view's sample, each post with its full caption: a run holds only the captions' hashtags (lean-posts.ts),
// so the pair's pages are read back from the workspace's answer cache on demand, page by page as the run asked for
// them (no call, no credit). A post the cache no longer answers for shows its hashtags, and says so.
import type { Challenge, PostsPage, RegionCode } from '../../shared/model';
import type { SamplePost } from '../../shared/ipc/results';
import { cacheKey } from '../api/cache-key';
import { challengePostsEndpoint, type PostsQuery } from '../api/endpoints';
import type { AnswerCache } from '../api/types';
import { type HeldPost, isLean, leanTags } from '../pipeline/lean-posts';

export interface SampleCaptionsRequest {
  /** The pair's sample as the run holds it, in served order. */
  posts: readonly HeldPost[];
  /** The hashtag's info as the run fetched it (its id names the cached pages); none: nothing to read back. */
  challenge: Challenge | null | undefined;
  region: RegionCode;
  /** How the run paged its samples: the cached pages are named by page size and cursor. */
  sampling: { pages: number; pageSize: number };
  /** Target creators, lower case: their posts are marked. */
  targets: ReadonlySet<string>;
  /** The workspace's answer cache, in the run's source's namespace; absent: captions are the hashtags held. */
  cache?: AnswerCache;
}

/** Why a caption is only its hashtags, in the words the detail view shows. */
export const CAPTION_NOT_KEPT =
  "Full caption not kept: the run holds only a caption's hashtags, and the workspace's cache no longer has this page.";

/** One cached page of the pair, decoded as the client decodes it; undefined when missing or no longer valid. */
async function cachedPage(cache: AnswerCache, q: PostsQuery): Promise<PostsPage | undefined> {
  const ctx = { endpoint: challengePostsEndpoint.path, subject: challengePostsEndpoint.subject(q) };
  try {
    const hit = await cache.get(cacheKey(challengePostsEndpoint.path, challengePostsEndpoint.params(q)));
    return hit ? challengePostsEndpoint.decode(hit.body, ctx, q) : undefined;
  } catch {
    // An unreadable or invalid entry: the hashtags held are shown instead, as for a missing one.
    return undefined;
  }
}

/** Full captions by post id from the pair's cached pages, read in the run's order until every held id is found. */
async function cachedCaptions(req: SampleCaptionsRequest, want: Set<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const { cache, challenge } = req;
  if (!cache || !challenge || want.size === 0) return found;
  let cursor = '0';
  for (let page = 0; page < req.sampling.pages && found.size < want.size; page++) {
    const answer = await cachedPage(cache, {
      challengeId: challenge.id,
      count: req.sampling.pageSize,
      cursor,
      region: req.region,
      hashtag: challenge.name,
    });
    if (!answer) break;
    for (const p of answer.posts) if (want.has(p.id)) found.set(p.id, p.caption);
    if (!answer.hasMore || answer.cursor === '' || answer.cursor === cursor) break;
    cursor = answer.cursor;
  }
  return found;
}

/** The pair's posts for the detail view: numbers as held, captions in full where the cache still has them. */
export async function samplePostsWithCaptions(req: SampleCaptionsRequest): Promise<SamplePost[]> {
  const want = new Set(req.posts.filter((p) => isLean(p) && p.id !== '').map((p) => p.id));
  const full = await cachedCaptions(req, want);
  return req.posts.map((p) => {
    const caption = isLean(p) ? full.get(p.id) : p.caption;
    return {
      id: p.id,
      createTime: p.createTime,
      likes: p.likes,
      plays: p.plays,
      authorId: p.authorId,
      target: req.targets.has(p.authorId.toLowerCase()),
      ...(caption !== undefined
        ? { caption, captionFull: true }
        : {
            caption: isLean(p)
              ? leanTags(p)
                  .map((t) => `#${t}`)
                  .join(' ')
              : '',
            captionFull: false,
            captionNote: CAPTION_NOT_KEPT,
          }),
    };
  });
}
