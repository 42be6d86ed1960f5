// A re-score from the samples in hand answers, edit after edit, with the rows a full re-score gives: the same scores,
// ranks and momentum against the run the last one was compared with (whether that run compares as it is, only over
// the tags both ranked, or not at all), each row without its confidence until the intervals come.
import { describe, expect, it } from 'vitest';
import { computeMomentum } from '../../src/core/engine/momentum';
import { resolveSettings } from '../../src/core/engine/presets';
import { createRescorer } from '../../src/core/job/rescore';
import { scoreRun } from '../../src/core/pipeline/score-run';
import { type RunSamples, sampleKey } from '../../src/core/pipeline/run';
import { mulberry32 } from '../../src/core/prng';
import type { ScoringPool } from '../../src/core/worker/scoring-pool';
import { toStoredRun } from '../../src/core/workspace/history';
import {
  NO_CREDITS,
  type Post,
  type RunResult,
  type ScoringSettings,
  type Weights,
} from '../../src/shared/model';

const NOW = '2026-11-20T00:00:00.000Z';
const BEFORE = '2026-11-10T00:00:00.000Z';
const NOW_S = Date.parse(NOW) / 1000;
const REGIONS = ['US', 'GB'];
const TARGETS = ['target_1', 'target_2'];
const CANDIDATES = Array.from({ length: 40 }, (_, i) => `tag${i}`);

/** Seeded samples; `grow` scales the lifetime counts (the later run's tags have grown). */
function samples(seed: number, grow: number): RunSamples {
  const rng = mulberry32(seed);
  const data: RunSamples = { challenges: new Map(), samples: new Map() };
  CANDIDATES.forEach((name, i) => {
    data.challenges.set(name, {
      id: String(100 + i),
      name,
      desc: '',
      userCount: Math.round((5_000 + i * 700) * grow),
      viewCount: Math.round((900_000 + i * 31_000) * grow),
      isCommerce: false,
    });
    for (const region of REGIONS) {
      const posts: Post[] = Array.from({ length: 30 + Math.floor(rng() * 40) }, (_, j) => ({
        id: `${name}-${region}-${j}`,
        createTime: Math.floor(NOW_S - rng() * 30 * 86_400),
        likes: Math.round(rng() ** 3 * 40_000),
        comments: 0,
        shares: 0,
        plays: 0,
        authorId: rng() < 0.15 ? TARGETS[j % 2]! : `c${Math.floor(rng() * 50)}`,
        caption: '',
      }));
      data.samples.set(sampleKey(region, name), posts);
    }
  });
  return data;
}

/** The scoring workers' job done in this thread (the workers run the same scoreRun). */
const inThread: ScoringPool = {
  score: async (data, job) =>
    scoreRun(job.candidates, new Set(job.targets), job.regions, job.settings, job.nowSec, data, {
      confidence: job.confidence,
    }),
  intervals: async () => undefined,
  crashForTest: () => {},
  dispose: async () => {},
};

function run(data: RunSamples, settings: ScoringSettings, now: string, candidates = CANDIDATES): RunResult {
  return {
    now,
    preset: settings.preset,
    settings,
    regions: scoreRun(candidates, new Set(TARGETS), REGIONS, settings, Date.parse(now) / 1000, data, {
      confidence: false,
    }),
    credits: NO_CREDITS,
    failed: [],
  };
}

const EDITS: Weights[] = [
  { velocity: 0.9, density: 0.05, overlap: 0.05, adPenalty: 0.3 },
  { velocity: 0.1, density: 0.6, overlap: 0.3, adPenalty: 0 },
  { velocity: 0.2, density: 0.3, overlap: 0.5, adPenalty: 0.05 },
];

describe('a re-score from the samples in hand', () => {
  const base = resolveSettings('organic', { sampling: 'full' });
  const previousRuns = [
    // Same list and settings: the edit that returns to them compares as it is, the others are not comparable.
    { what: 'the same list', prevRun: run(samples(1, 1), base, BEFORE), compared: 'as it is' },
    // Five tags fewer: compared over the tags both ranked, re-normalised, while the weights are the same.
    {
      what: 'a shorter list',
      prevRun: run(samples(1, 1), base, BEFORE, CANDIDATES.slice(5)),
      compared: 'over shared tags',
    },
  ];
  for (const { what, prevRun, compared } of previousRuns) {
    it(`after ${what} before it: every edit's rows are the full re-score's (score, rank, momentum)`, async () => {
      const data = samples(2, 1.3);
      const previous = toStoredRun(prevRun, 'run-before');
      const last = {
        raw: run(data, base, NOW),
        data,
        previous,
        sampling: { pages: base.pages, pageSize: base.pageSize },
      };
      const rescorer = createRescorer(inThread);
      for (const weights of [...EDITS, base.weights]) {
        const settings = { ...base, weights };
        const answer = await rescorer.rescore(last, {
          candidates: CANDIDATES,
          targets: TARGETS,
          regions: REGIONS,
          settings,
          velocityThreshold: 0.5,
        });
        const full = computeMomentum(run(data, settings, NOW), previous, 0.5);
        for (const code of REGIONS) {
          const rows = answer!.result.regions[code]!.ranked;
          const view = (r: typeof rows) => r.map((t) => [t.candidate, t.rank, t.score, t.history]);
          expect(view(rows)).toEqual(view(full.regions[code]!.ranked));
          expect(rows).toEqual(full.regions[code]!.ranked);
          expect(rows.every((t) => t.confidence === undefined && t.history !== undefined)).toBe(true);
        }
      }
      // The momentum said something: growth between the runs, and score moves where the runs compare.
      const again = await rescorer.rescore(last, {
        candidates: CANDIDATES,
        targets: TARGETS,
        regions: REGIONS,
        settings: base,
        velocityThreshold: 0.5,
      });
      const rows = again!.result.regions.US!.ranked;
      expect(rows.some((t) => (t.history?.userCountGrowthPerWeek ?? 0) > 0)).toBe(true);
      expect(rows.filter((t) => t.history?.scoreChange !== null).length).toBeGreaterThan(30);
      const h = rows[0]!.history!;
      expect(h.notComparable).toBeUndefined();
      expect(h.comparedOver === undefined ? 'as it is' : 'over shared tags').toBe(compared);
    });
  }
});
