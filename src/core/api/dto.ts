// TikLiveAPI's wire shapes (zod) and their mapping to the domain model: lenient on single fields
// (defaulted and reported), strict on what makes an answer unusable (a TagfitError naming endpoint, subject, field).
import { z } from 'zod';
import type { Challenge, Post, PostsPage, RegionCode, UserInfo, UserSearchHit } from '../../shared/model';
import { TagfitError } from '../errors';

/** What an answer is about, for messages: the endpoint path and e.g. "#cats", "@alice" or 'keyword "cat"'. */
export interface DecodeContext {
  endpoint: string;
  /** '' when the call has no subject (the region list). */
  subject: string;
  onWarning?: (message: string) => void;
}

/** Where an answer came from, as people read it: `GET /challenge-posts/ for #cats`. */
export function describeCall(ctx: Pick<DecodeContext, 'endpoint' | 'subject'>): string {
  return ctx.subject ? `GET ${ctx.endpoint} for ${ctx.subject}` : `GET ${ctx.endpoint}`;
}

// ---------------------------------------------------------------------------------------------
// Lenient leaves: each reads any JSON value and says what it had to do to get a usable one.

/** A field's value and, when it was not as documented, what was done about it ("null, used 0"). */
export interface Read<T> {
  value: T;
  issue?: string;
}

const lenient = <T>(read: (v: unknown) => Read<T>) => z.unknown().optional().transform(read);

function describeBad(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

const SUFFIX: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9 };

/** "123", "1,234" or TikTok's display form "1.2K" / "3M". */
function numberFromText(s: string): number | undefined {
  const m = /^(-?[\d,]*\.?\d+)\s*([KMB]?)$/i.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, '')) * SUFFIX[m[2]!.toUpperCase()]!;
  return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : undefined;
}

function readNumber(v: unknown): Read<number> {
  if (typeof v === 'number' && Number.isFinite(v)) return { value: v };
  const n = typeof v === 'string' ? numberFromText(v) : undefined;
  if (n !== undefined) return { value: n, issue: 'a string, coerced to a number' };
  return {
    value: 0,
    issue: `${typeof v === 'string' ? 'text that is not a number' : describeBad(v)}, used 0`,
  };
}

/**
 * Past this a count is not a count: #fyp's lifetime views are in the tens of trillions (1e13-1e14). A larger
 * value (1e307 likes) would overflow sums into Infinity and crash a run; it is the field's problem, used as 0.
 */
export const MAX_COUNT = 1e15;

/** A count: likes, plays, followers... Lifetime counts can be rounded but never negative or absurd. */
export function readCount(v: unknown): Read<number> {
  const r = readNumber(v);
  if (r.value < 0) return { value: 0, issue: 'negative, used 0' };
  if (r.value > MAX_COUNT) return { value: 0, issue: `absurdly large (${r.value.toPrecision(3)}), used 0` };
  return r;
}

/** Unix seconds; a value past 1e11 can only be milliseconds (1e11 s is the year 5138). */
export function readUnixSeconds(v: unknown): Read<number> {
  const r = readCount(v);
  if (r.value > 1e11)
    return { value: Math.floor(r.value / 1000), issue: 'in milliseconds, converted to seconds' };
  return r;
}

export function readText(v: unknown): Read<string> {
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number' && Number.isFinite(v))
    return { value: String(v), issue: 'a number, coerced to text' };
  return { value: '', issue: `${describeBad(v)}, used ''` };
}

/** An id: ids are 64-bit and lose digits as JSON numbers, so a number is reported, not silently accepted. */
export function readId(v: unknown): Read<string> {
  if (typeof v === 'string' && v !== '') return { value: v };
  if (typeof v === 'number' && Number.isSafeInteger(v))
    return { value: String(v), issue: 'a number, coerced to text' };
  if (typeof v === 'number' && Number.isFinite(v)) {
    return { value: String(v), issue: 'a number beyond 2^53 (digits may be lost), coerced to text' };
  }
  return { value: '', issue: `${v === '' ? 'empty' : describeBad(v)}, used ''` };
}

