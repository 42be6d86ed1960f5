// One format per figure (shared/number-format.ts): what the grid, the detail and the reports print for each metric.
import { describe, expect, it } from 'vitest';
import type { TagHistory } from '../../src/shared/model';
import {
  confidenceWord,
  formatCredits,
  formatGrowth,
  formatInterval,
  formatLikes,
  formatMomentum,
  formatPairsDone,
  formatRankRange,
  formatScore,
  formatScoreChange,
  formatVelocity,
  plural,
  runName,
} from '../../src/shared/number-format';

const history = (patch: Partial<TagHistory>): TagHistory => ({
  previousRunAt: '2026-11-13T08:00:00.000Z',
  userCountGrowthPerWeek: null,
  viewCountGrowthPerWeek: null,
  scoreChange: null,
  rankChange: null,
  previousVelocity: null,
  crossedVelocityThreshold: false,
  ...patch,
});

describe('number formats', () => {
  it('likes per post: a whole number with separators, rounded the same way in the app and the reports', () => {
    // The case: 2,946.8 likes read "2,947" in the app and "2946" (truncated) in the report.
    expect(formatLikes(2946.8)).toBe('2,947');
    expect(formatLikes(2946.5)).toBe('2,946'); // an exact tie goes to even, as the engine rounds
    expect(formatLikes(1_234_567.4)).toBe('1,234,567');
    expect(formatLikes(0)).toBe('0');
  });

  it('scores with two decimals on the double’s true value (2.675 is 2.67499…)', () => {
    expect(formatScore(55.5)).toBe('55.50');
    expect(formatScore(2.675)).toBe('2.67');
    expect(formatScore(0.125)).toBe('0.12');
  });

  it('velocity is a percentage everywhere', () => {
    expect(formatVelocity(0.94)).toBe('94 %');
    expect(formatVelocity(1)).toBe('100 %');
    expect(formatVelocity(0)).toBe('0 %');
  });

  it('momentum carries its sign, never "= -0.7"', () => {
    expect(formatScoreChange(0.7)).toBe('+0.70');
    expect(formatScoreChange(-0.7)).toBe('−0.70');
    expect(formatScoreChange(-0.001)).toBe('0.00');
    expect(formatMomentum(history({ rankChange: 0, scoreChange: -0.7 }))).toBe('−0.70');
    expect(formatMomentum(history({ rankChange: 2, scoreChange: 0.7 }))).toBe('▲2 +0.70');
    expect(formatMomentum(history({ rankChange: -1, scoreChange: -3.25 }))).toBe('▼1 −3.25');
    expect(formatMomentum(history({ rankChange: null, scoreChange: null }))).toBe('new');
    expect(formatMomentum(history({ notComparable: 'not comparable: window 14 → 7 days' }))).toBe(
      'not comparable',
    );
    expect(formatMomentum(undefined)).toBe('');
    expect(formatGrowth(-0.03)).toBe('−3.0 %');
    expect(formatGrowth(0.125)).toBe('+12.5 %');
  });

  it('confidence has one word: "confident", as the reports say it', () => {
    expect(confidenceWord({ label: 'confident' })).toBe('confident');
    expect(confidenceWord({ label: 'uncertain' })).toBe('uncertain');
    expect(formatInterval({ low: 12.3, high: 20.1 })).toBe('12.30–20.10');
    expect(formatInterval({ low: null, high: null })).toBe('too few posts');
    expect(formatRankRange({ rankLow: 3, rankHigh: 5 })).toBe('#3–#5');
    expect(formatRankRange({ rankLow: 3, rankHigh: 3 })).toBe('#3');
  });

  it('counts agree with their noun, and a run is named by its clock and preset', () => {
    expect(plural(1, 'answer')).toBe('1 answer');
    expect(plural(0, 'answer')).toBe('0 answers');
    expect(plural(2, 'pair')).toBe('2 pairs');
    expect(formatCredits(1)).toBe('1 credit');
    expect(formatCredits(1200)).toBe('1,200 credits');
    expect(formatPairsDone(20, 136)).toBe('20 of 136 pairs');
    expect(formatPairsDone(0, 0)).toBe('counting the pairs…');
    expect(runName('2026-11-20T08:00:00.000Z', 'organic')).toBe('the run of 2026-11-20 08:00 UTC, organic');
  });
});
