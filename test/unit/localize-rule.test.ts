// The localisation rule on hand-made samples: a tag on 40 % of a candidate's DE posts and none elsewhere is its
// variant there; one on 30 % everywhere is not; one on 3 posts is not evidence; a creator's repeated posts count
// once; and among thousands of null pairs, the false discovery control names (almost) none where a plain z of 2
// names dozens.
import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/shared/model';
import { equivalentEvidence } from '../../src/shared/localize';
import { findEquivalents, type LocalizeSamples, testEquivalents } from '../../src/core/localize/find';
import { mulberry32 } from '../../src/core/prng';

const REGIONS = ['US', 'GB', 'DE', 'FR', 'BR', 'MX'];
let serial = 0;

function post(author: string, tags: string[]): Post {
  serial += 1;
  return {
    id: `p${serial}`,
    createTime: 0,
    likes: 10,
    comments: 0,
    shares: 0,
    plays: 100,
    authorId: author,
    caption: `a post ${tags.map((t) => `#${t}`).join(' ')}`,
  };
}

/** `n` posts of `tag` in `region`, each by its own creator; `extra(i)` adds tags to the i-th post. */
function sample(region: string, tag: string, n: number, extra: (i: number) => string[] = () => []): Post[] {
  return Array.from({ length: n }, (_, i) => post(`${region}_${tag}_u${i}`, [tag, ...extra(i)]));
}

function samplesOf(cells: Record<string, Post[]>, candidates: string[]): LocalizeSamples {
  return {
    candidates,
    regions: REGIONS,
    sampleOf: (region, c) => cells[`${region}|${c}`] ?? [],
  };
}

describe('localize rule', () => {
  const cells: Record<string, Post[]> = {};
  for (const r of REGIONS)
    cells[`${r}|smallbusinesscheck`] = sample(r, 'smallbusinesscheck', 80, (i) => [
      // The variant: on 40 % of the DE posts, nowhere else.
      ...(r === 'DE' && i % 5 < 2 ? ['kleinunternehmen'] : []),
      // A related tag used alike everywhere: on 30 % of posts in every region.
      ...(i % 10 < 3 ? ['shopsmall'] : []),
      // Three DE posts only: not evidence.
      ...(r === 'DE' && i >= 77 ? ['rarelocal'] : []),
      // A mega tag, everywhere and more in DE.
      ...(r === 'DE' || i % 2 === 0 ? ['fyp'] : []),
    ]);
  const found = findEquivalents(samplesOf(cells, ['smallbusinesscheck']));

  it('names a tag on 40 % of DE posts and none elsewhere as the DE variant, with its evidence', () => {
    const k = found.find((e) => e.equivalent === 'kleinunternehmen');
    expect(k).toMatchObject({
      tag: 'smallbusinesscheck',
      region: 'DE',
      posts: 32,
      share: 0.4,
      shareElsewhere: 0,
      source: 'found',
      score: null,
      tagScore: null,
      creators: 32,
      regionCreators: 80,
    });
    expect(k!.p!).toBeLessThan(1e-6);
    expect(equivalentEvidence(k!)).toMatch(/on 32 of 80 posts of #smallbusinesscheck in DE \(40 %\)/);
  });

  it('does not name a tag on 30 % of posts in every region, nor a mega tag', () => {
    expect(found.map((e) => e.equivalent)).not.toContain('shopsmall');
    expect(found.map((e) => e.equivalent)).not.toContain('fyp');
  });

  it('does not take 3 posts for evidence', () => {
    expect(found.map((e) => e.equivalent)).not.toContain('rarelocal');
    expect(found).toHaveLength(1);
  });

  it("does not take the region's own tag (on every candidate's posts there) for one candidate's variant", () => {
    const c: Record<string, Post[]> = {};
    const cands = ['smallbusinesscheck', 'sidehustle', 'booktok', 'gymtok'];
    for (const r of REGIONS)
      for (const cand of cands)
        c[`${r}|${cand}`] = sample(r, cand, 80, (i) => [
          ...(r === 'FR' && i % 10 < 3 ? ['pourtoi'] : []),
          ...(r === 'FR' && cand === 'smallbusinesscheck' && i % 5 < 2 ? ['petitcommerce'] : []),
        ]);
    const named = findEquivalents(samplesOf(c, cands));
    expect(named.map((e) => `${e.tag}|${e.region}|${e.equivalent}`)).toEqual([
      'smallbusinesscheck|FR|petitcommerce',
    ]);
    // A variant two of the four candidates share stays theirs.
    c['FR|sidehustle'] = c['FR|sidehustle']!.map((p, i) =>
      i % 5 < 2 ? { ...p, caption: `${p.caption} #petitcommerce` } : p,
    );
    const shared = findEquivalents(samplesOf(c, cands));
    expect(shared.map((e) => `${e.tag}|${e.region}|${e.equivalent}`)).toEqual([
      'sidehustle|FR|petitcommerce',
      'smallbusinesscheck|FR|petitcommerce',
    ]);
  });

  it("counts a creator's repeated posts once: one creator's 30 posts are not a variant", () => {
    const c: Record<string, Post[]> = {};
    for (const r of REGIONS) c[`${r}|sidehustle`] = sample(r, 'sidehustle', 80);
    c['DE|sidehustle']!.push(
      ...Array.from({ length: 30 }, () => post('one_creator', ['sidehustle', 'meinshop'])),
    );
    const named = findEquivalents(samplesOf(c, ['sidehustle']));
    expect(named.map((e) => e.equivalent)).not.toContain('meinshop');
  });

  it('names at most one chance excess among thousands of null pairs, where a plain z of 2 names dozens', () => {
    const rng = mulberry32(25);
    const candidates = Array.from({ length: 25 }, (_, i) => `cand${i}`);
    // Each candidate has its own related tags, each at one rate in every region: no variant anywhere.
    const poolOf = (cand: string): string[] => Array.from({ length: 60 }, (_, i) => `${cand}_ride${i}`);
    const rate = new Map(candidates.flatMap((c) => poolOf(c).map((t) => [t, 0.02 + rng() * 0.3] as const)));
    const c: Record<string, Post[]> = {};
    for (const r of REGIONS)
      for (const cand of candidates)
        c[`${r}|${cand}`] = Array.from({ length: 60 }, (_, i) =>
          post(`${r}_${cand}_${i}`, [cand, ...poolOf(cand).filter((t) => rng() < rate.get(t)!)]),
        );
    const { named, tested } = testEquivalents(samplesOf(c, candidates));
    expect(named.length).toBeLessThanOrEqual(1);
    // The same pairs judged by a plain z of 2 on the shares, to show the test above had chances to fail.
    let naive = 0;
    for (const r of REGIONS)
      for (const cand of candidates)
        for (const t of poolOf(cand)) {
          const has = (ps: Post[]): number =>
            ps.filter((p) => p.caption.includes(`#${t} `) || p.caption.endsWith(`#${t}`)).length;
          const here = c[`${r}|${cand}`]!;
          const there = REGIONS.filter((x) => x !== r).flatMap((x) => c[`${x}|${cand}`]!);
          const p1 = has(here) / here.length;
          const p2 = has(there) / there.length;
          const pooled = (has(here) + has(there)) / (here.length + there.length);
          const se = Math.sqrt(pooled * (1 - pooled) * (1 / here.length + 1 / there.length));
          if (se > 0 && (p1 - p2) / se > 2) naive += 1;
        }
    expect(naive).toBeGreaterThan(20);
    expect(tested).toBeGreaterThan(1000);
  });
});
