// Discovery from what was already fetched: the captions of the posts sampled for each candidate name other
// hashtags, and their authors are creators. Per region, the tags that co-occur with the high scorers (and are not
// candidates yet) are suggested with their evidence: how many of the high scorers' posts used them, next to which
// candidates, and the lift over their frequency in the whole sample. Authors who post in several high scorers'
// samples are suggested as target creators. The same co-occurrence measures how much two candidates reach the same
// posts, which the tag-set picker (pick.ts) uses. No call is made: it reads the samples in hand.
import type { Post, RegionCode, RegionResult } from '../../shared/model';
import type { CreatorSuggestion, TagSuggestion } from '../../shared/discover';
import { hashtagsFromCaptions } from '../decode/competitor';
import { MEGA_TAGS } from '../engine/flags';
import { normaliseAuthorId } from '../engine/metrics';

export type { CreatorSuggestion, TagSuggestion };

/**
 * Hashtags of one post's caption, NFC and lower case (the decoder's parser, one home for the hashtag grammar).
 * Remembered per post: the picker compares every tag with every pick, and a report run does it per region.
 */
const parsed = new WeakMap<Post, string[]>();
function captionTags(post: Post): string[] {
  let tags = parsed.get(post);
  if (!tags) parsed.set(post, (tags = hashtagsFromCaptions([post.caption]).map((h) => h.tag)));
  return tags;
}

/** The high scorers of a region: its top quarter, at least 3 and at most 10, none flagged as a poor pick. */
function highScorers(result: RegionResult): RegionResult['ranked'] {
  const usable = result.ranked.filter(
    (t) =>
      !t.flags.some((f) => f.kind === 'saturated' || f.kind === 'shadow-limited' || f.kind === 'no-posts'),
  );
  const n = Math.min(10, Math.max(3, Math.ceil(result.ranked.length / 4)));
  return usable.slice(0, n);
}

export interface DiscoverOptions {
  /** A suggested tag must appear in at least this many of the high scorers' posts (default 3). */
  minPosts?: number;
  /** And be at least this many times likelier next to them than in the whole sample (default 1.5). */
  minLift?: number;
  /** And stand out from the other posts by at least this z (default 2). */
  minZ?: number;
  /** At most this many suggestions per region (default 10). */
  limit?: number;
}

/**
 * Tags that co-occur with a region's high scorers and are not candidates, with their evidence. Posts count once
 * per region however many samples served them; mega tags (#fyp …) are never suggested.
 */
export function suggestTags(
  result: RegionResult,
  sampleOf: (candidate: string) => readonly Post[],
  candidates: ReadonlySet<string>,
  opts: DiscoverOptions = {},
): TagSuggestion[] {
  const minPosts = opts.minPosts ?? 3;
  const known = new Set([...candidates].map((c) => c.normalize('NFC').toLowerCase()));
  for (const t of result.ranked) known.add(t.tag.normalize('NFC').toLowerCase());
  const high = new Set(highScorers(result).map((t) => t.candidate));
  // Every sampled post of the region once, with the candidates whose samples served it.
  const posts = new Map<string, { tags: string[]; servedFor: Set<string> }>();
  for (const t of result.ranked) {
    for (const [i, p] of sampleOf(t.candidate).entries()) {
      const id = p.id !== '' ? p.id : `${t.candidate}#${i}`;
      let entry = posts.get(id);
      if (!entry) posts.set(id, (entry = { tags: captionTags(p), servedFor: new Set() }));
      entry.servedFor.add(t.candidate);
    }
  }
  const all = posts.size;
  const highPosts = [...posts.values()].filter((p) => [...p.servedFor].some((c) => high.has(c)));
  if (all === 0 || highPosts.length === 0) return [];
  const overall = new Map<string, number>();
  for (const p of posts.values())
    for (const tag of new Set(p.tags)) overall.set(tag, (overall.get(tag) ?? 0) + 1);
  const inHigh = new Map<string, { posts: number; nextTo: Map<string, number> }>();
  for (const p of highPosts) {
    for (const tag of new Set(p.tags)) {
      if (known.has(tag) || MEGA_TAGS.has(tag)) continue;
      let e = inHigh.get(tag);
      if (!e) inHigh.set(tag, (e = { posts: 0, nextTo: new Map() }));
      e.posts += 1;
      for (const c of p.servedFor) if (high.has(c)) e.nextTo.set(c, (e.nextTo.get(c) ?? 0) + 1);
    }
  }
  const out: TagSuggestion[] = [];
  for (const [tag, e] of inHigh) {
    if (e.posts < minPosts) continue;
    const share = e.posts / highPosts.length;
    const base = (overall.get(tag) ?? e.posts) / all;
    const lift = share / base;
    if (lift < (opts.minLift ?? 1.5)) continue;
    // Small counts make big lifts by chance: the share next to the high scorers must stand out from the share in
    // the other posts by a two-proportion z-test (z >= 2, about 98 % one-sided).
    const k2 = (overall.get(tag) ?? e.posts) - e.posts;
    const n2 = all - highPosts.length;
    if (n2 > 0) {
      const p1 = e.posts / highPosts.length;
      const pooled = (e.posts + k2) / all;
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / highPosts.length + 1 / n2));
      if (se > 0 && (p1 - k2 / n2) / se < (opts.minZ ?? 2)) continue;
    }
    out.push({
      tag,
      region: result.region,
      posts: e.posts,
      highPosts: highPosts.length,
      share,
      overallShare: base,
      lift,
      nextTo: [...e.nextTo.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c),
    });
  }
  return out
    .sort((a, b) => b.posts * b.lift - a.posts * a.lift || a.tag.localeCompare(b.tag))
    .slice(0, opts.limit ?? 10);
}

