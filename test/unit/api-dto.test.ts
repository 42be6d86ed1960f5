// TikLiveAPI wire shapes and their mapping, on hand-written bodies: defaults, coercions, warnings, error bodies.
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/core/api/backoff';
import { cacheKey } from '../../src/core/api/cache-key';
import type { DecodeContext } from '../../src/core/api/decode-context';
import { errorFromBody } from '../../src/core/api/error-bodies';
import {
  toChallenge,
  toChallengeList,
  toPostsPage,
  toRegionList,
  toUserInfo,
  toUserSearchHits,
} from '../../src/core/api/to-model';
import {
  challengeInfoEndpoint,
  challengePostsEndpoint,
  userPostsEndpoint,
} from '../../src/core/api/endpoints';
import { thrownTagfitError } from '../support/errors';

function ctx(endpoint: string, subject: string): DecodeContext & { warnings: string[] } {
  const warnings: string[] = [];
  return { endpoint, subject, onWarning: (m) => warnings.push(m), warnings };
}

const video = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  video_id: '7300000000000000001',
  title: 'morning run #running',
  digg_count: 120,
  comment_count: 4,
  share_count: 2,
  collect_count: 1,
  play_count: 3400,
  create_time: 1_700_000_000,
  author: { unique_id: 'alice', nickname: 'Alice' },
  ...over,
});

describe('challenge info', () => {
  it('maps a well-formed answer without warnings', () => {
    const c = ctx('/challenge-info-name/', '#running');
    const body = {
      id: '123',
      cha_name: 'running',
      desc: 'run',
      user_count: 5000,
      view_count: 9_000_000,
      is_commerce: false,
      is_challenge: true,
      type: 1,
      cover: '',
    };
    expect(toChallenge(body, c, 'running')).toEqual({
      id: '123',
      name: 'running',
      desc: 'run',
      userCount: 5000,
      viewCount: 9_000_000,
      isCommerce: false,
    });
    expect(c.warnings).toEqual([]);
  });

  it('coerces strings, defaults null and negative counts, and names endpoint, hashtag and field', () => {
    const c = ctx('/challenge-info-name/', '#running');
    const body = { id: 123, cha_name: null, desc: null, user_count: '5,000', view_count: -3, is_commerce: 1 };
    expect(toChallenge(body, c, 'running')).toEqual({
      id: '123',
      name: 'running',
      desc: '',
      userCount: 5000,
      viewCount: 0,
      isCommerce: true,
    });
    expect(c.warnings).toHaveLength(6);
    for (const w of c.warnings) expect(w).toContain('the hashtag info of #running');
    expect(c.warnings.find((w) => w.includes('view_count'))).toMatch(/negative, used 0/);
    expect(c.warnings.find((w) => w.includes('user_count'))).toMatch(/string, coerced/);
    expect(c.warnings.find((w) => w.includes('desc'))).toMatch(/null, used ''/);
  });

  it('refuses an answer without an id, naming endpoint, hashtag and field', () => {
    const e = thrownTagfitError(() =>
      toChallenge({ cha_name: 'running' }, ctx('/challenge-info-name/', '#running'), 'running'),
    );
    expect(e.code).toBe('invalid-response');
    expect(e.message).toContain('the hashtag info of #running');
    expect(e.message).toContain('id is missing');
    expect(e.details).toMatchObject({ field: 'id', subject: '#running' });
  });

  it('refuses an answer that is not an object', () => {
    expect(thrownTagfitError(() => toChallenge([1, 2], ctx('/challenge-info-name/', '#x'), 'x')).code).toBe(
      'invalid-response',
    );
    expect(
      thrownTagfitError(() => toChallenge(null, ctx('/challenge-info-name/', '#x'), 'x')).message,
    ).toContain('null');
  });
});

