// Discovery from what was already fetched: the captions of the posts sampled for each candidate name other
// hashtags, and their authors are creators. Per region, the tags that co-occur with the high scorers (and are not
// candidates yet) are suggested with their evidence: how many of the high scorers' posts used them, next to which
// candidates, and the lift over their frequency in the whole sample. Authors who post in several high scorers'
// samples are suggested as target creators. The same co-occurrence measures how much two candidates reach the same
// posts, which the tag-set picker (pick.ts) uses. No call is made: it reads the samples in hand.
import type { Post, RegionCode, RegionResult } from '../../shared/model';
import type { CreatorSuggestion, TagSuggestion } from '../../shared/discover';
import { hashtagKey } from '../../shared/hashtag';
import { usernameProblem } from '../../shared/username';
import { MEGA_TAGS } from '../engine/flags';
import { normaliseAuthorId } from '../engine/metrics';
import { type HeldPost, isLean, leanTags, parseCaptionTags } from '../pipeline/lean-posts';

export type { CreatorSuggestion, TagSuggestion };

/**
 * Hashtags of one post's caption, NFC and lower case (the decoder's parser, one home for the hashtag grammar). A
 * run's lean post holds them parsed (read out of its packed form at each call); an API post's are remembered per
 * post: the picker compares every tag with every pick, and a report run does it per region.
 */
const parsed = new WeakMap<Post, readonly string[]>();
export function captionTags(post: HeldPost): readonly string[] {
  if (isLean(post)) return leanTags(post);
  let tags = parsed.get(post);
  if (!tags) parsed.set(post, (tags = parseCaptionTags(post.caption)));
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
  /** A suggested tag must be used by at least this many distinct creators next to the high scorers (default 3). */
  minPosts?: number;
  /** And be at least this many times likelier next to them than in the whole sample, in creators (default 1.5). */
  minLift?: number;
  /** The false discovery rate controlled across the tags tested in the region (Benjamini–Hochberg; default 0.1). */
  fdr?: number;
  /** At most this many suggestions per region (default 10). */
  limit?: number;
}

/** The false discovery rate discovery controls across the tags tested in a region. */
export const DISCOVERY_FDR = 0.1;

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}
const logChoose = (n: number, k: number): number => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/**
 * Fisher's exact one-sided p: the chance that `drawn` units hold at least `hits` of the `marked` ones among `total`,
 * when marks fall at random (hypergeometric upper tail). Exact at any count, unlike a z-test on small ones.
 */
export function hypergeometricUpper(total: number, marked: number, drawn: number, hits: number): number {
  const hi = Math.min(marked, drawn);
  const lo = Math.max(hits, 0, drawn - (total - marked));
  if (lo > hi) return 0;
  const base = logChoose(total, drawn);
  let p = 0;
  for (let k = lo; k <= hi; k++)
    p += Math.exp(logChoose(marked, k) + logChoose(total - marked, drawn - k) - base);
  return Math.min(1, p);
}

/** Benjamini–Hochberg: which of the p-values are discoveries at false discovery rate q (a mask, input order). */
export function benjaminiHochberg(ps: readonly number[], q: number): boolean[] {
  const m = ps.length;
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  let cut = -1;
  for (let r = 0; r < m; r++) if (order[r]![0] <= ((r + 1) * q) / m) cut = r;
  const out = new Array<boolean>(m).fill(false);
  for (let r = 0; r <= cut; r++) out[order[r]![1]] = true;
  return out;
}

/** A creator as one unit of evidence: their author id, or the post itself when the API gave none. */
export const unitOf = (p: HeldPost, id: string): string =>
  p.authorId !== '' ? `a:${normaliseAuthorId(p.authorId)}` : `p:${id}`;

/**
 * Tags that co-occur with a region's high scorers and are not candidates, with their evidence. Evidence is counted
 * in distinct creators (one creator's eight posts with the same signature tags count once), each tag is tested by
 * Fisher's exact test (used by more of the high scorers' creators than chance would put there), and the false
 * discovery rate is controlled across every tag tested in the region (Benjamini–Hochberg at `fdr`). Posts count once
 * per region however many samples served them; mega tags (#fyp …) are never suggested.
 */
