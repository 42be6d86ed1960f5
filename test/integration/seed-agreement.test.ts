// The `seed` preset against the reference method: a faithful port of the article's pipeline (one call at a
// time) and Tagfit run on the same simulator answers must agree on every region's ranking, to the score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/api/client';
import { resolveSettings } from '../../src/core/engine/presets';
import { runPipeline } from '../../src/core/pipeline/run';
import { Secret } from '../../src/core/secrets/secret';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { createReferencePipeline } from '../support/reference-pipeline';

const KEY = 'seed-agreement-key-0123456789';
const NOW = new Date('2026-11-20T00:00:00Z');
const REGIONS = ['US', 'GB', 'DE', 'BR', 'JP'];

const dataset = buildDemoDataset();
// Every ordinary hashtag of the dataset that exists (the reference crashes on a missing one), in dataset order:
// surging, steady, dead, mega, commercial, shadow-limited, empty, regional and unicode tags among them.
const candidates = dataset.tags.filter((t) => !t.behaviour).map((t) => t.name.toLowerCase());
const targets = new Set(dataset.creators);

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW.getTime() });
});
afterAll(() => sim.close());

describe('seed preset vs the reference method', () => {
  it('ranks every region identically: same tags, same order, same scores to 2 decimals, same raw metrics', async () => {
    expect(candidates.length).toBeGreaterThanOrEqual(40);
    const reference = createReferencePipeline({ baseUrl: sim.url, key: KEY, nowSec: NOW.getTime() / 1000 });
    const expected = await reference.run(candidates, targets, REGIONS);
    const refCalls = sim.stats().requests;

    sim.resetStats();
    const api = createClient({ baseUrl: sim.url, key: new Secret(KEY), requestsPerMinute: Infinity });
    const { result } = await runPipeline({
      api,
      candidates,
      targets,
      regions: REGIONS,
      settings: resolveSettings('seed'),
      now: NOW,
    });
    expect(result.failed).toEqual([]);

    for (const region of REGIONS) {
      const ours = result.regions[region]!.ranked;
      const ref = expected[region]!;
      expect(ours.map((t) => t.tag)).toEqual(ref.map((r) => r.cha_name));
      expect(ours.map((t) => t.score)).toEqual(ref.map((r) => r.score));
      ours.forEach((t, i) => {
        expect(t.velocity).toBeCloseTo(ref[i]!.velocity, 12);
        expect(t.density).toBeCloseTo(ref[i]!.density, 6);
        expect(t.overlap).toBeCloseTo(ref[i]!.overlap, 12);
      });
      // the reference drops commercial tags; Tagfit excludes them with the reason
      const commercial = dataset.tags.filter((t) => t.isCommerce && !t.behaviour).map((t) => t.name);
      expect(result.regions[region]!.excluded.map((e) => e.tag).sort()).toEqual([...commercial].sort());
    }

    // Fewer calls for the same answer: challenge info once per hashtag, not once per hashtag per region.
    const ours = sim.stats().requests;
    expect(result.credits.byEndpoint['/challenge-info-name/']).toBe(candidates.length);
    expect(reference.stats.byEndpoint['/challenge-info-name/']).toBe(candidates.length * REGIONS.length);
    expect(ours).toBe(refCalls - candidates.length * (REGIONS.length - 1));
  });
});