export function readFlag(v: unknown): Read<boolean> {
  if (typeof v === 'boolean') return { value: v };
  if (v === 0 || v === 1 || v === '0' || v === '1' || v === 'true' || v === 'false') {
    return { value: v === 1 || v === '1' || v === 'true', issue: `${describeBad(v)}, coerced to a boolean` };
  }
  return { value: false, issue: `${describeBad(v)}, used false` };
}

/** A paging cursor: the API sends a string or a number; the next call wants it back as text. */
function readCursor(v: unknown): Read<string> {
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { value: String(v) };
  return { value: '', issue: `${describeBad(v)}, used ''` };
}

/** What was wrong with a read value, without what was done about it ("null"). */
const issueHead = (r: Read<unknown>): string => r.issue?.split(',')[0] ?? 'empty';

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

// ---------------------------------------------------------------------------------------------
// Wire shapes, one per endpoint. Objects are loose: unknown keys pass, missing keys are read as undefined.

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

// ---------------------------------------------------------------------------------------------
// Reporting: one warning per field per answer, however many posts had it.

class FieldNotes {
  readonly #byField = new Map<string, Map<string, number>>();

  constructor(
    private readonly ctx: DecodeContext,
    /** What the answer is a list of ("videos"), when it is one. */
    private readonly unit?: { name: string; total: number },
  ) {}

  take<T>(field: string, r: Read<T>): T {
    if (r.issue) {
      const issues = this.#byField.get(field) ?? new Map<string, number>();
      issues.set(r.issue, (issues.get(r.issue) ?? 0) + 1);
      this.#byField.set(field, issues);
    }
    return r.value;
  }

  note(field: string, issue: string): void {
    this.take(field, { value: undefined, issue });
  }

  flush(): void {
    if (!this.ctx.onWarning) return;
    for (const [field, issues] of this.#byField) {
      const parts = [...issues].map(([issue, n]) =>
        this.unit ? `${issue} in ${n} of ${this.unit.total} ${this.unit.name}` : issue,
      );
      this.ctx.onWarning(`${describeCall(this.ctx)}: field ${field} was ${parts.join('; ')}`);
    }
  }
}

function invalid(ctx: DecodeContext, field: string, problem: string): TagfitError {
  return new TagfitError('invalid-response', `${describeCall(ctx)}: ${field} ${problem}`, {
    endpoint: ctx.endpoint,
    subject: ctx.subject,
    field,
  });
}

function parseObject<S extends z.ZodType>(
  schema: S,
  body: unknown,
  ctx: DecodeContext,
  field: string,
): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw invalid(ctx, field, `is ${describeBad(body)}, not an object`);
  return r.data;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Error bodies.

const AUTH_MESSAGE = 'TikLiveAPI refused the API key (invalid key or empty balance)';

/** 401/403, or the HTTP-200 `{"message":"Api-Key is not available"}` body. */
export function authError(ctx: DecodeContext, status?: number): TagfitError {
  return new TagfitError('auth', AUTH_MESSAGE, { endpoint: ctx.endpoint, status });
}

function notFoundMessage(ctx: DecodeContext): string {
  const s = ctx.subject;
  if (s.startsWith('#')) return `Hashtag ${s} not found (GET ${ctx.endpoint})`;
  if (s.startsWith('@')) return `User ${s} not found (GET ${ctx.endpoint})`;
  return `${describeCall(ctx)}: not found`;
}

/**
 * The error an answer body stands for, if it is an error body: `{"message":"Api-Key is not available"}` → auth,
 * `{"status":"error","message":"Not found ..."}` → not-found, any other `status: error` → invalid-response
 * with the API's message. `undefined` for a body that is not an error body.
 */
