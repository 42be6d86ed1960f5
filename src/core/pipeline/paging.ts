// Paging through a posts answer (hashtag or user posts) and the sanity rules every sample gets: a page loop
// that cannot spin on a broken cursor, and post times that cannot lie after the run.
import type { Post, PostsPage } from '../../shared/model';

/**
 * Where a paged sample stands: the posts so far, the cursor of the next page, and whether there is one. `take`
 * adds an answer and ends the sample, with a warning naming `where`, when the API says there is no more, sends an
 * empty page that claims more, or repeats its cursor (so a broken cursor can never spin or count a page twice).
 */
export class PageCursor {
  readonly posts: Post[] = [];
  cursor = '0';
  pages = 0;
  more = true;

  constructor(
    private readonly where: string,
    private readonly warn: (m: string) => void,
  ) {}

  take(answer: PostsPage): void {
    this.pages += 1;
    this.posts.push(...answer.posts);
    if (!answer.hasMore) {
      this.more = false;
    } else if (answer.posts.length === 0) {
      this.warn(
        `${this.where}: the API said there were more posts but sent an empty page; sample stops at ${this.posts.length}.`,
      );
      this.more = false;
    } else if (answer.cursor === this.cursor || answer.cursor === '') {
      this.warn(
        `${this.where}: the API's cursor did not advance (${this.cursor}); sample stops at ${this.posts.length}.`,
      );
      this.more = false;
    } else {
      this.cursor = answer.cursor;
    }
  }
}

/**
 * Fetches pages from cursor "0", following each answer's cursor while `more(posts, pagesFetched)` holds and
 * the API says it has more (see PageCursor).
 */
export async function followPages(
  fetchPage: (cursor: string) => Promise<PostsPage>,
  more: (posts: readonly Post[], pagesFetched: number) => boolean,
  where: string,
  warn: (m: string) => void,
): Promise<Post[]> {
  const page = new PageCursor(where, warn);
  while (page.more && more(page.posts, page.pages)) page.take(await fetchPage(page.cursor));
  return page.posts;
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
