// What a run keeps of a sampled post (lean-posts.ts): the fields the engine and the views read survive, the
// caption's text goes, its hashtags stay as captionTags reads them, and authors and hashtags are shared strings.
import { describe, expect, it } from 'vitest';
import { captionTags } from '../../src/core/discover/cooccurrence';
import { compactPosts, createAuthorTable } from '../../src/core/engine/compact-samples';
import {
  createInternTable,
  isLean,
  leanPost,
  leanTags,
  leanSample,
  makeSamplesLean,
} from '../../src/core/pipeline/lean-posts';
import type { RunSamples } from '../../src/core/pipeline/run-samples';
import type { Post } from '../../src/shared/model';

/** Posts as the client parses them: every string its own copy, as JSON.parse makes them. */
const parsed = (posts: Post[]): Post[] => JSON.parse(JSON.stringify(posts)) as Post[];

const POSTS = parsed([
  {
    id: '7301',
    createTime: 1_763_500_000,
    likes: 120,
    comments: 4,
    shares: 2,
    plays: 9_000,
    authorId: 'Studio_North',
    caption: 'New drop today! #SmallBusiness #fyp #smallbusiness #Café https://x.co/#nottag',
  },
  {
    id: '7302',
    createTime: 1_763_400_000,
    likes: 0,
    comments: 0,
    shares: 0,
    plays: 0,
    authorId: 'Studio_North',
    caption: 'behind the scenes #fyp',
  },
  { id: '', createTime: 0, likes: 7, comments: 0, shares: 0, plays: 12, authorId: '', caption: '' },
]);

describe('lean posts', () => {
  it('keeps what the engine and the views read, and drops the caption text, comments and shares', () => {
    const table = createInternTable();
    const lean = leanSample(POSTS, table);
    expect(lean.map((p) => [p.id, p.createTime, p.likes, p.plays, p.authorId])).toEqual(
      POSTS.map((p) => [p.id, p.createTime, p.likes, p.plays, p.authorId]),
    );
    for (const p of lean) {
      expect(isLean(p)).toBe(true);
      expect(p).not.toHaveProperty('caption');
      expect(p).not.toHaveProperty('comments');
      expect(p).not.toHaveProperty('shares');
    }
    // The engine reads a lean sample as it read the API's: same times, likes, authors and repeats.
    expect(compactPosts(lean, createAuthorTable())).toEqual(compactPosts(POSTS, createAuthorTable()));
  });

  it("holds a caption's hashtags exactly as captionTags parses the caption", () => {
    const lean = leanSample(POSTS, createInternTable());
    lean.forEach((p, i) => expect(captionTags(p)).toEqual(captionTags(POSTS[i]!)));
    expect(captionTags(lean[0]!)).toEqual(['smallbusiness', 'fyp', 'café']);
    expect(captionTags(lean[2]!)).toEqual([]);
  });

  it('shares one string per author and one hashtag table across the pairs of one run', () => {
    const table = createInternTable();
    const [a, b] = leanSample(POSTS, table);
    const [c] = leanSample(parsed([POSTS[0]!]), table);
    // Equal values from separate JSON parses: only interning makes them the same string, which toBe cannot see,
    // so the table is asked: each distinct author is in it once, and the posts hold the table's copy.
    expect([...table.strings.keys()].sort()).toEqual(['', 'Studio_North']);
    for (const p of [a!, b!, c!]) expect(table.strings.get(p.authorId)).toBe(p.authorId);
    // Each hashtag once in the run's table; a post holds indices into it (one UTF-16 unit each here).
    expect(table.tags.names).toEqual(['smallbusiness', 'fyp', 'café']);
    for (const p of [a!, b!, c!]) expect(p.tagTable).toBe(table.tags);
    expect(a!.tagCodes).toHaveLength(3);
    expect(leanTags(c!)).toEqual(leanTags(a!));
  });

  it('reads back the hashtags of a run with more than 2^15 of them (two units an index)', () => {
    const table = createInternTable();
    const many = Array.from({ length: 40_000 }, (_, i) => `tag${i}`);
    const post = (i: number, tags: string[]): Post => ({
      ...POSTS[1]!,
      id: String(i),
      caption: tags.map((t) => `#${t}`).join(' '),
    });
    const posts = parsed(many.map((t, i) => post(i, [t])));
    const lean = leanSample(posts, table);
    const last = leanPost(post(40_001, ['tag39999', 'tag5', 'fresh']), table);
    expect(leanTags(lean[39_999]!)).toEqual(['tag39999']);
    expect(lean[39_999]!.tagCodes).toHaveLength(2);
    expect(leanTags(lean[32_767]!)).toEqual(['tag32767']);
    expect(lean[32_767]!.tagCodes).toHaveLength(1);
    expect(leanTags(last)).toEqual(['tag39999', 'tag5', 'fresh']);
    posts.forEach((p, i) => expect(captionTags(lean[i]!)).toEqual(captionTags(p)));
  });

  it("makes a run's samples lean in place and leaves lean pairs as they are", () => {
    const data: RunSamples = { challenges: new Map(), samples: new Map() };
    const done = leanSample(POSTS, createInternTable());
    data.samples.set('US\u0000a', done);
    data.samples.set('GB\u0000a', [...POSTS]);
    makeSamplesLean(data.samples);
    expect(data.samples.get('US\u0000a')).toBe(done);
    expect(data.samples.get('GB\u0000a')!.every(isLean)).toBe(true);
    expect(leanPost(done[0]!, createInternTable())).toBe(done[0]);
  });
});
