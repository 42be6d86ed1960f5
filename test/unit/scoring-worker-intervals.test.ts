// The scoring workers' interval jobs: a change of weights re-ranks the metrics a worker scored before and reuses
// its draws, and must still give exactly the confidence of a full score (seed, organic, paid; several weights);
// a drag's stale jobs, sent back to back, compute no region: only the last one's regions are computed and answered.
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { type RunSamples, sampleKey, scoreRun } from '../../src/core/pipeline/run';
import { createScoringPool } from '../../src/core/worker/scoring-pool';
import { NOW, REGIONS, TARGETS, workerSamples } from '../support/worker-samples';
import type { ScoreConfidence, Weights } from '../../src/shared/model';

function samples(tags: number): { candidates: string[]; data: RunSamples } {
  const run = workerSamples(tags, {
    seed: 11,
    days: (rng) => 5 + rng() * 40,
    posts: (rng) => 12 + Math.floor(rng() * 60),
    likes: (i) => 2_000 + i * 300,
    targetShare: 0.08,
    authors: 40,
    // Two commercial tags: excluded by seed and organic, scored with the ad penalty by paid.
    isCommerce: (i) => i % 13 === 4,
  });
  // A candidate listed twice keeps its first place; a tag with too few posts for an interval.
  run.candidates.push('tag3');
  run.data.samples.set(sampleKey('US', 'tag7'), run.data.samples.get(sampleKey('US', 'tag7'))!.slice(0, 6));
  return run;
}

const pool = createScoringPool({ size: 2 });
afterAll(() => pool.dispose());

const byCandidate = (r: { ranked: { candidate: string; confidence?: ScoreConfidence }[] }) =>
  new Map(r.ranked.map((t) => [t.candidate, t.confidence]));

describe('scoring workers: interval jobs', () => {
  const { candidates, data } = samples(40);

  for (const preset of ['seed', 'organic', 'paid'] as const) {
    it(`${preset}: intervals after weights edits are exactly a full score's with confidence`, async () => {
      const settings = resolveSettings(preset);
      const job = { candidates, targets: TARGETS, regions: REGIONS, settings, nowSec: NOW };
      // The preset's own weights first: the workers score the metrics and draw once.
      const first = await pool.intervals(data, job);
      const edits: Weights[] = [
        { velocity: 0.6, density: 0.3, overlap: 0.1, adPenalty: 0.05 },
        { velocity: 0.1, density: 0.2, overlap: 0.7, adPenalty: 0.2 },
        { ...settings.weights, velocity: settings.weights.velocity + 0.05 },
      ];
      let moved = 0;
      for (const weights of edits) {
        const got = await pool.intervals(data, { ...job, settings: { ...settings, weights } });
        const full = scoreRun(candidates, new Set(TARGETS), REGIONS, { ...settings, weights }, NOW, data);
        for (const r of REGIONS) {
          expect([...got![r]!.keys()]).toEqual(full[r]!.ranked.map((t) => t.candidate));
          expect(got![r]).toEqual(byCandidate(full[r]!));
          for (const [c, conf] of got![r]!) if (first![r]!.get(c)?.low !== conf.low) moved += 1;
        }
      }
      // The edits do move intervals: the jobs were not answered from the first one.
      expect(moved).toBeGreaterThan(0);
    });
  }

  it("20 interval jobs sent back to back compute only the last one's regions, and it alone answers", async () => {
    const settings = resolveSettings('organic');
    const job = { candidates, targets: TARGETS, regions: REGIONS, settings, nowSec: NOW };
    await pool.intervals(data, job);
    const before = (await pool.statsForTest()).intervalRegions;
    const seen: string[] = [];
    const weightsOf = (i: number): Weights => ({ ...settings.weights, velocity: 0.1 + i * 0.02 });
    const calls = Array.from({ length: 20 }, (_, i) =>
      pool.intervals(data, { ...job, settings: { ...settings, weights: weightsOf(i) } }, (region) =>
        seen.push(`${i}:${region}`),
      ),
    );
    const answers = await Promise.all(calls);
    expect(answers.slice(0, 19).every((a) => a === undefined)).toBe(true);
    expect(seen.sort()).toEqual(REGIONS.map((r) => `19:${r}`).sort());
    expect((await pool.statsForTest()).intervalRegions - before).toBe(REGIONS.length);
    const full = scoreRun(
      candidates,
      new Set(TARGETS),
      REGIONS,
      { ...settings, weights: weightsOf(19) },
      NOW,
      data,
    );
    for (const r of REGIONS) expect(answers[19]![r]).toEqual(byCandidate(full[r]!));
  });
});
