// A region's intervals packed by a scoring worker (numbers in typed arrays, words as objects) come out on the main
// thread as the confidence the engine gave: every value, no key added or lost, the keys in the engine's order.
import { describe, expect, it } from 'vitest';
import { packIntervals, unpackIntervals } from '../../src/core/worker/packed-intervals';
import type { ScoreConfidence } from '../../src/shared/model';

const rows: [string, ScoreConfidence][] = [
  ['alpha', { low: 61.5, high: 80.02, rankLow: 1, rankHigh: 2, label: 'confident', resamples: 1000 }],
  [
    'beta',
    {
      low: 58.1,
      high: 79.99,
      rankLow: 1,
      rankHigh: 3,
      label: 'uncertain',
      resamples: 1000,
      coinToss: { tag: 'Alpha', candidate: 'alpha', above: 47, below: 53 },
      smallSample: true,
      reason: 'Coin toss with #Alpha (47 / 53); small sample: 40 posts (under 60).',
    },
  ],
  [
    'gamma',
    { low: 40, high: 52.5, rankLow: 3, rankHigh: 3, label: 'confident', resamples: 1000, smallSample: true },
  ],
  [
    'delta',
    {
      low: null,
      high: null,
      rankLow: 4,
      rankHigh: 4,
      label: 'too few posts',
      resamples: 1000,
      reason: 'Too few posts for an interval: 6 sampled (an interval needs at least 10).',
    },
  ],
  ['epsilon', { low: 1.25, high: 9, rankLow: 5, rankHigh: 5, label: 'confident' }],
];

describe('packed intervals', () => {
  it('unpack(pack(rows)) gives every confidence back, by candidate in rank order', () => {
    const out = unpackIntervals(packIntervals(rows));
    expect([...out.keys()]).toEqual(rows.map(([c]) => c));
    for (const [c, conf] of rows) {
      expect(out.get(c)).toStrictEqual(conf);
      expect(JSON.stringify(out.get(c))).toBe(JSON.stringify(conf));
    }
  });

  it('the numbers travel in typed arrays, only the words as objects', () => {
    const packed = packIntervals(rows);
    expect(packed.numbers).toBeInstanceOf(Float64Array);
    expect(packed.flags).toBeInstanceOf(Uint8Array);
    expect(packed.words.map(([i]) => rows[i]![0])).toEqual(['beta', 'delta']);
  });
});
