// Every TikLiveAPI endpoint in one table: its path, its query parameters and the decoder of its answer,
// so a renamed parameter or a changed shape is one edit here.
import type { Challenge, PostsPage, RegionCode, UserInfo, UserSearchHit } from '../../shared/model';
import type { DecodeContext } from './decode-context';
import {
  toChallenge,
  toChallengeList,
  toPostsPage,
  toRegionList,
  toUserInfo,
  toUserSearchHits,
} from './to-model';

export interface Endpoint<P, R> {
  path: string;
  /** Query parameters; undefined values are left out. */
  params(p: P): Record<string, string | undefined>;
  /** What the call is about, for messages: "#cats", "@alice", 'keyword "cat"' or ''. */
  subject(p: P): string;
  decode(body: unknown, ctx: DecodeContext, p: P): R;
}

export interface PostsQuery {
  challengeId: string;
  count: number;
  cursor: string;
  region?: RegionCode;
  hashtag?: string;
}
export interface UserPostsQuery {
  userId: string;
  count: number;
  cursor: string;
  /** The creator's handle, only for messages. */
  username?: string;
}
export interface SearchQuery {
  keyword: string;
  count: number;
  cursor: string;
}

/** The API wants names without their sigil; people type them with one. */
const bare = (name: string, sigil: '#' | '@'): string => name.trim().replace(new RegExp(`^\\${sigil}+`), '');

export const challengeInfoEndpoint: Endpoint<{ name: string }, Challenge> = {
  path: '/challenge-info-name/',
  params: (p) => ({ name: bare(p.name, '#') }),
  subject: (p) => `#${bare(p.name, '#')}`,
  decode: (body, ctx, p) => toChallenge(body, ctx, bare(p.name, '#')),
};

export const challengePostsEndpoint: Endpoint<PostsQuery, PostsPage> = {
  path: '/challenge-posts/',
  params: (p) => ({
    challenge_id: p.challengeId,
    count: String(p.count),
    cursor: p.cursor,
    region: p.region,
  }),
  subject: (p) =>
    `${p.hashtag ? `#${bare(p.hashtag, '#')}` : `challenge ${p.challengeId}`}${p.region ? ` in ${p.region}` : ''}`,
  decode: (body, ctx) => toPostsPage(body, ctx),
};

export const regionListEndpoint: Endpoint<Record<string, never>, Record<RegionCode, string>> = {
  path: '/region-list/',
  params: () => ({}),
  subject: () => '',
  decode: (body, ctx) => toRegionList(body, ctx),
};

export const userInfoEndpoint: Endpoint<{ username: string }, UserInfo> = {
  path: '/userinfo-by-username/',
  params: (p) => ({ username: bare(p.username, '@') }),
  subject: (p) => `@${bare(p.username, '@')}`,
  decode: (body, ctx) => toUserInfo(body, ctx),
};

export const userPostsEndpoint: Endpoint<UserPostsQuery, PostsPage> = {
  path: '/user-posts/',
  params: (p) => ({ userid: p.userId, count: String(p.count), cursor: p.cursor }),
  subject: (p) => (p.username ? `@${bare(p.username, '@')}` : `user ${p.userId}`),
  decode: (body, ctx) => toPostsPage(body, ctx),
};

export const searchUserEndpoint: Endpoint<SearchQuery, UserSearchHit[]> = {
  path: '/search-user/',
  params: (p) => ({ keyword: p.keyword, count: String(p.count), cursor: p.cursor }),
  subject: (p) => `keyword "${p.keyword}"`,
  decode: (body, ctx) => toUserSearchHits(body, ctx),
};

export const searchChallengeEndpoint: Endpoint<SearchQuery, Challenge[]> = {
  path: '/search-challenge/',
  params: (p) => ({ keyword: p.keyword, count: String(p.count), cursor: p.cursor }),
  subject: (p) => `keyword "${p.keyword}"`,
  decode: (body, ctx) => toChallengeList(body, ctx),
};
