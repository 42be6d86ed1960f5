// Calibration of the watch's movement alerts: weeks of fresh samples from tags whose truth never changes (every
// alert is false), and weeks in which one tag's velocity truly moves from 0.3 to 0.6 (the power to see it). Each week
// is scored, bootstrapped, given momentum and alerted by the project's own functions, with the default rules, after
// a full history (the runs the velocity level pools), as a watch that has run for a month has.
import { VELOCITY_BASELINE_RUNS } from '../../src/core/discover/velocity-alert';
import { alertsFor } from '../../src/core/discover/watch';
import { bootstrapRegion } from '../../src/core/engine/confidence';
import { computeMomentum } from '../../src/core/engine/momentum';
import { resolveSettings } from '../../src/core/engine/presets';
import { scoreRegion } from '../../src/core/engine/score';
import { toStoredRun } from '../../src/core/workspace/history';
import { NO_CREDITS, type PresetName, type RunResult } from '../../src/shared/model';
import { settingsSchema } from '../../src/shared/workspace-settings';
import type { CalibrationRow } from './calibration-row';
import { SIM_NOW, drawTruths, simulateRegion, type TagTruth } from './calibration-sim';
import { mulberry32 } from '../../src/core/prng';

const TAGS = 20;
const THRESHOLD = 0.5;
const RULES = settingsSchema.parse({ version: 1, preset: 'organic' }).watch.rules;
const MOVEMENT = new Set(['velocity-threshold', 'rank-move', 'score-move']);

/**
 * One week's run of a simulated region: fresh posts from `truths`, scored with intervals (`intervals: false` skips
 * the bootstrap: only score and rank alerts read the intervals, not the velocity alert).
 */
export function simulatedWeek(
  preset: PresetName,
  truths: readonly TagTruth[],
  n: number,
  seed: string,
  week: number,
  intervals = true,
): RunResult {
  const settings = resolveSettings(preset, { sampling: 'full' });
  const sim = simulateRegion(`${seed}|week${week}`, truths.length, n, 'independent', truths);
  const result = scoreRegion(sim.entries, sim.targets, settings, SIM_NOW, 'US');
  const conf = intervals
    ? bootstrapRegion(sim.entries, result, sim.targets, settings, SIM_NOW)
    : new Map<string, never>();
  const ranked = result.ranked.map((t) => {
    const c = conf.get(t.candidate);
    return c ? { ...t, confidence: c } : t;
  });
  return {
    now: new Date((SIM_NOW + week * 7 * 86_400) * 1000).toISOString(),
    preset,
    settings,
    regions: { US: { ...result, ranked } },
    credits: NO_CREDITS,
    failed: [],
  };
}

/** The alerts of `current` against `previous` (and the runs before it, newest first), as the watch raises them. */
export function weekAlerts(current: RunResult, previous: RunResult, earlier: readonly RunResult[] = []) {
  const withMomentum = computeMomentum(current, previous, THRESHOLD);
  return alertsFor(
    withMomentum,
    toStoredRun(previous, 'previous'),
    RULES,
    THRESHOLD,
    [],
    new Set(),
    earlier.map((r, i) => toStoredRun(r, `earlier-${i}`)),
  );
}

/** The runs before the alerted week: as many as the velocity level pools. */
const HISTORY = VELOCITY_BASELINE_RUNS;

/** The last run's alerts against the ones before it (oldest first). */
function alertsOfLast(runs: readonly RunResult[]) {
  const [current, previous, ...earlier] = [...runs].reverse();
  return weekAlerts(current!, previous!, earlier);
}

export interface AlertCalibration {
  preset: PresetName;
  n: number;
  weeks: number;
  /** Weeks with the 0.3 → 0.6 move. */
  powerWeeks: number;
  /** Movement alerts per tag-region-week when nothing changed. */
  falsePerTagWeek: number;
  /** Share of weeks with at least one movement alert when nothing changed. */
  weeksWithFalse: number;
  /** Share of weeks in which a 0.3 → 0.6 velocity move raised its velocity alert. */
  power: number;
  /** Share of weeks in which the same move was alerted again a week later (the velocity still at 0.6). */
  again: number;
}

/**
 * `weeks` weeks with nothing changed (scored with intervals, as score and rank alerts need them) and `powerWeeks`
 * weeks with the move (the velocity alert alone is checked there, so they skip the bootstrap and can be many).
 */
export function alertCalibration(
  preset: PresetName,
  n: number,
  weeks: number,
  seed = 'alerts',
  powerWeeks = weeks,
): AlertCalibration {
  const rng = mulberry32(n * 7919 + weeks);
  let falseAlerts = 0;
  let weeksWithFalse = 0;
  for (let w = 0; w < weeks; w++) {
    // A fresh region every week, so the figure is not one draw of truths.
    const truths = drawTruths(rng, TAGS);
    const id = `${seed}|${preset}|${n}|${w}`;
    const runs = Array.from({ length: HISTORY + 1 }, (_, k) => simulatedWeek(preset, truths, n, id, k));
    const moved = alertsOfLast(runs).filter((x) => MOVEMENT.has(x.rule)).length;
    falseAlerts += moved;
    if (moved > 0) weeksWithFalse += 1;
  }
  const powerRng = mulberry32(n * 7919 + powerWeeks + 1);
  let seen = 0;
  let again = 0;
  for (let w = 0; w < powerWeeks; w++) {
    // A region in which one tag moves 0.3 → 0.6 in the last week and stays there the week after.
    const truths = drawTruths(powerRng, TAGS);
    const before = truths.map((t, i) => (i === 0 ? { ...t, velocity: 0.3 } : t));
    const after = truths.map((t, i) => (i === 0 ? { ...t, velocity: 0.6 } : t));
    const pid = `${seed}|power|${preset}|${n}|${w}`;
    const moving = Array.from({ length: HISTORY + 2 }, (_, k) =>
      simulatedWeek(preset, k < HISTORY ? before : after, n, pid, k, false),
    );
    const alerted = (runs: readonly RunResult[]): boolean =>
      alertsOfLast(runs).some((x) => x.rule === 'velocity-threshold' && x.tag === 'sim0');
    if (alerted(moving.slice(0, HISTORY + 1))) seen += 1;
    // The week after, at 0.6 still: the move was news once.
    if (alerted(moving)) again += 1;
  }
  return {
    preset,
    n,
    weeks,
    powerWeeks,
    falsePerTagWeek: falseAlerts / (weeks * TAGS),
    weeksWithFalse: weeksWithFalse / weeks,
    power: seen / powerWeeks,
    again: again / powerWeeks,
  };
}

/** The calibration table's rows for the watch's alerts (`quick`: fewer weeks). */
export function alertRows(quick: boolean): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  for (const preset of ['seed', 'organic', 'paid'] as const)
    for (const n of [30, 90]) {
      const c = alertCalibration(preset, n, quick ? 20 : 200, 'alerts', quick ? 100 : 1000);
      rows.push({
        preset,
        posts: n,
        'weeks unchanged / with the move': `${c.weeks} / ${c.powerWeeks}`,
        'false movement alerts per tag-region-week (goal <= 0.02)': c.falsePerTagWeek.toFixed(3),
        'weeks with a false alert': `${(c.weeksWithFalse * 100).toFixed(0)} %`,
        'velocity 0.3 -> 0.6 alerted (goal >= 80 %)': `${(c.power * 100).toFixed(0)} %`,
        'alerted again a week later': `${(c.again * 100).toFixed(0)} %`,
      });
    }
  return rows;
}
