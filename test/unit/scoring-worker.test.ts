// The scoring workers (core/worker): a run scored in a worker thread from its compact samples gives the rows scored
// in process, confidence included; a newer interval job makes the older answer nothing; a crashed worker answers
// with a typed error, not silence, and the next job starts a new one.
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { type RunSamples, scoreRun } from '../../src/core/pipeline/run';
import { createScoringPool } from '../../src/core/worker/scoring-pool';
import { NOW, REGIONS, TARGETS, workerSamples } from '../support/worker-samples';

function samples(tags: number): { candidates: string[]; data: RunSamples } {
  const run = workerSamples(tags, {
    seed: 5,
    days: () => 30,
    posts: (rng) => 15 + Math.floor(rng() * 50),
    likes: () => 9_000,
    targetShare: 0.1,
    authors: 30,
    isCommerce: (i) => i === 4,
  });
  return run;
}

const pool = createScoringPool({ size: 2 });
afterAll(() => pool.dispose());

describe('scoring workers', () => {
  const { candidates, data } = samples(24);
  const settings = resolveSettings('organic', { sampling: 'full' });
  const job = { candidates, targets: TARGETS, regions: REGIONS, settings, nowSec: NOW };

  it('a run scored in the workers gives the rows scored in process, confidence included', async () => {
    const inWorker = await pool.score(data, { ...job, confidence: true });
    const inProcess = scoreRun(candidates, new Set(TARGETS), REGIONS, settings, NOW, data);
    expect(Object.keys(inWorker)).toEqual(REGIONS);
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.US!.ranked.every((t) => t.confidence !== undefined)).toBe(true);
  });

  it('intervals under new weights are those of a full re-score; a newer request makes the older answer nothing', async () => {
    const weights = { velocity: 0.2, density: 0.3, overlap: 0.5, adPenalty: 0.05 };
    const older = pool.intervals(data, job);
    const newer = pool.intervals(data, { ...job, settings: { ...settings, weights } });
    expect(await older).toBeUndefined();
    const got = await newer;
    const full = scoreRun(candidates, new Set(TARGETS), REGIONS, { ...settings, weights }, NOW, data);
    for (const r of REGIONS) {
      expect(got![r]!.size).toBe(full[r]!.ranked.length);
      for (const t of full[r]!.ranked) expect(got![r]!.get(t.candidate)).toEqual(t.confidence);
    }
  });

  it('a crashed worker answers with a typed error, and the next job runs in a new one', async () => {
    pool.crashForTest();
    await expect(pool.score(data, { ...job, confidence: false })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/^The scoring worker stopped \(.*\): the scores were not computed\.$/),
    });
    const again = await pool.score(data, { ...job, confidence: false });
    expect(again).toEqual(
      scoreRun(candidates, new Set(TARGETS), REGIONS, settings, NOW, data, { confidence: false }),
    );
  });
});
