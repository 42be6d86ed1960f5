// A stale interval job stops within a region: the bootstrap asks `stale` between tags' draws and while ranking the
// resamples, stops with a typed 'cancelled' error when it says so, and leaves nothing half-done behind: the next
// call, not stale, gives exactly what an uninterrupted one gives, and draws nothing a stopped draw left remembered.
import { describe, expect, it } from 'vitest';
import { bootstrapRegion } from '../../src/core/engine/confidence';
import { resolveSettings } from '../../src/core/engine/presets';
import { type RegionEntry, scoreRegion } from '../../src/core/engine/score';
import { mulberry32 } from '../../src/core/prng';
import type { Post } from '../../src/shared/model';

const NOW = 1_795_000_000;
const targets = new Set(['target_1']);

function entries(seed: number): RegionEntry[] {
  const rng = mulberry32(seed);
  return Array.from({ length: 30 }, (_, i) => ({
    candidate: `tag${i}`,
    challenge: {
      id: String(i),
      name: `tag${i}`,
      desc: '',
      userCount: 1000,
      viewCount: 1e6,
      isCommerce: false,
    },
    posts: Array.from({ length: 40 + Math.floor(rng() * 40) }, (_, j): Post => ({
      id: `${i}-${j}`,
      createTime: Math.floor(NOW - rng() * 20 * 86_400),
      likes: Math.round(rng() ** 2 * 5_000),
      comments: 0,
      shares: 0,
      plays: 0,
      authorId: rng() < 0.1 ? 'target_1' : `c${Math.floor(rng() * 50)}`,
      caption: '',
    })),
  }));
}

describe('a stale bootstrap', () => {
  const settings = resolveSettings('organic');

  it('stops while drawing and while ranking, and the next call gives the uninterrupted answer', () => {
    const reference = (() => {
      const e = entries(7);
      return bootstrapRegion(e, scoreRegion(e, targets, settings, NOW, 'US'), targets, settings, NOW);
    })();
    const e = entries(7);
    const scored = scoreRegion(e, targets, settings, NOW, 'US');
    let asked = 0;
    // Stale from the 5th question on: during the draws (asked once a tag), so nothing is remembered.
    const duringDraws = (): boolean => ++asked > 5;
    expect(() => bootstrapRegion(e, scored, targets, settings, NOW, { stale: duringDraws })).toThrow(
      expect.objectContaining({ code: 'cancelled' }),
    );
    expect(asked).toBe(6);
    // Not stale during the 30 tags' draws, stale while ranking (asked every 128 of the 1,000 resamples).
    asked = 0;
    const duringRanks = (): boolean => ++asked > 32;
    expect(() => bootstrapRegion(e, scored, targets, settings, NOW, { stale: duringRanks })).toThrow(
      expect.objectContaining({ code: 'cancelled' }),
    );
    expect(asked).toBe(33);
    // The draws were made and remembered that time: a call that is never stale asks only while ranking.
    asked = 0;
    const never = (): boolean => (++asked, false);
    const again = bootstrapRegion(e, scored, targets, settings, NOW, { stale: never });
    expect(asked).toBe(7);
    expect(again).toEqual(reference);
  });
});
