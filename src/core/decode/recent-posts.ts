// A creator's recent posts through /userinfo-by-username/ and /user-posts/, paged up to a limit: what both
// competitor decoding and the creator-fit score read.
import type { Post, UserInfo } from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import { clampFutureTimes, followPages } from '../pipeline/paging';

/** The most posts one /user-posts/ page may ask for (the API's maximum count). */
export const USER_POSTS_PAGE_MAX = 35;

export interface CreatorSample {
  /** The username as listed (no `@`, lower case). */
  username: string;
  user: UserInfo;
  /** At most the limit, newest first as served; a create_time after the run's clock is counted as now. */
  posts: Post[];
}

/** The user's numeric id, then pages of posts following the cursor until `limit` posts or the end. */
export async function fetchCreatorSample(
  api: TikLiveApi,
  username: string,
  limit: number,
  nowSec: number,
  opts: { signal?: AbortSignal; warn?: (m: string) => void } = {},
): Promise<CreatorSample> {
  const warn = opts.warn ?? (() => {});
  const user = await api.userInfo(username, { signal: opts.signal });
  const posts = await followPages(
    (cursor) =>
      api.userPosts(
        { userId: user.id, count: Math.min(USER_POSTS_PAGE_MAX, limit), cursor, username },
        { signal: opts.signal },
      ),
    (got) => got.length < limit,
    `@${username}`,
    warn,
  );
  return { username, user, posts: clampFutureTimes(posts.slice(0, limit), nowSec, `@${username}`, warn) };
}
