// Calibration of the watch's movement alerts: weeks of fresh samples from tags whose truth never changes (every
// alert is false), and weeks in which one tag's velocity truly moves from 0.3 to 0.6 (the power to see it). Each week
// is scored, bootstrapped, given momentum and alerted by the project's own functions, with the default rules.
import { alertsFor } from '../../src/core/discover/watch';
import { bootstrapRegion } from '../../src/core/engine/confidence';
import { computeMomentum } from '../../src/core/engine/momentum';
import { resolveSettings } from '../../src/core/engine/presets';
import { scoreRegion } from '../../src/core/engine/score';
import { toStoredRun } from '../../src/core/workspace/history';
import type { PresetName, RunResult } from '../../src/shared/model';
import { settingsSchema } from '../../src/shared/workspace-settings';
import type { CalibrationRow } from './calibration';
import { SIM_NOW, drawTruths, simulateRegion, type TagTruth } from './calibration-sim';
import { mulberry32 } from '../../src/core/prng';

const TAGS = 20;
const THRESHOLD = 0.5;
const RULES = settingsSchema.parse({ version: 1, preset: 'organic' }).watch.rules;
const MOVEMENT = new Set(['velocity-threshold', 'rank-move', 'score-move']);

/** One week's run of a simulated region: fresh posts from `truths`, scored with intervals. */
export function simulatedWeek(
  preset: PresetName,
  truths: readonly TagTruth[],
  n: number,
  seed: string,
  week: number,
): RunResult {
  const settings = resolveSettings(preset, { sampling: 'full' });
  const sim = simulateRegion(`${seed}|week${week}`, truths.length, n, 'independent', truths);
  const result = scoreRegion(sim.entries, sim.targets, settings, SIM_NOW, 'US');
  const conf = bootstrapRegion(sim.entries, result, sim.targets, settings, SIM_NOW);
  const ranked = result.ranked.map((t) => {
    const c = conf.get(t.candidate);
    return c ? { ...t, confidence: c } : t;
  });
  return {
    now: new Date((SIM_NOW + week * 7 * 86_400) * 1000).toISOString(),
    preset,
    settings,
    regions: { US: { ...result, ranked } },
    credits: {
      used: 0,
      byEndpoint: {},
      calls: 0,
      retries: 0,
      rateLimited: 0,
      fromCache: 0,
      saved: { byCache: 0, byInfoOnce: 0 },
    },
    failed: [],
  };
}

/** The alerts of `current` against `previous` (and the run before it), as the watch raises them. */
export function weekAlerts(current: RunResult, previous: RunResult, earlier?: RunResult) {
  const withMomentum = computeMomentum(current, previous, THRESHOLD);
  return alertsFor(
    withMomentum,
    toStoredRun(previous, 'previous'),
    RULES,
    THRESHOLD,
    [],
    new Set(),
    earlier ? toStoredRun(earlier, 'earlier') : undefined,
  );
}

export interface AlertCalibration {
  preset: PresetName;
  n: number;
  weeks: number;
  /** Movement alerts per tag-region-week when nothing changed. */
  falsePerTagWeek: number;
  /** Share of weeks with at least one movement alert when nothing changed. */
  weeksWithFalse: number;
  /** Share of weeks in which a 0.3 → 0.6 velocity move raised its velocity alert. */
  power: number;
}

export function alertCalibration(
  preset: PresetName,
  n: number,
  weeks: number,
  seed = 'alerts',
): AlertCalibration {
  const rng = mulberry32(n * 7919 + weeks);
  let falseAlerts = 0;
  let weeksWithFalse = 0;
  let seen = 0;
  for (let w = 0; w < weeks; w++) {
    // A fresh region every few weeks, so the figure is not one draw of truths.
    const truths = drawTruths(rng, TAGS);
    const a = simulatedWeek(preset, truths, n, `${seed}|${preset}|${n}|${w}`, 0);
    const b = simulatedWeek(preset, truths, n, `${seed}|${preset}|${n}|${w}`, 1);
    const c = simulatedWeek(preset, truths, n, `${seed}|${preset}|${n}|${w}`, 2);
    const moved = weekAlerts(c, b, a).filter((x) => MOVEMENT.has(x.rule)).length;
    falseAlerts += moved;
    if (moved > 0) weeksWithFalse += 1;
    // The same region with one tag moving 0.3 → 0.6 between the last two weeks.
    const before = truths.map((t, i) => (i === 0 ? { ...t, velocity: 0.3 } : t));
    const after = truths.map((t, i) => (i === 0 ? { ...t, velocity: 0.6 } : t));
    const pa = simulatedWeek(preset, before, n, `${seed}|power|${preset}|${n}|${w}`, 0);
    const pb = simulatedWeek(preset, before, n, `${seed}|power|${preset}|${n}|${w}`, 1);
    const pc = simulatedWeek(preset, after, n, `${seed}|power|${preset}|${n}|${w}`, 2);
    if (weekAlerts(pc, pb, pa).some((x) => x.rule === 'velocity-threshold' && x.tag === 'sim0')) seen += 1;
  }
  return {
    preset,
    n,
    weeks,
    falsePerTagWeek: falseAlerts / (weeks * TAGS),
    weeksWithFalse: weeksWithFalse / weeks,
    power: seen / weeks,
  };
}

/** The calibration table's rows for the watch's alerts (`quick`: fewer weeks). */
export function alertRows(quick: boolean): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  for (const preset of ['seed', 'organic', 'paid'] as const)
    for (const n of [30, 90]) {
      const c = alertCalibration(preset, n, quick ? 20 : 100);
      rows.push({
        preset,
        posts: n,
        weeks: c.weeks,
        'false movement alerts per tag-region-week (goal <= 0.02)': c.falsePerTagWeek.toFixed(3),
        'weeks with a false alert': `${(c.weeksWithFalse * 100).toFixed(0)} %`,
        'velocity 0.3 -> 0.6 alerted (goal >= 80 %)': `${(c.power * 100).toFixed(0)} %`,
      });
    }
  return rows;
}
