// Mapping TikLiveAPI's answers to the domain model, one function per endpoint. Each throws
// TagfitError('invalid-response') for an unusable answer and reports what it defaulted (decode-context.ts).
import type { z } from 'zod';
import type { Challenge, Post, PostsPage, RegionCode, UserInfo, UserSearchHit } from '../../shared/model';
import { type DecodeContext, FieldNotes, invalid, parseObject } from './decode-context';
import {
  authorDto,
  challengeDto,
  regionListDto,
  searchChallengePayloadDto,
  searchUserPayloadDto,
  userDto,
  userHitDto,
  userInfoPayloadDto,
  userStatsDto,
  videoDto,
  videosPayloadDto,
} from './dto';
import { describeBad, isObject, issueHead, readCount, readFlag, readText } from './read-field';

function challengeFrom(
  dto: z.output<typeof challengeDto>,
  notes: FieldNotes,
  prefix: string,
  fallbackName: string,
): Challenge {
  const name = notes.take(`${prefix}cha_name`, dto.cha_name);
  return {
    id: dto.id.value,
    name: name === '' ? fallbackName : name,
    desc: notes.take(`${prefix}desc`, dto.desc),
    userCount: notes.take(`${prefix}user_count`, dto.user_count),
    viewCount: notes.take(`${prefix}view_count`, dto.view_count),
    isCommerce: notes.take(`${prefix}is_commerce`, dto.is_commerce),
  };
}

/** GET /challenge-info-name/ : a flat challenge object; `id` is required (the posts call needs it). */
export function toChallenge(body: unknown, ctx: DecodeContext, requestedName: string): Challenge {
  const dto = parseObject(challengeDto, body, ctx, 'answer');
  if (dto.id.value === '') throw invalid(ctx, 'id', `is ${issueHead(dto.id)}: the hashtag cannot be sampled`);
  const notes = new FieldNotes(ctx);
  notes.take('id', dto.id);
  const challenge = challengeFrom(dto, notes, '', requestedName);
  notes.flush();
  return challenge;
}

function postFrom(raw: unknown, notes: FieldNotes): Post | undefined {
  const r = videoDto.safeParse(raw);
  if (!r.success) {
    notes.note('videos[]', `${describeBad(raw)} (entry skipped)`);
    return undefined;
  }
  const v = r.data;
  let authorId = '';
  if (isObject(v.author)) authorId = notes.take('author.unique_id', authorDto.parse(v.author).unique_id);
  else notes.note('author', `${describeBad(v.author)}, used authorId ''`);
  return {
    id: notes.take('video_id', v.video_id),
    createTime: notes.take('create_time', v.create_time),
    likes: notes.take('digg_count', v.digg_count),
    comments: notes.take('comment_count', v.comment_count),
    shares: notes.take('share_count', v.share_count),
    plays: notes.take('play_count', v.play_count),
    authorId,
    caption: notes.take('title', v.title),
  };
}

/** GET /challenge-posts/ and GET /user-posts/ : `{ videos: [...], cursor, hasMore }`; videos must be an array. */
export function toPostsPage(body: unknown, ctx: DecodeContext): PostsPage {
  const dto = parseObject(videosPayloadDto, body, ctx, 'answer');
  if (!Array.isArray(dto.videos)) throw invalid(ctx, 'videos', `is ${describeBad(dto.videos)}, not an array`);
  const notes = new FieldNotes(ctx, { name: 'videos', total: dto.videos.length });
  const posts = dto.videos.map((raw) => postFrom(raw, notes)).filter((p): p is Post => p !== undefined);
  const page: PostsPage = {
    posts,
    cursor: notes.take('cursor', dto.cursor),
    hasMore: notes.take('hasMore', readFlag(dto.hasMore === undefined ? dto.has_more : dto.hasMore)),
  };
  notes.flush();
  return page;
}

/** GET /region-list/ : `{ "AD": "Andorra", ... }`; keys are upper-cased, entries that are not a code skipped. */
export function toRegionList(body: unknown, ctx: DecodeContext): Record<RegionCode, string> {
  if (!isObject(body)) throw invalid(ctx, 'answer', `is ${describeBad(body)}, not an object of regions`);
  const dto = regionListDto.parse(body);
  const notes = new FieldNotes(ctx, { name: 'entries', total: Object.keys(dto).length });
  const regions: Record<RegionCode, string> = {};
  for (const [key, name] of Object.entries(dto)) {
    const code = key.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) {
      notes.note('<key>', 'not a two-letter region code (entry skipped)');
      continue;
    }
    const label = readText(name);
    regions[code] = notes.take(
      '<name>',
      label.value === '' ? { value: code, issue: `${describeBad(name)}, used the code` } : label,
    );
  }
  notes.flush();
  return regions;
}