export function errorFromBody(body: unknown, ctx: DecodeContext): TagfitError | undefined {
  if (!isObject(body)) return undefined;
  const e = errorBodyDto.parse(body);
  const message = typeof e.message === 'string' ? e.message : '';
  const status = typeof e.status === 'string' ? e.status.toLowerCase() : undefined;
  const isError = status === 'error' || status === 'fail' || status === 'failed';
  if (/api[-_ ]?key/i.test(message) && (isError || status === undefined)) return authError(ctx);
  if (!isError) return undefined;
  if (/not\s*found|does not exist|doesn't exist/i.test(message)) {
    return new TagfitError('not-found', notFoundMessage(ctx), {
      endpoint: ctx.endpoint,
      subject: ctx.subject,
    });
  }
  return new TagfitError(
    'invalid-response',
    `${describeCall(ctx)}: TikLiveAPI answered an error: ${message || '(no message)'}`,
    { endpoint: ctx.endpoint, subject: ctx.subject },
  );
}

/** A 404 without a recognisable body. */
export function notFoundError(ctx: DecodeContext): TagfitError {
  return new TagfitError('not-found', notFoundMessage(ctx), { endpoint: ctx.endpoint, subject: ctx.subject });
}

// ---------------------------------------------------------------------------------------------
// Mapping, one function per endpoint. Each throws TagfitError('invalid-response') for an unusable answer.

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

function listFrom(value: unknown, ctx: DecodeContext, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(ctx, field, `is ${describeBad(value)}, not an array`);
  return value;
}

/** GET /search-user/ : `{ user_list: [ { user_info: { uniqueId, nickname, followerCount } } ] }`. */
export function toUserSearchHits(body: unknown, ctx: DecodeContext): UserSearchHit[] {
  const dto = parseObject(searchUserPayloadDto, body, ctx, 'answer');
  const list = listFrom(dto.user_list, ctx, 'user_list');
  const notes = new FieldNotes(ctx, { name: 'users', total: list.length });
  const hits: UserSearchHit[] = [];
  for (const item of list) {
    const info = isObject(item) && isObject(item.user_info) ? item.user_info : undefined;
    if (!info) {
      notes.note(
        'user_list[].user_info',
        `${describeBad(isObject(item) ? item.user_info : item)} (entry skipped)`,
      );
      continue;
    }
    const hit = userHitDto.parse(info);
    const uniqueId = readText(hit.uniqueId ?? hit.unique_id);
    if (uniqueId.value === '') {
      notes.note('user_info.uniqueId', `${issueHead(uniqueId)} (entry skipped)`);
      continue;
    }
    hits.push({
      uniqueId: notes.take('user_info.uniqueId', uniqueId),
      nickname: notes.take('user_info.nickname', hit.nickname),
      followerCount: notes.take(
        'user_info.followerCount',
        readCount(hit.followerCount ?? hit.follower_count),
      ),
    });
  }
  notes.flush();
  return hits;
}

/** GET /search-challenge/ : `{ challenge_list: [...] }`, items flat or under `challenge_info`; no id → skipped. */
export function toChallengeList(body: unknown, ctx: DecodeContext): Challenge[] {
  const dto = parseObject(searchChallengePayloadDto, body, ctx, 'answer');
  const list = listFrom(dto.challenge_list, ctx, 'challenge_list');
  const notes = new FieldNotes(ctx, { name: 'hashtags', total: list.length });
  const challenges: Challenge[] = [];
  for (const item of list) {
    const raw = isObject(item) && isObject(item.challenge_info) ? item.challenge_info : item;
    if (!isObject(raw)) {
      notes.note('challenge_list[]', `${describeBad(raw)} (entry skipped)`);
      continue;
    }
    // Search answers elsewhere in TikTok name the id `cid`.
    const dto = challengeDto.parse(
      raw.id === undefined && raw.cid !== undefined ? { ...raw, id: raw.cid } : raw,
    );
    if (dto.id.value === '') {
      notes.note('challenge_list[].id', `${issueHead(dto.id)} (entry skipped)`);
      continue;
    }
    notes.take('challenge_list[].id', dto.id);
    challenges.push(challengeFrom(dto, notes, 'challenge_list[].', ''));
  }
  notes.flush();
  return challenges;
}
