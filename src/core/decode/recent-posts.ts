// A creator's recent posts through /userinfo-by-username/ and /user-posts/, paged up to a limit: what both
// competitor decoding and the creator-fit score read.
import type { Post, UserInfo } from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import { clampFutureTimes } from '../pipeline/run';

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
  const posts: Post[] = [];
  let cursor = '0';
  while (posts.length < limit) {
    const page = await api.userPosts(
      { userId: user.id, count: Math.min(USER_POSTS_PAGE_MAX, limit), cursor, username },
      { signal: opts.signal },
    );
    posts.push(...page.posts);
    if (!page.hasMore) break;
    if (page.posts.length === 0) {
      warn(
        `@${username}: the API said there were more posts but sent an empty page; stops at ${posts.length}.`,
      );
      break;
    }
    if (page.cursor === cursor || page.cursor === '') {
      warn(`@${username}: the API's cursor did not advance (${cursor}); stops at ${posts.length}.`);
      break;
    }
    cursor = page.cursor;
  }
  return { username, user, posts: clampFutureTimes(posts.slice(0, limit), nowSec, `@${username}`, warn) };
}