/** GET /userinfo-by-username/ : `{ user: { id, uniqueId, ... }, stats: { followerCount, ... } }`. */
export function toUserInfo(body: unknown, ctx: DecodeContext): UserInfo {
  let dto = parseObject(userInfoPayloadDto, body, ctx, 'answer');
  // Some answers wrap the pair in `userInfo`, as TikTok's own web API does.
  if (!isObject(dto.user) && isObject(dto.userInfo)) dto = userInfoPayloadDto.parse(dto.userInfo);
  if (!isObject(dto.user)) throw invalid(ctx, 'user', `is ${describeBad(dto.user)}, not an object`);
  const user = userDto.parse(dto.user);
  if (user.id.value === '')
    throw invalid(ctx, 'user.id', `is ${issueHead(user.id)}: the user's posts cannot be fetched`);
  const notes = new FieldNotes(ctx);
  notes.take('user.id', user.id);
  const stats = userStatsDto.parse(isObject(dto.stats) ? dto.stats : {});
  if (!isObject(dto.stats)) notes.note('stats', `${describeBad(dto.stats)}, used 0 for every count`);
  const info: UserInfo = {
    id: user.id.value,
    uniqueId: notes.take('user.uniqueId', user.uniqueId),
    secUid: notes.take('user.secUid', user.secUid),
    nickname: notes.take('user.nickname', user.nickname),
    followerCount: isObject(dto.stats) ? notes.take('stats.followerCount', stats.followerCount) : 0,
    heartCount: isObject(dto.stats) ? notes.take('stats.heartCount', stats.heartCount) : 0,
    videoCount: isObject(dto.stats) ? notes.take('stats.videoCount', stats.videoCount) : 0,
  };
  notes.flush();
  return info;
}

/** A search answer's list (`field` of the payload): each item mapped by `item`, which notes what it skips. */
function decodeList<T>(
  body: unknown,
  ctx: DecodeContext,
  payload: typeof searchUserPayloadDto | typeof searchChallengePayloadDto,
  field: 'user_list' | 'challenge_list',
  unit: string,
  item: (raw: unknown, notes: FieldNotes) => T | undefined,
): T[] {
  const value = (parseObject(payload, body, ctx, 'answer') as Record<string, unknown>)[field];
  if (!Array.isArray(value)) throw invalid(ctx, field, `is ${describeBad(value)}, not an array`);
  const notes = new FieldNotes(ctx, { name: unit, total: value.length });
  const out: T[] = [];
  for (const raw of value) {
    const decoded = item(raw, notes);
    if (decoded !== undefined) out.push(decoded);
  }
  notes.flush();
  return out;
}

function userHitFrom(item: unknown, notes: FieldNotes): UserSearchHit | undefined {
  const info = isObject(item) && isObject(item.user_info) ? item.user_info : undefined;
  if (!info) {
    notes.note(
      'user_list[].user_info',
      `${describeBad(isObject(item) ? item.user_info : item)} (entry skipped)`,
    );
    return undefined;
  }
  const hit = userHitDto.parse(info);
  const uniqueId = readText(hit.uniqueId ?? hit.unique_id);
  if (uniqueId.value === '') {
    notes.note('user_info.uniqueId', `${issueHead(uniqueId)} (entry skipped)`);
    return undefined;
  }
  return {
    uniqueId: notes.take('user_info.uniqueId', uniqueId),
    nickname: notes.take('user_info.nickname', hit.nickname),
    followerCount: notes.take('user_info.followerCount', readCount(hit.followerCount ?? hit.follower_count)),
  };
}

function listedChallengeFrom(item: unknown, notes: FieldNotes): Challenge | undefined {
  const raw = isObject(item) && isObject(item.challenge_info) ? item.challenge_info : item;
  if (!isObject(raw)) {
    notes.note('challenge_list[]', `${describeBad(raw)} (entry skipped)`);
    return undefined;
  }
  // Search answers elsewhere in TikTok name the id `cid`.
  const dto = challengeDto.parse(
    raw.id === undefined && raw.cid !== undefined ? { ...raw, id: raw.cid } : raw,
  );
  if (dto.id.value === '') {
    notes.note('challenge_list[].id', `${issueHead(dto.id)} (entry skipped)`);
    return undefined;
  }
  notes.take('challenge_list[].id', dto.id);
  return challengeFrom(dto, notes, 'challenge_list[].', '');
}

/** GET /search-user/ : `{ user_list: [ { user_info: { uniqueId, nickname, followerCount } } ] }`. */
export function toUserSearchHits(body: unknown, ctx: DecodeContext): UserSearchHit[] {
  return decodeList(body, ctx, searchUserPayloadDto, 'user_list', 'users', userHitFrom);
}

/** GET /search-challenge/ : `{ challenge_list: [...] }`, items flat or under `challenge_info`; no id → skipped. */
export function toChallengeList(body: unknown, ctx: DecodeContext): Challenge[] {
  return decodeList(body, ctx, searchChallengePayloadDto, 'challenge_list', 'hashtags', listedChallengeFrom);
}
