// A re-score's tag sets are picked region by region while its intervals are computed, and sent with them: they are
// the sets its own ranking gives (those a run scored whole with the same weights shows), never an older edit's.
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../src/core/simulator';
import type { RunIntervals } from '../../src/shared/ipc-payloads';
import type { TestApp } from '../support/app';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

const finalIntervals = (a: TestApp): RunIntervals[] =>
  a.emitted
    .filter((e) => e.channel === 'run:intervals')
    .map((e) => e.payload as RunIntervals)
    .filter((e) => !e.partial);

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('a re-score’s tag sets', () => {
  it('come with its intervals, picked from its own ranking, for every region', async () => {
    const names = buildDemoDataset()
      .tags.filter((t) => t.shape !== 'edge')
      .slice(0, 24)
      .map((t) => t.name);
    const ws = await bed.workspace(names, ['US', 'GB', 'DE']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const first = await a.value('run:start', {});

    // Weights that turn the ranking over: the sets must follow the newest edit, not the run's or the first edit's.
    const w1 = { velocity: 0.05, density: 0.9, overlap: 0.05 };
    const w2 = { velocity: 0.9, density: 0.05, overlap: 0.05 };
    await Promise.all([
      a.value('run:rescore', { overrides: { weights: w1 } }),
      a.value('run:rescore', { overrides: { weights: w2 } }),
    ]);
    await until(() => finalIntervals(a).length > 0);
    const sent = finalIntervals(a);
    expect(sent).toHaveLength(1);
    const sets = sent[0]!.tagSets!;
    expect(sets.map((s) => s.region)).toEqual(['US', 'GB', 'DE']);
    expect(sets.every((s) => s.picks.length > 0)).toBe(true);
    const held = (await a.value('results:get-last', {}))!;
    expect(held.tagSets).toEqual(sets);

    const whole = await a.value('run:start', { overrides: { weights: w2 } });
    expect(sets).toEqual(whole.tagSets);
    // And the edit changed something a user sees: the run's own sets were others.
    expect(sets).not.toEqual(first.tagSets);
  });
});