describe('posts page', () => {
  it('maps videos to posts', () => {
    const c = ctx('/challenge-posts/', '#running');
    const page = toPostsPage({ videos: [video()], cursor: '30', hasMore: true }, c);
    expect(page).toEqual({
      posts: [
        {
          id: '7300000000000000001',
          createTime: 1_700_000_000,
          likes: 120,
          comments: 4,
          shares: 2,
          plays: 3400,
          authorId: 'alice',
          caption: 'morning run #running',
        },
      ],
      cursor: '30',
      hasMore: true,
    });
    expect(c.warnings).toEqual([]);
  });

  it('defaults every broken field and warns once per field per answer', () => {
    const c = ctx('/challenge-posts/', '#running');
    const videos = [
      video({ digg_count: undefined }),
      video({ digg_count: null }),
      video({ digg_count: '77' }),
      video({ digg_count: -5, comment_count: -1 }),
      video({ author: undefined }),
      video({ title: 42 }), // a null title is documented (no warning); a number is not
      video({ create_time: 1_700_000_000_123 }),
      video({ author: { nickname: 'x' }, play_count: '1.2K' }),
      video({ digg_count: null }),
      video({ create_time: '1700000000' }),
    ];
    const page = toPostsPage({ videos, cursor: 10, hasMore: 'true' }, c);
    const likes = page.posts.map((p) => p.likes);
    expect(likes).toEqual([0, 0, 77, 0, 120, 120, 120, 120, 0, 120]);
    expect(page.posts[3]!.comments).toBe(0);
    expect(page.posts[4]!.authorId).toBe('');
    expect(page.posts[5]!.caption).toBe('42'); // a number for a title: kept as text, and warned about
    expect(page.posts[6]!.createTime).toBe(1_700_000_000);
    expect(page.posts[7]!.authorId).toBe('');
    expect(page.posts[7]!.plays).toBe(1200);
    expect(page.posts[9]!.createTime).toBe(1_700_000_000);
    expect(page.cursor).toBe('10');
    expect(page.hasMore).toBe(true);

    const fields = c.warnings.map((w) => /field (\S+)/.exec(w)?.[1]);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.sort()).toEqual(
      [
        'author',
        'author.unique_id',
        'comment_count',
        'create_time',
        'digg_count',
        'hasMore',
        'play_count',
        'title',
      ].sort(),
    );
    const digg = c.warnings.find((w) => w.includes('field digg_count'))!;
    expect(digg).toContain('the posts of #running');
    expect(digg).toContain('null, used 0 in 2 of 10 videos');
    expect(digg).toContain('missing, used 0 in 1 of 10 videos');
    expect(digg).toContain('negative, used 0 in 1 of 10 videos');
    expect(c.warnings.find((w) => w.includes('field create_time'))).toContain(
      'in milliseconds, converted to seconds',
    );
  });

  it('skips an entry that is not an object and reports it', () => {
    const c = ctx('/challenge-posts/', '#running');
    const page = toPostsPage({ videos: [video(), null, 'x'], cursor: '3', hasMore: false }, c);
    expect(page.posts).toHaveLength(1);
    expect(c.warnings).toEqual([
      expect.stringContaining('field videos[] was null (entry skipped) in 1 of 3 videos'),
    ]);
  });

  it('reads missing paging fields as the end, with a warning', () => {
    const c = ctx('/challenge-posts/', '#running');
    expect(toPostsPage({ videos: [] }, c)).toEqual({ posts: [], cursor: '', hasMore: false });
    expect(c.warnings).toHaveLength(2);
  });

  it('refuses videos that are not an array, naming what was asked, the hashtag and the field', () => {
    for (const videos of [null, undefined, {}, 'none']) {
      const e = thrownTagfitError(() =>
        toPostsPage({ videos, cursor: '0', hasMore: false }, ctx('/challenge-posts/', '#running')),
      );
      expect(e.code).toBe('invalid-response');
      expect(e.message).toMatch(/^the posts of #running: videos is .*not an array$/);
    }
  });
});

describe('error bodies', () => {
  it('recognises a not-found body', () => {
    const e = errorFromBody(
      { status: 'error', message: 'Not found challenge' },
      ctx('/challenge-info-name/', '#nosuchtag'),
    );
    expect(e?.code).toBe('not-found');
    expect(e?.message).toBe('No TikTok hashtag #nosuchtag');
    expect(
      errorFromBody({ status: 'error', message: 'Not found' }, ctx('/userinfo-by-username/', '@bob'))
        ?.message,
    ).toBe('No TikTok account @bob');
  });

  it('recognises the key refusal body', () => {
    const e = errorFromBody({ message: 'Api-Key is not available' }, ctx('/challenge-posts/', '#a'));
    expect(e?.code).toBe('auth');
    expect(e?.message).toBe('TikLiveAPI refused the API key (invalid key or empty balance)');
  });

  it('passes any other error message on as invalid-response', () => {
    const e = errorFromBody({ status: 'error', message: 'Upstream busy' }, ctx('/challenge-posts/', '#a'));
    expect(e?.code).toBe('invalid-response');
    expect(e?.message).toBe('the posts of #a: TikLiveAPI answered an error: Upstream busy');
  });

  it('leaves data alone', () => {
    expect(
      errorFromBody({ videos: [], cursor: '0', hasMore: false }, ctx('/challenge-posts/', '#a')),
    ).toBeUndefined();
    expect(errorFromBody({ message: 'ok', videos: [] }, ctx('/challenge-posts/', '#a'))).toBeUndefined();
    expect(errorFromBody([1], ctx('/region-list/', ''))).toBeUndefined();
    expect(errorFromBody({ AD: 'Andorra' }, ctx('/region-list/', ''))).toBeUndefined();
  });
});

describe('region list', () => {
  it('upper-cases codes and skips keys that are not codes', () => {
    const c = ctx('/region-list/', '');
    expect(toRegionList({ us: 'United States', FR: 'France', GB: null, 'not a code': 'x' }, c)).toEqual({
      US: 'United States',
      FR: 'France',
      GB: 'GB',
    });
    expect(c.warnings).toHaveLength(2);
    expect(c.warnings[0]).toMatch(/^the region list: field/);
  });

  it('accepts an empty list and refuses a non-object', () => {
    expect(toRegionList({}, ctx('/region-list/', ''))).toEqual({});
    expect(thrownTagfitError(() => toRegionList(['US'], ctx('/region-list/', ''))).code).toBe(
      'invalid-response',
    );
  });
});

