// Comparable runs only: two runs are compared when they measured the same thing the same way; otherwise momentum,
// `runs compare` and the reports say "not comparable: …" and give no moves. Growth per week only beyond the rounding
// step of the lifetime counts, over days, never from a missing count.
import { describe, expect, it } from 'vitest';
import { comparability } from '../../src/core/engine/comparable';
import { compareRuns, computeMomentum, growthPerWeek, roundingStep } from '../../src/core/engine/momentum';
import { NO_CREDITS, type RunResult, type ScoredTag, type ScoringSettings } from '../../src/shared/model';

const SETTINGS: ScoringSettings = {
  preset: 'organic',
  weights: { velocity: 0.35, density: 0.3, overlap: 0.3, adPenalty: 0.05 },
  windowDays: 14,
  pages: 3,
  pageSize: 30,
  keepCommercial: false,
  density: 'mean',
  dedupePosts: true,
  minStableSample: 10,
  sampling: 'full',
};

const row = (tag: string, rank: number, score: number, velocity: number): ScoredTag => ({
  tag,
  candidate: tag,
  rank,
  score,
  velocity,
  density: 10,
  overlap: 0,
  normalised: { velocity: 0, density: 0, overlap: 0 },
  sample: 90,
  served: 90,
  distinctAuthors: 50,
  targetAuthors: 0,
  medianLikes: 1,
  meanLikes: 1,
  newestPostAt: 0,
  userCount: 1_234_567,
  viewCount: 9_876_543,
  isCommerce: false,
  flags: [],
});

function run(now: string, settings: Partial<ScoringSettings>, tags: string[]): RunResult {
  return {
    now,
    preset: settings.preset ?? SETTINGS.preset,
    settings: { ...SETTINGS, ...settings },
    regions: {
      US: {
        region: 'US',
        ranked: tags.map((t, i) => row(t, i + 1, 90 - i * 20, 0.3 + i * 0.2)),
        excluded: [],
      },
    },
    credits: NO_CREDITS,
    failed: [],
  };
}

const A = run('2026-11-06T10:00:00.000Z', {}, ['alpha', 'beta', 'gamma']);

