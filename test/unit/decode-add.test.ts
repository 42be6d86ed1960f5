// Decode's Add: which competitor tags are offered ticked, and the sentence Add says.
import { describe, expect, it } from 'vitest';
import type { RegionStanding } from '../../src/shared/decode';
import { addAdvice, describeAdded } from '../../src/shared/decode-add';

const ranked = (flags: string[] = []): RegionStanding => ({
  status: 'ranked',
  score: 50,
  rank: 1,
  of: 3,
  velocity: 0.5,
  density: 100,
  overlap: 0.1,
  sample: 60,
  flags,
});
const excluded: RegionStanding = { status: 'excluded', reason: 'No posts in this region.' };

describe('addAdvice', () => {
  it('leaves a mega tag unticked as generic, whatever its scores', () => {
    expect(addAdvice({ tag: 'Viral', regions: { US: ranked() } })).toEqual({ add: false, why: 'generic' });
    expect(addAdvice({ tag: 'foryoupage', regions: {} })).toEqual({ add: false, why: 'generic' });
  });

  it('leaves a tag excluded in every region unticked; excluded in one only, it is ticked', () => {
    expect(addAdvice({ tag: 'gone', regions: { US: excluded, GB: excluded } })).toEqual({
      add: false,
      why: 'excluded in every region',
    });
    expect(addAdvice({ tag: 'local', regions: { US: excluded, GB: ranked() } })).toEqual({ add: true });
  });

  it('leaves a tag saturated wherever it ranked unticked', () => {
    expect(addAdvice({ tag: 'huge', regions: { US: ranked(['saturated']) } })).toEqual({
      add: false,
      why: 'saturated',
    });
    expect(addAdvice({ tag: 'niche', regions: { US: ranked(['small-sample']) } })).toEqual({ add: true });
  });
});

describe('describeAdded', () => {
  it('says what was added and what was skipped with why', () => {
    expect(describeAdded(['a', 'b'], [{ tag: 'viral', why: 'generic' }])).toBe(
      'Added #a, #b to Candidates; skipped #viral (generic).',
    );
  });
  it('says when nothing was added, never "Add 0 tags"', () => {
    expect(describeAdded([], [{ tag: 'fyp', why: 'generic' }])).toBe(
      'Added nothing to Candidates; skipped #fyp (generic).',
    );
    expect(describeAdded(['a'], [])).toBe('Added #a to Candidates.');
  });
  it('says the first eight tags left out and how many more', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ tag: `t${i}`, why: 'saturated' }));
    expect(describeAdded(['a'], many)).toMatch(
      /; skipped #t0 \(saturated\), .*#t7 \(saturated\) and 3 more\.$/,
    );
  });
});
