// TikLiveAPI's wire shapes (zod), one per endpoint: lenient on single fields (each read by read-field.ts, which
// says what it had to do), and the part of an answer worth caching. Mapping to the model is in to-model.ts.
import { z } from 'zod';
import {
  isObject,
  type Read,
  readCount,
  readCursor,
  readFlag,
  readId,
  readText,
  readUnixSeconds,
} from './read-field';

const lenient = <T>(read: (v: unknown) => Read<T>) => z.unknown().optional().transform(read);

const count = lenient(readCount);
const unixSeconds = lenient(readUnixSeconds);
const text = lenient(readText);
/** A text the API documents as nullable (a video's title): null is an answer, not a defect, so no warning. */
const nullableText = lenient((v: unknown): Read<string> => (v === null ? { value: '' } : readText(v)));
const id = lenient(readId);
const flag = lenient(readFlag);
const cursor = lenient(readCursor);
/** A value only read when it is an object (a nested block), otherwise reported by the mapping. */
const block = z.unknown().optional();

// Objects are loose: unknown keys pass, missing keys are read as undefined.

export const challengeDto = z.looseObject({
  id,
  cha_name: text,
  desc: text,
  user_count: count,
  view_count: count,
  is_commerce: flag,
});

export const videoDto = z.looseObject({
  video_id: id,
  title: nullableText,
  digg_count: count,
  comment_count: count,
  share_count: count,
  play_count: count,
  create_time: unixSeconds,
  author: block,
});

export const authorDto = z.looseObject({ unique_id: text });

const pick = (o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in o) out[k] = o[k];
  return out;
};
const VIDEO_KEYS = Object.keys(videoDto.shape);
const AUTHOR_KEYS = Object.keys(authorDto.shape);

/**
 * The part of an answer worth caching: a video keeps the fields the schemas read (the rest, music, covers
 * and avatars, is 2/3 of a page), so a warm re-score parses a third of the JSON. Other answers are kept
 * whole. What is kept is still the API's own wire shape and is validated again when read.
 */
export function trimForCache(body: unknown): unknown {
  if (!isObject(body) || !Array.isArray(body.videos)) return body;
  const videos = body.videos.map((v: unknown) => {
    if (!isObject(v)) return v;
    const kept = pick(v, VIDEO_KEYS);
    if (isObject(v.author)) kept.author = pick(v.author, AUTHOR_KEYS);
    return kept;
  });
  return { ...body, videos };
}

export const videosPayloadDto = z.looseObject({
  videos: z.unknown().optional(),
  cursor,
  hasMore: z.unknown().optional(),
  /** Some clients of the API spell it this way; read only when `hasMore` is absent. */
  has_more: z.unknown().optional(),
});

export const regionListDto = z.record(z.string(), z.unknown());

export const userDto = z.looseObject({ id, uniqueId: text, secUid: text, nickname: text });
export const userStatsDto = z.looseObject({ followerCount: count, heartCount: count, videoCount: count });
export const userInfoPayloadDto = z.looseObject({ user: block, stats: block, userInfo: block });

export const userHitDto = z.looseObject({
  uniqueId: z.unknown().optional(),
  unique_id: z.unknown().optional(),
  nickname: text,
  followerCount: z.unknown().optional(),
  follower_count: z.unknown().optional(),
});
export const searchUserPayloadDto = z.looseObject({ user_list: z.unknown().optional() });
export const searchChallengePayloadDto = z.looseObject({ challenge_list: z.unknown().optional() });

/** The error bodies the API answers instead of data, whatever the HTTP status. */
export const errorBodyDto = z.looseObject({
  status: z.unknown().optional(),
  message: z.unknown().optional(),
});
