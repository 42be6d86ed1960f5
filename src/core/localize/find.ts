// The localisation rule (0 credits): bilingual posters tag both a global tag and its local variant, so a tag that
// rides along on many of a candidate's posts in one region, and on few or none of the same candidate's posts
// elsewhere, is a local variant there. Evidence is counted in creators, tested with Fisher's exact test (the
// discovery's test) and the false discovery rate controlled across every pair of the run (Benjamini–Hochberg).
import type { RegionCode } from '../../shared/model';
import type { HeldPost } from '../pipeline/lean-posts';
import type { EquivalentEvidence } from '../../shared/localize';
import { hashtagKey } from '../../shared/hashtag';
import {
  benjaminiHochberg,
  captionTags,
  DISCOVERY_FDR,
  hypergeometricUpper,
  unitOf,
} from '../discover/cooccurrence';
import { MEGA_TAGS } from '../engine/flags';

export interface LocalizeSamples {
  /** The run's candidates and regions (elsewhere is every other region of the run). */
  candidates: readonly string[];
  regions: readonly RegionCode[];
  sampleOf: (region: RegionCode, candidate: string) => readonly HeldPost[];
  /** Other names of a candidate (the name TikLiveAPI answered with): never a variant of itself. */
  namesOf?: (candidate: string) => readonly string[];
}

export interface FindOptions {
  /** Only these candidates and regions are tested (the family the false discovery rate is controlled over). */
  tags?: readonly string[];
  only?: readonly RegionCode[];
  /** A variant is carried by at least this many distinct creators in the region (default 5: 3 posts are not evidence). */
  minCreators?: number;
  /** And on at least this share of the candidate's sampled posts there (default 0.1). */
  minShare?: number;
  /** And at least this many times likelier there than elsewhere (in creators), and than on the region's other
   * candidates' posts (default 3). */
  minRatio?: number;
  /** The false discovery rate across the pairs tested (default 0.1, as discovery). */
  fdr?: number;
  /** A tag on at least this share of every region's sampled posts is a global tag, never a variant (default 0.02). */
  globalShare?: number;
}

/** A candidate's sample in a region: its posts once each, their creators, and each creator's tags. */
interface Cell {
  posts: { id: string; tags: Set<string>; unit: string }[];
  unitTags: Map<string, Set<string>>;
}

