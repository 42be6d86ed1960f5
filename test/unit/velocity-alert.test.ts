// The velocity alert's three conditions, on readings worked by hand: a crossing since the last run, a level before
// clear of the threshold, and a significant change from the pooled level.
import { describe, expect, it } from 'vitest';
import { pooledLevel, velocityAlert } from '../../src/core/discover/velocity-alert';

const r = (velocity: number, sample = 30) => ({ velocity, sample });

describe('velocity alert', () => {
  it('pools the last runs: a steadier level lets a 0.3 → 0.6 move at 30 posts through', () => {
    // Against one run of 30 posts at 0.3, 0.6 is z = 2.34 and the level 2.19 SE under 0.5: an alert.
    expect(velocityAlert([r(0.3)], r(0.6), 0.5)?.crossed).toBe('rose above');
    // From 0.33 to 0.5 crosses, and the level is 1.86 SE under the threshold, but the change is z = 1.34: noise.
    expect(velocityAlert([r(0.33)], r(0.5), 0.5)).toBeNull();
    // Four runs at 0.4 (120 posts) pool to 0.4; 0.6 now is z = 1.97: alerted, with the level and its runs said.
    const four = velocityAlert([r(0.4), r(0.4), r(0.4), r(0.4)], r(0.6), 0.5);
    expect(four).toMatchObject({ crossed: 'rose above', level: { sample: 120 }, runs: 4 });
    expect(four!.level.velocity).toBeCloseTo(0.4);
    // The same reading against the last run alone (0.4 at 30 posts, 1.10 SE under 0.5): the level is too close to tell.
    expect(velocityAlert([r(0.4)], r(0.6), 0.5)).toBeNull();
    // A fifth run back is not pooled.
    expect(velocityAlert([r(0.4), r(0.4), r(0.4), r(0.4), r(0.4)], r(0.6), 0.5)?.runs).toBe(4);
    expect(pooledLevel([r(0.2, 10), r(0.5, 30)])).toEqual({ velocity: 0.425, sample: 40 });
  });

  it('a move is news once: the week after, the last reading is already above the threshold', () => {
    expect(velocityAlert([r(0.6), r(0.3), r(0.3), r(0.3)], r(0.6), 0.5)).toBeNull();
  });

  it('falls below the same way, and a level sitting on the threshold crossed nothing', () => {
    expect(velocityAlert([r(0.7), r(0.7), r(0.7), r(0.7)], r(0.4), 0.5)?.crossed).toBe('fell below');
    // 0.52 over 120 posts to 0.3 is z = -2.16, but 0.52 is 0.44 SE above 0.5: it was never clearly above.
    expect(velocityAlert([r(0.52, 120)], r(0.3), 0.5)).toBeNull();
    expect(velocityAlert([], r(0.6), 0.5)).toBeNull();
  });
});