describe('comparable runs', () => {
  it('says why two runs are not comparable, in words', () => {
    expect(comparability(A, run(A.now, {}, ['gamma', 'alpha', 'beta']))).toMatchObject({
      comparable: true,
      why: '',
    });
    const week = run('2026-11-13T10:00:00.000Z', { windowDays: 7 }, ['alpha', 'beta', 'gamma']);
    expect(comparability(A, week).why).toBe('not comparable: window 14 → 7 days');
    expect(comparability(A, week).velocityComparable).toBe(false);
    const more = run('2026-11-13T10:00:00.000Z', {}, ['alpha', 'beta', 'gamma', 'delta']);
    expect(comparability(A, more).why).toBe('not comparable: 1 candidate added (#delta)');
    expect(comparability(A, more).velocityComparable).toBe(true);
    const preset = run('2026-11-13T10:00:00.000Z', { preset: 'paid' }, ['alpha', 'beta', 'gamma']);
    expect(comparability(A, preset).why).toBe('not comparable: preset organic → paid');
    const mixed = run(
      '2026-11-13T10:00:00.000Z',
      { pages: 1, pageSize: 9, sampling: 'adaptive', weights: { ...SETTINGS.weights, velocity: 0.5 } },
      ['alpha', 'beta'],
    );
    expect(comparability(A, mixed).differences).toEqual([
      'weights velocity 0.35 → 0.5',
      'pages 3 → 1',
      'page size 30 → 9',
      'sampling full → adaptive',
      '1 candidate removed (#gamma)',
    ]);
  });

  it('momentum gives no score, rank or velocity moves between unlike runs, and says why', () => {
    const week = run('2026-11-13T10:00:00.000Z', { windowDays: 7 }, ['alpha', 'beta', 'gamma']);
    week.regions.US!.ranked.reverse();
    const m = computeMomentum(week, A, 0.5);
    for (const t of m.regions.US!.ranked) {
      expect(t.history).toMatchObject({
        scoreChange: null,
        rankChange: null,
        previousVelocity: null,
        crossedVelocityThreshold: false,
        notComparable: 'not comparable: window 14 → 7 days',
      });
    }
    // Like runs: moves, and the crossing says its direction.
    const same = run('2026-11-13T10:00:00.000Z', {}, ['alpha', 'beta', 'gamma']);
    same.regions.US!.ranked[0]!.velocity = 0.6;
    same.regions.US!.ranked[2]!.velocity = 0.4;
    const ok = computeMomentum(same, A, 0.5).regions.US!.ranked;
    expect(ok[0]!.history).toMatchObject({ scoreChange: 0, rankChange: 0, velocityCrossed: 'rose above' });
    expect(ok[0]!.history!.notComparable).toBeUndefined();
    expect(ok[2]!.history).toMatchObject({ velocityCrossed: 'fell below', crossedVelocityThreshold: false });
  });

  it('runs that differ only in their candidates are compared over the tags both ranked, re-normalised', () => {
    // Adding #delta (velocity 0.9, a new maximum) on the same posts moves every min-max score of the list; over the
    // three shared tags nothing moved at all.
    const more = run('2026-11-13T10:00:00.000Z', {}, ['alpha', 'beta', 'gamma', 'delta']);
    more.regions.US!.ranked = [more.regions.US!.ranked[3]!, ...more.regions.US!.ranked.slice(0, 3)].map(
      (t, i) => ({
        ...t,
        rank: i + 1,
        score: 100 - i * 25,
      }),
    );
    const m = computeMomentum(more, A, 0.5).regions.US!.ranked;
    for (const t of m.filter((x) => x.tag !== 'delta'))
      expect(t.history).toMatchObject({ scoreChange: 0, rankChange: 0, previousVelocity: t.velocity });
    expect(m[1]!.history!.comparedOver).toBe(
      '1 candidate added (#delta): scores and ranks compared over the tags both runs ranked, re-normalised',
    );
    expect(m[1]!.history!.notComparable).toBeUndefined();
    const c = compareRuns(A, more);
    expect(c.comparedOver).toMatch(/^1 candidate added \(#delta\)/);
    expect(c.regions.US!.rows.filter((r) => r.status === 'both').map((r) => r.scoreChange)).toEqual([
      0, 0, 0,
    ]);
  });

  it('runs compare says not comparable and leaves the moves empty', () => {
    const preset = run('2026-11-13T10:00:00.000Z', { preset: 'paid' }, ['alpha', 'beta', 'gamma']);
    const c = compareRuns(A, preset);
    expect(c.notComparable).toBe('not comparable: preset organic → paid');
    expect(c.regions.US!.rows.every((r) => r.scoreChange === null && r.rankChange === null)).toBe(true);
    // Velocity does not depend on the preset's weights: it still compares.
    expect(c.regions.US!.rows[0]!.velocityChange).toBe(0);
    expect(
      compareRuns(A, run('2026-11-13T10:00:00.000Z', {}, ['alpha', 'beta', 'gamma'])).notComparable,
    ).toBe(undefined);
  });
});

describe('growth per week', () => {
  const DAY = 86_400_000;
  it('is unknown within the rounding step, over hours, or from a missing count', () => {
    expect(roundingStep(1_200_000)).toBe(100_000);
    expect(roundingStep(1_234_567)).toBe(1);
    expect(roundingStep(3_400)).toBe(100);
    expect(roundingStep(2_100_000_000)).toBe(100_000_000);
    // 1.2M → 1.3M is one step of rounding: over a day it once read +75 %/week, over two hours +83,000 %/week.
    expect(growthPerWeek(1_300_000, 1_200_000, DAY)).toBeNull();
    expect(growthPerWeek(1_300_000, 1_200_000, 2 * 3_600_000)).toBeNull();
    // A missing count (0) is unknown, not −100 %.
    expect(growthPerWeek(0, 1_200_000, 7 * DAY)).toBeNull();
    // Exact counts a few hours apart: still hours, not days.
    expect(growthPerWeek(1_234_999, 1_234_567, 6 * 3_600_000)).toBeNull();
    // A count off the step shows counts of that size are exact: the finer step holds, and no change is 0 %.
    expect(growthPerWeek(6_525, 6_500, 7 * DAY)).toBeCloseTo(25 / 6_500, 12);
    expect(growthPerWeek(5_123, 5_123, 7 * DAY)).toBe(0);
    // Beyond the step and days apart: a growth.
    expect(growthPerWeek(1_500_000, 1_200_000, 7 * DAY)).toBeCloseTo(0.25, 12);
    expect(growthPerWeek(1_234_667, 1_234_567, 7 * DAY)).toBeCloseTo(100 / 1_234_567, 12);
  });
});
