// How far the score intervals and confidence labels can be trusted: simulated regions with a known truth
// (calibration-sim.ts) scored and bootstrapped by the engine itself, per preset, sample size and author mode.
import { bootstrapRegion } from '../../src/core/engine/confidence';
import { resolveSettings } from '../../src/core/engine/presets';
import { scoreRegion } from '../../src/core/engine/score';
import type { PresetName, ScoreConfidence } from '../../src/shared/model';
import { type AuthorMode, SIM_NOW, simulateRegion, trueScores } from './calibration-sim';

export interface IntervalCase {
  preset: PresetName;
  /** Posts per tag. */
  n: number;
  mode: AuthorMode;
  regions: number;
  /** Tags per region. */
  tags?: number;
  /** Regions whose labels are also drawn with a second bootstrap seed (label stability). */
  stabilityRegions?: number;
}

export interface IntervalFigures {
  /** Tags that got an interval. */
  tags: number;
  /** Share of those whose interval holds the score the true parameters give. */
  coverage: number;
  /** Share of those whose interval holds their own reported score. */
  inside: number;
  meanWidth: number;
  /** Share of tags whose label is the same under another seed. */
  labelStability: number;
  /** Share of tags whose label and coin-toss neighbour (where one is named) are both the same under another seed. */
  neighbourStability: number;
  /** Tags with no interval (too few posts). */
  withoutInterval: number;
}

const hasInterval = (c: ScoreConfidence | undefined): c is ScoreConfidence & { low: number; high: number } =>
  c !== undefined && typeof c.low === 'number' && typeof c.high === 'number';

/** A label as a reader sees it, with the neighbour it swaps with where the resamples name one. */
const neighbourOf = (c: ScoreConfidence | undefined): string =>
  `${c?.label ?? ''}|${(c as { coinToss?: { tag: string } } | undefined)?.coinToss?.tag ?? ''}`;

export function measureIntervals(c: IntervalCase): IntervalFigures {
  const settings = resolveSettings(c.preset);
  let tags = 0;
  let covered = 0;
  let inside = 0;
  let width = 0;
  let compared = 0;
  let same = 0;
  let sameNeighbour = 0;
  let withoutInterval = 0;
  for (let r = 0; r < c.regions; r++) {
    const sim = simulateRegion(`${c.preset}|${c.n}|${c.mode}|${r}`, c.tags ?? 12, c.n, c.mode);
    const result = scoreRegion(sim.entries, sim.targets, settings, SIM_NOW, 'US');
    const conf = bootstrapRegion(sim.entries, result, sim.targets, settings, SIM_NOW);
    const truth = trueScores(sim.truths, settings);
    const other =
      r < (c.stabilityRegions ?? 0)
        ? bootstrapRegion(sim.entries, result, sim.targets, settings, SIM_NOW, { seed: 7_771 + r })
        : undefined;
    for (const t of result.ranked) {
      const k = sim.entries.findIndex((e) => e.candidate === t.candidate);
      const ci = conf.get(t.candidate);
      if (other) {
        compared += 1;
        if (ci?.label === other.get(t.candidate)?.label) same += 1;
        if (neighbourOf(ci) === neighbourOf(other.get(t.candidate))) sameNeighbour += 1;
      }
      if (!hasInterval(ci)) {
        withoutInterval += 1;
        continue;
      }
      tags += 1;
      width += ci.high - ci.low;
      if (ci.low <= truth[k]! && truth[k]! <= ci.high) covered += 1;
      if (ci.low <= t.score && t.score <= ci.high) inside += 1;
    }
  }
  return {
    tags,
    coverage: tags === 0 ? 0 : covered / tags,
    inside: tags === 0 ? 0 : inside / tags,
    meanWidth: tags === 0 ? 0 : width / tags,
    labelStability: compared === 0 ? 1 : same / compared,
    neighbourStability: compared === 0 ? 1 : sameNeighbour / compared,
    withoutInterval,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The table's rows: every preset at 30 and 90 posts, with independent posts and with repeat target creators. */
export function intervalRows(quick = false): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const preset of ['seed', 'organic', 'paid'] as const) {
    for (const n of [30, 90]) {
      for (const mode of ['independent', 'repeat'] as const) {
        const f = measureIntervals({
          preset,
          n,
          mode,
          regions: quick ? 30 : 100,
          stabilityRegions: quick ? 10 : 30,
        });
        rows.push({
          preset,
          posts: n,
          authors: mode === 'independent' ? 'one post each' : 'targets post 1+Poisson(2)',
          'tags (×12 per region)': f.tags,
          'coverage (goal 87–93 %)': pct(f.coverage),
          'score inside its interval': pct(f.inside),
          'mean width': f.meanWidth.toFixed(1),
          'same label, other seed': pct(f.labelStability),
          'same label and coin-toss neighbour': pct(f.neighbourStability),
        });
      }
    }
  }
  return rows;
}
