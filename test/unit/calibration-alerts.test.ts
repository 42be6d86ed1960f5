// The watch's movement alerts on seeded weeks with a known truth, scored, bootstrapped and alerted by the engine:
// when nothing about the tags changed, at most 0.02 movement alerts per tag-region-week; when one tag's velocity
// moves from 0.3 to 0.6, its alert fires in at least 80 % of weeks.
import { describe, expect, it } from 'vitest';
import { alertCalibration } from '../../scripts/bench/calibration-alerts';

describe('alerts that test the change', () => {
  it('at 90 posts: at most 0.02 false movement alerts per tag-region-week, a 0.3 → 0.6 velocity move seen in 80 % of weeks', () => {
    const c = alertCalibration('organic', 90, 12, 'unit');
    expect(c.falsePerTagWeek).toBeLessThanOrEqual(0.02);
    expect(c.power).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('at 30 posts: at most 0.02 false movement alerts per tag-region-week', () => {
    const c = alertCalibration('seed', 30, 12, 'unit');
    expect(c.falsePerTagWeek).toBeLessThanOrEqual(0.02);
  }, 120_000);
});
