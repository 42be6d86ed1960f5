// Samples as the engine reads them: per post its time, likes and author (an index into one author table), and
// whether its id repeats an earlier post's, packed into typed arrays. 500 tags × 25 regions × 90 posts take about
// 25 MB this way instead of the API's objects; a run's samples pack into one set of arrays a worker can be sent.
import type { Challenge } from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';
import type { PageOrderCorrection } from './adaptive-correction';
import type { RunSamples } from '../pipeline/run-samples';

/** Raw author ids (`unique_id` as served), each once; a post's author is an index into `ids`. */
export interface AuthorTable {
  ids: string[];
  index: Map<string, number>;
}

/** One hashtag's sample in one region: posts in served order. Views into its run's arrays. */
export interface CompactSample {
  /** Unix seconds. */
  createTime: Float64Array;
  likes: Float64Array;
  /** Index into `authors.ids`; -1 for a post without author. */
  author: Int32Array;
  /** 1 where the post's id repeats an earlier post's in this sample (dropped under dedupePosts). */
  repeat: Uint8Array;
  authors: AuthorTable;
}

/** A run's samples packed: sample k is posts offsets[k] … offsets[k + 1] - 1. Structured-clone friendly. */
export interface PackedSamples {
  authors: string[];
  keys: string[];
  offsets: Int32Array;
  createTime: Float64Array;
  likes: Float64Array;
  author: Int32Array;
  repeat: Uint8Array;
  challenges: [string, Challenge | null][];
  stoppedEarly: [string, string][];
  tieBand: [string, string][];
  corrections?: [string, PageOrderCorrection][];
}

/** What the engine needs of a run's samples: as RunSamples, with compact samples in place of posts. */
export interface CompactRun {
  challenges: Map<string, Challenge | null>;
  samples: Map<string, CompactSample>;
  stoppedEarly: Map<string, string>;
  tieBand: Map<string, string>;
  /** Stopped pairs whose score is estimated for the full sample (adaptive sampling). */
  corrections?: Map<string, PageOrderCorrection>;
  /** Posts held, over all samples. */
  posts: number;
}

export const createAuthorTable = (): AuthorTable => ({ ids: [], index: new Map() });

function authorIndex(table: AuthorTable, id: string): number {
  if (id === '') return -1;
  let i = table.index.get(id);
  if (i === undefined) {
    i = table.ids.length;
    table.ids.push(id);
    table.index.set(id, i);
  }
  return i;
}

/** Writes `posts` into the arrays at `at`; the id set is the sample's own (repeats are within one sample). */
function writePosts(
  posts: readonly HeldPost[],
  table: AuthorTable,
  out: Pick<CompactSample, 'createTime' | 'likes' | 'author' | 'repeat'>,
  at: number,
): void {
  const seen = new Set<string>();
  for (let i = 0; i < posts.length; i++) {
    const p = posts[i]!;
    out.createTime[at + i] = p.createTime;
    out.likes[at + i] = p.likes;
    out.author[at + i] = authorIndex(table, p.authorId);
    // A post without id cannot be matched, so it is never a repeat.
    if (p.id !== '' && seen.has(p.id)) out.repeat[at + i] = 1;
    else if (p.id !== '') seen.add(p.id);
  }
}

/** One sample on its own (tests, the live partial ranking, a sample outside a run). */
export function compactPosts(
  posts: readonly HeldPost[],
  table: AuthorTable = createAuthorTable(),
): CompactSample {
  const n = posts.length;
  const s = {
    createTime: new Float64Array(n),
    likes: new Float64Array(n),
    author: new Int32Array(n),
    repeat: new Uint8Array(n),
  };
  writePosts(posts, table, s, 0);
  return { ...s, authors: table };
}

/** A run's samples packed into one set of arrays (built once after a run; sent to the scoring worker). */
export function packSamples(data: RunSamples): PackedSamples {
  const table = createAuthorTable();
  const keys = [...data.samples.keys()];
  const offsets = new Int32Array(keys.length + 1);
  keys.forEach((k, i) => (offsets[i + 1] = offsets[i]! + data.samples.get(k)!.length));
  const total = offsets[keys.length]!;
  const arrays = {
    createTime: new Float64Array(total),
    likes: new Float64Array(total),
    author: new Int32Array(total),
    repeat: new Uint8Array(total),
  };
  keys.forEach((k, i) => writePosts(data.samples.get(k)!, table, arrays, offsets[i]!));
  return {
    authors: table.ids,
    keys,
    offsets,
    ...arrays,
    challenges: [...data.challenges],
    stoppedEarly: [...(data.stoppedEarly ?? [])],
    tieBand: [...(data.tieBand ?? [])],
    ...(data.corrections ? { corrections: [...data.corrections] } : {}),
  };
}

/** The packed arrays as samples by key (views, no copy). */
export function unpackSamples(p: PackedSamples): CompactRun {
  const authors: AuthorTable = { ids: p.authors, index: new Map(p.authors.map((id, i) => [id, i])) };
  const samples = new Map<string, CompactSample>();
  p.keys.forEach((k, i) => {
    const a = p.offsets[i]!;
    const b = p.offsets[i + 1]!;
    samples.set(k, {
      createTime: p.createTime.subarray(a, b),
      likes: p.likes.subarray(a, b),
      author: p.author.subarray(a, b),
      repeat: p.repeat.subarray(a, b),
      authors,
    });
  });
  return {
    challenges: new Map(p.challenges),
    samples,
    stoppedEarly: new Map(p.stoppedEarly),
    tieBand: new Map(p.tieBand),
    ...(p.corrections ? { corrections: new Map(p.corrections) } : {}),
    posts: p.createTime.length,
  };
}

export const compactRun = (data: RunSamples): CompactRun => unpackSamples(packSamples(data));
