// The simulator's endpoints: each request's answer from the generator at the data clock, as TikLiveAPI gives it.
import { hashtagKey, stripHash } from '../../shared/hashtag';
import type { Generator } from './posts';
import type { WireVideo } from './wire-shapes';

/** What the API answers a key it does not accept, with HTTP 200. */
export const AUTH_ERROR_BODY = { message: 'Api-Key is not available' } as const;
interface Answer {
  status: number;
  body: unknown;
  /** A successful data answer, which costs a credit. */
  charged: boolean;
}

const ok = (body: unknown): Answer => ({ status: 200, body, charged: true });
const notFound = (what: string): Answer => ({
  status: 200,
  body: { status: 'error', message: `Not found ${what}` },
  charged: false,
});
const missing = (param: string): Answer => ({
  status: 400,
  body: { status: 'error', message: `Missing parameter: ${param}` },
  charged: false,
});

/** Paths compare with a trailing slash, as the API documents them. */
export const normalisePath = (p: string): string => (p.endsWith('/') ? p : `${p}/`);

/** The most posts a page holds, and how many when the request does not say. */
const MAX_COUNT = 35;
const DEFAULT_COUNT = 30;

function pageCount(raw: string | null): number {
  const n = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(n)) return DEFAULT_COUNT;
  return Math.max(1, Math.min(MAX_COUNT, n));
}

function paged<T>(
  items: T[],
  cursor: string | null,
  count: number,
): { items: T[]; cursor: string; hasMore: boolean } {
  const offset = Math.max(0, Number.parseInt(cursor ?? '0', 10) || 0);
  const page = items.slice(offset, offset + count);
  const next = offset + page.length;
  return { items: page, cursor: String(next), hasMore: next < items.length };
}

/** The answer to a request, or null for a path that is not an endpoint. */
export function route(gen: Generator, path: string, q: URLSearchParams, now: number): Answer | null {
  switch (path) {
    case '/challenge-info-name/': {
      const name = q.get('name');
      if (!name) return missing('name');
      const tag = gen.findTag(name);
      return tag ? ok(gen.challenge(tag, now)) : notFound('challenge');
    }
    case '/challenge-posts/': {
      const id = q.get('challenge_id');
      if (!id) return missing('challenge_id');
      const tag = gen.tagById(id);
      if (!tag) return notFound('challenge');
      const region = q.get('region')?.trim().toUpperCase() || undefined;
      return ok(gen.postsPage(tag, region, now, q.get('cursor') ?? '0', pageCount(q.get('count'))));
    }
    case '/region-list/':
      return ok({ ...gen.dataset.regions });
    case '/userinfo-by-username/': {
      const username = q.get('username');
      if (!username) return missing('username');
      const author = gen.authorByUniqueId(username);
      return author ? ok(gen.userInfo(author)) : notFound('user');
    }
    case '/user-posts/': {
      const userId = q.get('userid');
      if (!userId) return missing('userid');
      const author = gen.authorById(userId);
      if (!author) return notFound('user');
      const p = paged<WireVideo>(gen.userPosts(author, now), q.get('cursor'), pageCount(q.get('count')));
      return ok({ videos: p.items, cursor: p.cursor, hasMore: p.hasMore });
    }
    case '/search-user/': {
      const keyword = (q.get('keyword') ?? '').trim().toLowerCase();
      if (!keyword) return missing('keyword');
      const hits = gen.dataset.authors
        .filter(
          (a) => a.uniqueId.toLowerCase().includes(keyword) || a.nickname.toLowerCase().includes(keyword),
        )
        .sort((a, b) => b.followers - a.followers);
      const p = paged(hits, q.get('cursor'), pageCount(q.get('count')));
      const userList = p.items.map((a) => {
        const info = gen.userInfo(a);
        return {
          user_info: {
            id: a.id,
            uniqueId: a.uniqueId,
            secUid: a.secUid,
            nickname: a.nickname,
            avatarThumb: info.user.avatarThumb,
            signature: info.user.signature,
            verified: a.verified,
            followerCount: a.followers,
            followingCount: a.following,
            heartCount: a.hearts,
            videoCount: a.videos,
          },
        };
      });
      return ok({ user_list: userList, cursor: p.cursor, hasMore: p.hasMore });
    }
    case '/search-challenge/': {
      const keyword = hashtagKey(stripHash(q.get('keyword') ?? ''));
      if (!keyword) return missing('keyword');
      const hits = gen.dataset.tags
        .filter((t) => t.shape !== 'edge' && hashtagKey(t.name).includes(keyword))
        .map((t) => gen.challenge(t, now))
        .sort((a, b) => b.view_count - a.view_count);
      const p = paged(hits, q.get('cursor'), pageCount(q.get('count')));
      return ok({ challenge_list: p.items, cursor: p.cursor, hasMore: p.hasMore });
    }
    default:
      return null;
  }
}