describe('users and search', () => {
  it('maps user info, with and without stats', () => {
    const c = ctx('/userinfo-by-username/', '@alice');
    const body = {
      user: { id: '42', uniqueId: 'alice', secUid: 'MS4w', nickname: 'Alice' },
      stats: { followerCount: '1000', heartCount: 5, videoCount: 7 },
    };
    expect(toUserInfo(body, c)).toEqual({
      id: '42',
      uniqueId: 'alice',
      secUid: 'MS4w',
      nickname: 'Alice',
      followerCount: 1000,
      heartCount: 5,
      videoCount: 7,
    });
    expect(c.warnings).toHaveLength(1);
    expect(toUserInfo({ user: { id: '42' } }, ctx('/userinfo-by-username/', '@alice')).followerCount).toBe(0);
    const e = thrownTagfitError(() => toUserInfo({ user: null }, ctx('/userinfo-by-username/', '@alice')));
    expect(e.message).toBe('the profile of @alice: user is null, not an object');
  });

  it('maps user search hits, skipping entries without a handle', () => {
    const c = ctx('/search-user/', 'keyword "run"');
    const body = {
      user_list: [
        { user_info: { uniqueId: 'alice', nickname: 'Alice', followerCount: 10 } },
        { user_info: { unique_id: 'bob', nickname: 'Bob', follower_count: '20' } },
        { user_info: { nickname: 'nobody' } },
        { other: 1 },
      ],
    };
    expect(toUserSearchHits(body, c)).toEqual([
      { uniqueId: 'alice', nickname: 'Alice', followerCount: 10 },
      { uniqueId: 'bob', nickname: 'Bob', followerCount: 20 },
    ]);
    expect(c.warnings.length).toBeGreaterThan(0);
    expect(
      thrownTagfitError(() => toUserSearchHits({}, ctx('/search-user/', 'keyword "run"'))).message,
    ).toContain('user_list');
  });

  it('maps challenge search, flat or under challenge_info', () => {
    const c = ctx('/search-challenge/', 'keyword "run"');
    const body = {
      challenge_list: [
        { id: '1', cha_name: 'run', user_count: 1, view_count: 2, is_commerce: false, desc: '' },
        {
          challenge_info: {
            cid: '2',
            cha_name: 'runner',
            user_count: 3,
            view_count: 4,
            is_commerce: true,
            desc: 'd',
          },
        },
        { cha_name: 'no id' },
      ],
    };
    expect(toChallengeList(body, c).map((x) => [x.id, x.name, x.isCommerce])).toEqual([
      ['1', 'run', false],
      ['2', 'runner', true],
    ]);
    expect(c.warnings).toEqual([expect.stringContaining('challenge_list[].id was missing (entry skipped)')]);
  });
});

describe('endpoint table', () => {
  it('strips sigils and builds parameters', () => {
    expect(challengeInfoEndpoint.params({ name: '#Running' })).toEqual({ name: 'Running' });
    expect(challengeInfoEndpoint.subject({ name: 'Running' })).toBe('#Running');
    expect(
      challengePostsEndpoint.params({
        challengeId: '9',
        count: 30,
        cursor: '0',
        region: 'US',
        hashtag: 'run',
      }),
    ).toEqual({ challenge_id: '9', count: '30', cursor: '0', region: 'US' });
    expect(challengePostsEndpoint.subject({ challengeId: '9', count: 30, cursor: '0', hashtag: 'run' })).toBe(
      '#run',
    );
    expect(userPostsEndpoint.params({ userId: '42', count: 30, cursor: '0' })).toEqual({
      userid: '42',
      count: '30',
      cursor: '0',
    });
  });

  it('builds canonical cache keys from sorted parameters', () => {
    expect(cacheKey('/challenge-posts/', { region: 'US', cursor: '0', challenge_id: '9', count: '30' })).toBe(
      '/challenge-posts/?challenge_id=9&count=30&cursor=0&region=US',
    );
    expect(cacheKey('/challenge-posts/', { region: undefined, cursor: '0' })).toBe(
      '/challenge-posts/?cursor=0',
    );
    expect(cacheKey('/region-list/', {})).toBe('/region-list/');
    expect(cacheKey('/challenge-info-name/', { name: 'a&b c' })).toBe('/challenge-info-name/?name=a%26b+c');
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date against the answer’s Date', () => {
    expect(parseRetryAfter('3', null, 0)).toBe(3000);
    expect(parseRetryAfter(null, null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', null, 0)).toBeUndefined();
    const served = 'Wed, 21 Oct 2026 07:28:00 GMT';
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:02 GMT', served, 0)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:02 GMT', null, Date.parse(served))).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', served, 0)).toBe(0);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const b = { min: 100, max: 1000 };
    expect(backoffDelay(1, b, () => 0.999)).toBe(99);
    expect(backoffDelay(3, b, () => 0.999)).toBe(399);
    expect(backoffDelay(10, b, () => 0.999)).toBe(999);
    expect(backoffDelay(10, b, () => 0)).toBe(0);
  });
});
