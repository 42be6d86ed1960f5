// Re-ranking from the typed arrays (a weights edit) gives exactly what a full re-score of the posts gives: the same
// scores, ranks and rows, ties in input order, for every preset; and compact samples score as the posts do.
import { describe, expect, it } from 'vitest';
import { compactPosts } from '../../src/core/engine/compact-samples';
import { computeMetrics, compactMetrics } from '../../src/core/engine/metrics';
import { resolveSettings } from '../../src/core/engine/presets';
import { rankArraysOf, rerank, rerankedRegion } from '../../src/core/engine/rank-arrays';
import { type RegionEntry, scoreRegion } from '../../src/core/engine/score';
import { mulberry32 } from '../../src/core/prng';
import type { Challenge, Post, PresetName, Weights } from '../../src/shared/model';

const NOW = 1_795_000_000;
const TARGETS = new Set(['target_1', 'target_2', 'Target_3']);

function entries(count: number, seed: number): RegionEntry[] {
  const rng = mulberry32(seed);
  const out: RegionEntry[] = [];
  for (let i = 0; i < count; i++) {
    const challenge: Challenge = {
      id: String(1000 + i),
      name: `tag${i}`,
      desc: '',
      userCount: 10_000 + i,
      viewCount: 1_000_000,
      isCommerce: i % 7 === 3,
    };
    const posts: Post[] = Array.from({ length: 20 + Math.floor(rng() * 60) }, (_, j) => ({
      id: j % 11 === 5 ? `${i}-${j - 1}` : `${i}-${j}`, // some repeated ids (dedupePosts drops them)
      createTime: Math.floor(NOW - rng() * 40 * 86_400),
      likes: Math.round(rng() ** 3 * 50_000),
      comments: 0,
      shares: 0,
      plays: 0,
      authorId:
        j % 13 === 0
          ? ''
          : rng() < 0.1
            ? `TARGET_${1 + Math.floor(rng() * 3)}`
            : `c${Math.floor(rng() * 40)}`,
      caption: '',
    }));
    out.push({ candidate: challenge.name, challenge, posts });
  }
  // Two tags with the same sample tie on every weighting: they must keep their input order.
  out.push({ ...out[0]!, candidate: 'twin', challenge: { ...out[0]!.challenge!, name: 'twin', id: '9' } });
  return out;
}

const WEIGHTS: Weights[] = [
  { velocity: 0.9, density: 0.05, overlap: 0.05, adPenalty: 0.3 },
  { velocity: 0.1, density: 0.6, overlap: 0.3, adPenalty: 0 },
  { velocity: 0.2, density: 0.3, overlap: 0.5, adPenalty: 0.05 },
  { velocity: 0.33, density: 0.33, overlap: 0.34, adPenalty: 0.5 },
];

describe('re-rank from typed arrays', () => {
  for (const preset of ['seed', 'organic', 'paid'] as PresetName[]) {
    it(`${preset}: every weights edit gives the full re-score's scores, ranks and rows`, () => {
      const list = entries(60, 7);
      const base = resolveSettings(preset, { sampling: 'full' });
      const first = scoreRegion(list, TARGETS, base, NOW, 'US');
      const arrays = rankArraysOf(first, new Map(list.map((e, i) => [e.candidate, i])));
      for (const weights of WEIGHTS) {
        const settings = { ...base, weights };
        const full = scoreRegion(list, TARGETS, settings, NOW, 'US');
        rerank(arrays, weights);
        const fast = rerankedRegion(arrays, first, weights);
        expect(fast.ranked.map((t) => [t.candidate, t.rank, t.score])).toEqual(
          full.ranked.map((t) => [t.candidate, t.rank, t.score]),
        );
        expect(fast).toEqual(full);
        // The twins tie, and keep their input order.
        const at = (c: string): number => full.ranked.findIndex((t) => t.candidate === c);
        expect(full.ranked[at('tag0')]!.score).toBe(full.ranked[at('twin')]!.score);
        expect(at('tag0')).toBeLessThan(at('twin'));
      }
    });
  }

  it('a compact sample gives the metrics its posts give, to the bit, under every preset', () => {
    for (const preset of ['seed', 'organic', 'paid'] as PresetName[]) {
      const s = resolveSettings(preset, { sampling: 'full' });
      for (const e of entries(20, 11)) {
        expect(compactMetrics(compactPosts(e.posts), TARGETS, NOW, s)).toEqual(
          computeMetrics(e.posts, TARGETS, NOW, s),
        );
      }
    }
  });

  it('scoring from compact samples ranks exactly as scoring from the posts', () => {
    const list = entries(40, 3);
    const s = resolveSettings('organic', { sampling: 'full' });
    const compact = list.map((e) => ({ ...e, posts: [], sample: compactPosts(e.posts) }));
    expect(scoreRegion(compact, TARGETS, s, NOW, 'GB')).toEqual(scoreRegion(list, TARGETS, s, NOW, 'GB'));
  });
});