function cellOf(posts: readonly HeldPost[], candidate: string): Cell {
  const seen = new Set<string>();
  const cell: Cell = { posts: [], unitTags: new Map() };
  for (const [i, p] of posts.entries()) {
    const id = p.id !== '' ? p.id : `${candidate}#${i}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const tags = new Set(captionTags(p));
    const unit = unitOf(p, id);
    cell.posts.push({ id, tags, unit });
    let set = cell.unitTags.get(unit);
    if (!set) cell.unitTags.set(unit, (set = new Set()));
    for (const t of tags) set.add(t);
  }
  return cell;
}

/** Tags on at least `share` of the sampled posts of every region (mega tags, broad related tags): never variants. */
function globalTags(cells: Map<RegionCode, Map<string, Cell>>, share: number): Set<string> {
  let out: Set<string> | undefined;
  if (cells.size < 2) return new Set();
  for (const byCandidate of cells.values()) {
    const counts = new Map<string, number>();
    let n = 0;
    for (const cell of byCandidate.values())
      for (const p of cell.posts) {
        n += 1;
        for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    const common = new Set([...counts].filter(([, k]) => n > 0 && k / n >= share).map(([t]) => t));
    out = out ? new Set([...out].filter((t) => common.has(t))) : common;
  }
  return out ?? new Set();
}

interface Contrast {
  regionPosts: number;
  postsElsewhere: number;
  nR: number;
  nO: number;
  postsHere: Map<string, number>;
  postsThere: Map<string, number>;
  unitsHere: Map<string, number>;
  unitsThere: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

/** A candidate's sample in a region against its samples in the other regions, in posts and in creators. */
function contrast(
  cells: Map<RegionCode, Map<string, Cell>>,
  candidate: string,
  region: RegionCode,
): Contrast {
  const here = cells.get(region)?.get(candidate);
  const others = [...cells].filter(([r]) => r !== region).flatMap(([, m]) => m.get(candidate) ?? []);
  const hereUnits = new Set(here?.unitTags.keys() ?? []);
  const c: Contrast = {
    regionPosts: here?.posts.length ?? 0,
    postsElsewhere: 0,
    nR: hereUnits.size,
    nO: 0,
    postsHere: new Map(),
    postsThere: new Map(),
    unitsHere: new Map(),
    unitsThere: new Map(),
  };
  for (const p of here?.posts ?? []) for (const t of p.tags) bump(c.postsHere, t);
  for (const tags of here?.unitTags.values() ?? []) for (const t of tags) bump(c.unitsHere, t);
  // Elsewhere's creators are those not in the region's sample: each creator is one unit, on one side.
  const elsewhere = new Map<string, Set<string>>();
  for (const o of others) {
    c.postsElsewhere += o.posts.length;
    for (const p of o.posts) for (const t of p.tags) bump(c.postsThere, t);
    for (const [u, tags] of o.unitTags) {
      if (hereUnits.has(u)) continue;
      let set = elsewhere.get(u);
      if (!set) elsewhere.set(u, (set = new Set()));
      for (const t of tags) set.add(t);
    }
  }
  c.nO = elsewhere.size;
  for (const tags of elsewhere.values()) for (const t of tags) bump(c.unitsThere, t);
  return c;
}

/**
 * The median share of the tag on the region's other candidates' samples (each without the candidate's own posts;
 * a candidate named like the tag left out). A median, not a pooled share: a variant two candidates share stays
 * theirs, a tag on every candidate's posts there is the region's. 0 under two other candidates (nothing to tell).
 */
function shareAmongOthers(
  cells: Map<RegionCode, Map<string, Cell>>,
  candidate: string,
  region: RegionCode,
  tag: string,
): number {
  const byCandidate = cells.get(region);
  const own = new Set(byCandidate?.get(candidate)?.posts.map((p) => p.id) ?? []);
  const shares: number[] = [];
  for (const [c, cell] of byCandidate ?? []) {
    if (c === candidate || hashtagKey(c) === tag) continue;
    const posts = cell.posts.filter((p) => !own.has(p.id));
    if (posts.length > 0) shares.push(posts.filter((p) => p.tags.has(tag)).length / posts.length);
  }
  if (shares.length < 2) return 0;
  shares.sort((a, b) => a - b);
  const mid = shares.length / 2;
  return shares.length % 2 === 1 ? shares[Math.floor(mid)]! : (shares[mid - 1]! + shares[mid]!) / 2;
}

/** The samples of a run, indexed once: what both the rule and a declared pair's figures read. */
export interface PairIndex {
  /** The figures of one (candidate, region, tag), whether or not the rule names it. */
  figures(candidate: string, region: RegionCode, tag: string): Omit<EquivalentEvidence, 'tested' | 'fdr'>;
  cells: Map<RegionCode, Map<string, Cell>>;
}

export function indexSamples(s: LocalizeSamples): PairIndex {
  const cells = new Map<RegionCode, Map<string, Cell>>();
  for (const region of s.regions) {
    const byCandidate = new Map<string, Cell>();
    for (const c of s.candidates) {
      const posts = s.sampleOf(region, c);
      if (posts.length > 0) byCandidate.set(c, cellOf(posts, c));
    }
    cells.set(region, byCandidate);
  }
  // Per (candidate, region), counted once: posts and creators per tag here and elsewhere.
  const contrasts = new Map<string, Contrast>();
  const contrastOf = (candidate: string, region: RegionCode): Contrast => {
    const key = `${region}\u0000${candidate}`;
    let c = contrasts.get(key);
    if (!c) contrasts.set(key, (c = contrast(cells, candidate, region)));
    return c;
  };
  const figures: PairIndex['figures'] = (candidate, region, tag) => {
    const c = contrastOf(candidate, region);
    const posts = c.postsHere.get(tag) ?? 0;
    const creators = c.unitsHere.get(tag) ?? 0;
    const creatorsWithElsewhere = c.unitsThere.get(tag) ?? 0;
    const withElsewhere = c.postsThere.get(tag) ?? 0;
    return {
      tag: candidate,
      region,
      equivalent: tag,
      posts,
      share: c.regionPosts === 0 ? 0 : posts / c.regionPosts,
      shareElsewhere: c.postsElsewhere === 0 ? 0 : withElsewhere / c.postsElsewhere,
      source: 'found',
      score: null,
      tagScore: null,
      regionPosts: c.regionPosts,
      postsElsewhere: c.postsElsewhere,
      creators,
      regionCreators: c.nR,
      creatorsWithElsewhere,
      creatorsElsewhere: c.nO,
      p:
        c.nR === 0 || c.nO === 0
          ? null
          : hypergeometricUpper(c.nR + c.nO, creators + creatorsWithElsewhere, c.nR, creators),
    };
  };
  return { figures, cells };
}

/**
 * Every (candidate, region, tag) the rule names a local variant, with its evidence. A pair is tested when the tag
 * is carried by enough creators of the candidate's samples in all (the test's margin, so the choice of tests does
 * not peek at the region); it is named when Benjamini–Hochberg keeps it at `fdr` across all pairs tested and its
 * effect is one a person would act on: enough creators, a share of the region's posts, and far likelier than
 * elsewhere. Mega tags and tags common in every region are never variants.
 */
export function findEquivalents(s: LocalizeSamples, opts: FindOptions = {}): EquivalentEvidence[] {
  return testEquivalents(s, opts).named;
}

/** The rule with its family: the pairs named, and how many (candidate, region, tag) pairs were tested. */
export function testEquivalents(
  s: LocalizeSamples,
  opts: FindOptions = {},
): { named: EquivalentEvidence[]; tested: number; fdr: number } {
  const minCreators = opts.minCreators ?? 5;
  const minShare = opts.minShare ?? 0.1;
  const minRatio = opts.minRatio ?? 3;
  const q = opts.fdr ?? DISCOVERY_FDR;
  const index = indexSamples(s);
  const global = globalTags(index.cells, opts.globalShare ?? 0.02);
  const tags = opts.tags ? new Set(opts.tags.map(hashtagKey)) : undefined;
  const only = opts.only ? new Set(opts.only) : undefined;
  const tests: Omit<EquivalentEvidence, 'tested' | 'fdr'>[] = [];
  for (const [region, byCandidate] of index.cells) {
    if (only && !only.has(region)) continue;
    for (const [candidate, cell] of byCandidate) {
      if (tags && !tags.has(hashtagKey(candidate))) continue;
      const own = new Set([candidate, ...(s.namesOf?.(candidate) ?? [])].map(hashtagKey));
      const seen = new Set<string>();
      for (const t of cell.unitTags.values()) for (const tag of t) seen.add(tag);
      for (const tag of seen) {
        if (own.has(tag) || MEGA_TAGS.has(tag) || global.has(tag)) continue;
        const f = index.figures(candidate, region, tag);
        if (f.p === null || f.creators + f.creatorsWithElsewhere < minCreators) continue;
        tests.push(f);
      }
    }
  }
  const found = benjaminiHochberg(
    tests.map((t) => t.p!),
    q,
  );
  const out: EquivalentEvidence[] = [];
  for (const [i, f] of tests.entries()) {
    if (!found[i] || f.creators < minCreators || f.posts < minCreators || f.share < minShare) continue;
    const here = f.creators / f.regionCreators;
    const there = f.creatorsWithElsewhere / f.creatorsElsewhere;
    if (here < minRatio * there) continue;
    // A variant belongs to its candidate: a tag on the region's posts of every candidate alike (a local "for you"
    // tag, a country tag) is the region's, not this candidate's.
    if (f.share < minRatio * shareAmongOthers(index.cells, f.tag, f.region, f.equivalent)) continue;
    out.push({ ...f, tested: tests.length, fdr: q });
  }
  out.sort(
    (a, b) =>
      a.tag.localeCompare(b.tag) ||
      a.region.localeCompare(b.region) ||
      a.p! - b.p! ||
      a.equivalent.localeCompare(b.equivalent),
  );
  return { named: out, tested: tests.length, fdr: q };
}
