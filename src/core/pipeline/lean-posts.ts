// What a run keeps of each sampled post once its pair's sample is complete: what the engine, the tag sets,
// localize, the plan and the reports read (id, time, likes, plays, author, the caption's hashtags), not the API's
// post. The caption's text, comments and shares are dropped; authors are interned per run (a creator's hundred
// posts share one string) and a caption's hashtags are kept as indices into the run's hashtag table, packed in one
// short string (24 bytes for three tags where an array takes 72). The detail view reads a pair's full captions back
// from the answer cache on demand (job/sample-captions.ts).
import type { Post } from '../../shared/model';
import { hashtagsFromCaptions } from '../decode/competitor';

/** A run's hashtags, each once: a lean post's tags are indices into `names`. */
export interface TagTable {
  names: string[];
  /** Cleared at the run's end: a finished run's table only decodes. */
  index: Map<string, number>;
}

/** A sampled post as a run holds it after its sample: Post without comments, shares and the caption's text. */
export interface LeanPost {
  id: string;
  /** Unix seconds; 0 when missing. */
  createTime: number;
  likes: number;
  plays: number;
  /** `author.unique_id` as served ('' when missing), one string per author in the run. */
  authorId: string;
  /** The caption's hashtags, packed (see `leanTags`): one or two UTF-16 units per tag, an index into `tagTable`. */
  tagCodes: string;
  tagTable: TagTable;
}

/** A post in a run's samples: the API's while its pair is being fetched (adaptive sampling reads it), lean after. */
export type HeldPost = Post | LeanPost;

export const isLean = (p: HeldPost): p is LeanPost => !('caption' in p);

/** Hashtags of one caption, NFC and lower case, in the decoder's order (one home for the hashtag grammar). */
export const parseCaptionTags = (caption: string): string[] =>
  hashtagsFromCaptions([caption]).map((h) => h.tag);

// An index under 2^15 is one unit; a larger one two (high half with the top bit set, then the low 15 bits).
const LOW = 0x8000;

/** A lean post's hashtags as `parseCaptionTags` gave them, in the same order (a new array at each call). */
export function leanTags(p: LeanPost): string[] {
  const { tagCodes: s, tagTable } = p;
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    const k = u < LOW ? u : ((u - LOW) << 15) | s.charCodeAt(++i);
    out.push(tagTable.names[k]!);
  }
  return out;
}

/** One run's interned authors and its hashtag table: repeated values share one copy. */
export interface InternTable {
  strings: Map<string, string>;
  tags: TagTable;
}

export const createInternTable = (): InternTable => ({
  strings: new Map(),
  tags: { names: [], index: new Map() },
});

function intern(table: InternTable, s: string): string {
  const held = table.strings.get(s);
  if (held !== undefined) return held;
  table.strings.set(s, s);
  return s;
}

function tagCodes(table: TagTable, tags: readonly string[]): string {
  const units: number[] = [];
  for (const tag of tags) {
    let k = table.index.get(tag);
    if (k === undefined) {
      k = table.names.length;
      table.names.push(tag);
      table.index.set(tag, k);
    }
    if (k < LOW) units.push(k);
    else units.push(LOW + (k >> 15), k & (LOW - 1));
  }
  // One flat string from the units (a string built by += would be a rope of small strings).
  return String.fromCharCode(...units);
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
    tagCodes: tagCodes(table.tags, parseCaptionTags(p.caption)),
    tagTable: table.tags,
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
 * Every sample of a run made lean in place (the pairs already lean are left as they are), at the run's end. The
 * run's maps are let go then (a few MB at 500 × 25); its hashtag names stay, for its posts to be read. Pairs added
 * later (a retry) get a table of their own.
 */
export function makeSamplesLean(samples: Map<string, HeldPost[]>): void {
  const table = internTableOf(samples);
  for (const [key, posts] of samples) {
    if (posts.length > 0 && posts.some((p) => !isLean(p))) samples.set(key, leanSample(posts, table));
  }
  tables.delete(samples);
  table.strings.clear();
  table.tags.index.clear();
}
