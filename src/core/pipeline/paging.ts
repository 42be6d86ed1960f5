// Paging through a posts answer (hashtag or user posts) and the sanity rules every sample gets: a page loop
// that cannot spin on a broken cursor, and post times that cannot lie after the run.
import type { Post, PostsPage } from '../../shared/model';

/**
 * Fetches pages from cursor "0", following each answer's cursor while `more(posts, pagesFetched)` holds and
 * the API says it has more. An empty page that claims more, or a cursor that does not advance, ends the sample
 * with a warning naming `where` instead of looping or counting a page twice.
 */
export async function followPages(
  fetchPage: (cursor: string) => Promise<PostsPage>,
  more: (posts: readonly Post[], pagesFetched: number) => boolean,
  where: string,
  warn: (m: string) => void,
): Promise<Post[]> {
  const posts: Post[] = [];
  let cursor = '0';
  for (let pages = 0; more(posts, pages);) {
    const answer = await fetchPage(cursor);
    pages += 1;
    posts.push(...answer.posts);
    if (!answer.hasMore) break;
    if (answer.posts.length === 0) {
      warn(
        `${where}: the API said there were more posts but sent an empty page; sample stops at ${posts.length}.`,
      );
      break;
    }
    if (answer.cursor === cursor || answer.cursor === '') {
      warn(`${where}: the API's cursor did not advance (${cursor}); sample stops at ${posts.length}.`);
      break;
    }
    cursor = answer.cursor;
  }
  return posts;
}

/** A post dated this far past the run's clock is not clock drift between two machines: it is said. */
const FUTURE_TOLERANCE_S = 10 * 60;

/**
 * A post cannot be created after the run: a `create_time` in the future (a skewed or broken server clock) is
 * counted as created now, so it stays in the velocity window without pushing the newest post past the run.
 */
export function clampFutureTimes(
  posts: Post[],
  nowSec: number,
  where: string,
  warn: (m: string) => void,
): Post[] {
  const ahead = posts.filter((p) => p.createTime > nowSec);
  if (ahead.length === 0) return posts;
  const most = Math.max(...ahead.map((p) => p.createTime - nowSec));
  if (most > FUTURE_TOLERANCE_S) {
    warn(
      `${where}: ${ahead.length} of ${posts.length} posts have a create_time in the future (up to ${Math.ceil(most / 3600)} h after the run's clock); counted as created now.`,
    );
  }
  return posts.map((p) => (p.createTime > nowSec ? { ...p, createTime: nowSec } : p));
}
