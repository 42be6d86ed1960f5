// The watch's movement alerts on seeded weeks with a known truth, scored, bootstrapped and alerted by the engine
// after a month of history: when nothing about the tags changed, at most 0.02 movement alerts per tag-region-week;
// when one tag's velocity moves from 0.3 to 0.6, its alert fires in at least 80 % of weeks, and rarely again the
// week after. At 30 posts, the hardest case, for every preset.
import { describe, expect, it } from 'vitest';
import { alertCalibration } from '../../scripts/bench/calibration-alerts';

describe('alerts that test the change', () => {
  for (const preset of ['seed', 'organic', 'paid'] as const)
    it(`${preset} at 30 posts: at most 0.02 false movement alerts per tag-region-week, a 0.3 → 0.6 velocity move seen in 80 % of weeks`, () => {
      // 40 weeks with nothing changed (800 tag-weeks, bootstrapped), 300 with the move (velocity alone).
      const c = alertCalibration(preset, 30, 40, 'unit', 300);
      expect(c.falsePerTagWeek).toBeLessThanOrEqual(0.02);
      expect(c.power).toBeGreaterThanOrEqual(0.8);
      // The move is news once: a week later, with the velocity still at 0.6, it is not alerted again as a rule.
      expect(c.again).toBeLessThanOrEqual(0.2);
    }, 240_000);
});
