// What a run keeps of each sampled post once its pair's sample is complete: what the engine, the tag sets,
// localize, the plan and the reports read (id, time, likes, plays, author, the caption's hashtags), not the API's
// post. The caption's text, comments and shares are dropped, and the authors and hashtags are interned per run, so
// a creator's hundred posts share one string: at 500 tags × 25 regions that is the difference between about 450 MB
// of posts and under 200 MB. The detail view reads a pair's full captions back from the answer cache on demand.
import type { Post } from '../../shared/model';
import { hashtagsFromCaptions } from '../decode/competitor';

/** A sampled post as a run holds it after its sample: Post without comments, shares and the caption's text. */
export interface LeanPost {
  id: string;
  /** Unix seconds; 0 when missing. */
  createTime: number;
  likes: number;
  plays: number;
  /** `author.unique_id` as served ('' when missing), one string per author in the run. */
  authorId: string;
  /** The caption's hashtags as `captionTags` reads them (NFC, lower case, in its order); shared, never mutated. */
  tags: readonly string[];
}

/** A post in a run's samples: the API's while its pair is being fetched (adaptive sampling reads it), lean after. */
export type HeldPost = Post | LeanPost;

export const isLean = (p: HeldPost): p is LeanPost => !('caption' in p);

/** Hashtags of one caption, NFC and lower case, in the decoder's order (one home for the hashtag grammar). */
export const parseCaptionTags = (caption: string): string[] =>
  hashtagsFromCaptions([caption]).map((h) => h.tag);

/** One run's interned strings (authors and hashtags) and one-tag lists: repeated values share one copy. */
export interface InternTable {
  strings: Map<string, string>;
  single: Map<string, readonly string[]>;
}

const NO_TAGS: readonly string[] = Object.freeze([]);

export const createInternTable = (): InternTable => ({ strings: new Map(), single: new Map() });

function intern(table: InternTable, s: string): string {
  const held = table.strings.get(s);
  if (held !== undefined) return held;
  table.strings.set(s, s);
  return s;
}

/** `tags` (a fresh list, the caller's to give) with its hashtags interned. */
function internTags(table: InternTable, tags: string[]): readonly string[] {
  if (tags.length === 0) return NO_TAGS;
  if (tags.length === 1) {
    const tag = intern(table, tags[0]!);
    let list = table.single.get(tag);
    if (!list) table.single.set(tag, (list = Object.freeze([tag])));
    return list;
  }
  // Shared lists (none, one tag) are frozen; a post's own list is only typed read-only.
  for (let i = 0; i < tags.length; i++) tags[i] = intern(table, tags[i]!);
  return tags;
}

/** One post made lean (a lean post is returned as it is). */
export function leanPost(p: HeldPost, table: InternTable): LeanPost {
  if (isLean(p)) return p;
  return {
    id: p.id,
    createTime: p.createTime,
    likes: p.likes,
    plays: p.plays,
    authorId: intern(table, p.authorId),
    tags: internTags(table, parseCaptionTags(p.caption)),
  };
}

/** A pair's sample made lean, in served order. */
export const leanSample = (posts: readonly HeldPost[], table: InternTable): LeanPost[] =>
  posts.map((p) => leanPost(p, table));

/** The run's table, kept beside its samples map so every pair of one run shares it. */
const tables = new WeakMap<object, InternTable>();
export function internTableOf(samples: Map<string, readonly HeldPost[]>): InternTable {
  let table = tables.get(samples);
  if (!table) tables.set(samples, (table = createInternTable()));
  return table;
}

/**
 * Every sample of a run made lean in place (the pairs already lean are left as they are), at the run's end: the
 * table is let go then (its map of every author and hashtag is a few MB at 500 × 25; the strings stay shared).
 */
export function makeSamplesLean(samples: Map<string, HeldPost[]>): void {
  const table = internTableOf(samples);
  for (const [key, posts] of samples) {
    if (posts.length > 0 && posts.some((p) => !isLean(p))) samples.set(key, leanSample(posts, table));
  }
  tables.delete(samples);
}