export function suggestTags(
  result: RegionResult,
  sampleOf: (candidate: string) => readonly HeldPost[],
  candidates: ReadonlySet<string>,
  opts: DiscoverOptions = {},
): TagSuggestion[] {
  const minCreators = opts.minPosts ?? 3;
  const q = opts.fdr ?? DISCOVERY_FDR;
  const known = new Set([...candidates].map(hashtagKey));
  for (const t of result.ranked) known.add(hashtagKey(t.tag));
  const high = new Set(highScorers(result).map((t) => t.candidate));
  // Every sampled post of the region once, with the candidates whose samples served it.
  const posts = new Map<string, { tags: readonly string[]; servedFor: Set<string>; unit: string }>();
  for (const t of result.ranked) {
    for (const [i, p] of sampleOf(t.candidate).entries()) {
      const id = p.id !== '' ? p.id : `${t.candidate}#${i}`;
      let entry = posts.get(id);
      if (!entry)
        posts.set(id, (entry = { tags: captionTags(p), servedFor: new Set(), unit: unitOf(p, id) }));
      entry.servedFor.add(t.candidate);
    }
  }
  const isHigh = (p: { servedFor: Set<string> }): boolean => [...p.servedFor].some((c) => high.has(c));
  const highPosts = [...posts.values()].filter(isHigh);
  if (posts.size === 0 || highPosts.length === 0) return [];
  // A creator is on the high side when any of their posts was served for a high scorer; their tags on that side
  // are those of those posts (a creator's other posts are not evidence against the tag).
  const highUnits = new Set(highPosts.map((p) => p.unit));
  const unitTags = new Map<string, Set<string>>();
  for (const p of posts.values()) {
    if (highUnits.has(p.unit) && !isHigh(p)) continue;
    let set = unitTags.get(p.unit);
    if (!set) unitTags.set(p.unit, (set = new Set()));
    for (const tag of p.tags) if (!known.has(tag) && !MEGA_TAGS.has(tag)) set.add(tag);
  }
  const units = unitTags.size;
  const inHighUnits = new Map<string, number>();
  const inAllUnits = new Map<string, number>();
  for (const [unit, tags] of unitTags)
    for (const tag of tags) {
      inAllUnits.set(tag, (inAllUnits.get(tag) ?? 0) + 1);
      if (highUnits.has(unit)) inHighUnits.set(tag, (inHighUnits.get(tag) ?? 0) + 1);
    }
  // Posts and neighbours, for the evidence as people read it.
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
  const overallPosts = new Map<string, number>();
  for (const p of posts.values())
    for (const tag of new Set(p.tags)) overallPosts.set(tag, (overallPosts.get(tag) ?? 0) + 1);
  // Every tag used by enough creators anywhere in the region is a test, whichever side they are on: choosing the
  // tests by the total alone keeps Fisher's test (which conditions on it) and the count of tests honest.
  const tested = [...inAllUnits].filter(([, k]) => k >= minCreators).map(([tag]) => tag);
  const ps = tested.map((tag) =>
    hypergeometricUpper(units, inAllUnits.get(tag)!, highUnits.size, inHighUnits.get(tag) ?? 0),
  );
  const found = benjaminiHochberg(ps, q);
  const out: TagSuggestion[] = [];
  for (const [i, tag] of tested.entries()) {
    const creators = inHighUnits.get(tag) ?? 0;
    const e = inHigh.get(tag);
    if (!found[i] || !e || creators < minCreators) continue;
    const creatorLift = creators / highUnits.size / (inAllUnits.get(tag)! / units);
    if (creatorLift < (opts.minLift ?? 1.5)) continue;
    const share = e.posts / highPosts.length;
    const base = (overallPosts.get(tag) ?? e.posts) / posts.size;
    // The lift people read is in posts: it must clear the bar too.
    if (share / base < (opts.minLift ?? 1.5)) continue;
    out.push({
      tag,
      region: result.region,
      posts: e.posts,
      highPosts: highPosts.length,
      share,
      overallShare: base,
      lift: share / base,
      nextTo: [...e.nextTo.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c),
      creators,
      highCreators: highUnits.size,
      tested: tested.length,
      fdr: q,
      p: ps[i]!,
    });
  }
  return out
    .sort((a, b) => a.p! - b.p! || b.creators! - a.creators! || a.tag.localeCompare(b.tag))
    .slice(0, opts.limit ?? 10);
}

/**
 * Authors who post in the samples of at least `minTags` high-scoring tags (across regions) and are not targets
 * yet: how many of their posts were sampled, in which tags and regions.
 */
export function suggestCreators(
  results: readonly RegionResult[],
  sampleOf: (region: RegionCode, candidate: string) => readonly HeldPost[],
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
  return (
    [...by.entries()]
      // Offered for the creators list, so only what can be a username (an API author can be anything at all).
      .filter(([id, e]) => e.tags.size >= minTags && usernameProblem(id) === undefined)
      .map(([username, e]) => ({ username, posts: e.posts, tags: [...e.tags], regions: [...e.regions] }))
      .sort(
        (a, b) => b.tags.length - a.tags.length || b.posts - a.posts || a.username.localeCompare(b.username),
      )
      .slice(0, opts.limit ?? 15)
  );
}

/**
 * How much two candidates reach the same posts in a region: the share of one's sampled posts that also carry the
 * other (served in its sample too, or naming it in the caption), the larger of the two ways. 0 is distinct; near 1,
 * one tag adds no reach to the other.
 */
export function sharedReach(
  a: { candidate: string; tag: string },
  b: { candidate: string; tag: string },
  sampleOf: (candidate: string) => readonly HeldPost[],
): number {
  const names = (t: { candidate: string; tag: string }): Set<string> =>
    new Set([t.candidate, t.tag].map(hashtagKey));
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
  sampleOf: (region: RegionCode, candidate: string) => readonly HeldPost[],
  candidates: ReadonlySet<string>,
  targets: ReadonlySet<string>,
): { tags: TagSuggestion[]; creators: CreatorSuggestion[] } {
  return {
    tags: results.flatMap((r) => suggestTags(r, (c) => sampleOf(r.region, c), candidates)),
    creators: suggestCreators(results, sampleOf, targets),
  };
}