/**
 * Authors who post in the samples of at least `minTags` high-scoring tags (across regions) and are not targets
 * yet: how many of their posts were sampled, in which tags and regions.
 */
export function suggestCreators(
  results: readonly RegionResult[],
  sampleOf: (region: RegionCode, candidate: string) => readonly Post[],
  targets: ReadonlySet<string>,
  opts: { minTags?: number; limit?: number } = {},
): CreatorSuggestion[] {
  const minTags = opts.minTags ?? 2;
  const lowered = new Set([...targets].map(normaliseAuthorId));
  const by = new Map<string, { posts: number; tags: Set<string>; regions: Set<RegionCode> }>();
  for (const r of results) {
    for (const t of highScorers(r)) {
      for (const p of sampleOf(r.region, t.candidate)) {
        if (p.authorId === '') continue;
        const id = normaliseAuthorId(p.authorId);
        if (lowered.has(id)) continue;
        let e = by.get(id);
        if (!e) by.set(id, (e = { posts: 0, tags: new Set(), regions: new Set() }));
        e.posts += 1;
        e.tags.add(t.candidate);
        e.regions.add(r.region);
      }
    }
  }
  return [...by.entries()]
    .filter(([, e]) => e.tags.size >= minTags)
    .map(([username, e]) => ({ username, posts: e.posts, tags: [...e.tags], regions: [...e.regions] }))
    .sort(
      (a, b) => b.tags.length - a.tags.length || b.posts - a.posts || a.username.localeCompare(b.username),
    )
    .slice(0, opts.limit ?? 15);
}

/**
 * How much two candidates reach the same posts in a region: the share of one's sampled posts that also carry the
 * other (served in its sample too, or naming it in the caption), the larger of the two ways. 0 is distinct; near 1,
 * one tag adds no reach to the other.
 */
export function sharedReach(
  a: { candidate: string; tag: string },
  b: { candidate: string; tag: string },
  sampleOf: (candidate: string) => readonly Post[],
): number {
  const names = (t: { candidate: string; tag: string }): Set<string> =>
    new Set([t.candidate, t.tag].map((n) => n.normalize('NFC').toLowerCase()));
  const carriesOther = (own: { candidate: string }, other: { candidate: string; tag: string }): number => {
    const otherIds = new Set(
      sampleOf(other.candidate)
        .map((p) => p.id)
        .filter((id) => id !== ''),
    );
    const otherNames = names(other);
    const posts = sampleOf(own.candidate);
    let n = 0;
    for (const p of posts)
      if ((p.id !== '' && otherIds.has(p.id)) || captionTags(p).some((x) => otherNames.has(x))) n += 1;
    return posts.length === 0 ? 0 : n / posts.length;
  };
  return Math.max(carriesOther(a, b), carriesOther(b, a));
}

/** Every region's tag suggestions and the creators across regions: what discover, the watch and the app show. */
export function discoverAll(
  results: readonly RegionResult[],
  sampleOf: (region: RegionCode, candidate: string) => readonly Post[],
  candidates: ReadonlySet<string>,
  targets: ReadonlySet<string>,
): { tags: TagSuggestion[]; creators: CreatorSuggestion[] } {
  return {
    tags: results.flatMap((r) => suggestTags(r, (c) => sampleOf(r.region, c), candidates)),
    creators: suggestCreators(results, sampleOf, targets),
  };
}
