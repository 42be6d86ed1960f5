// A re-score through the handlers answers in two steps: the ranks and scores at once (each row without its
// confidence, the outcome marked as awaiting intervals), then one run:intervals event with the newest edit's
// intervals. An older edit's intervals never arrive, and what the session holds ends equal to a full re-score.
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../src/core/simulator';
import type { RunIntervals } from '../../src/shared/ipc-payloads';
import type { TestApp } from '../support/app';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

const intervalsOf = (a: TestApp): RunIntervals[] =>
  a.emitted.filter((e) => e.channel === 'run:intervals').map((e) => e.payload as RunIntervals);

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('a re-score in two steps', () => {
  it('ranks at once, the newest edit’s intervals after; an older edit’s never arrive', async () => {
    const names = buildDemoDataset()
      .tags.filter((t) => t.shape !== 'edge')
      .slice(0, 20)
      .map((t) => t.name);
    const ws = await bed.workspace(names, ['US', 'GB']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    await a.value('run:start', {});

    const w1 = { velocity: 0.9, density: 0.05, overlap: 0.05 };
    const w2 = { velocity: 0.1, density: 0.6, overlap: 0.3 };
    const [first, second] = await Promise.all([
      a.value('run:rescore', { overrides: { weights: w1 } }),
      a.value('run:rescore', { overrides: { weights: w2 } }),
    ]);
    // Step one: ranks and scores, no confidence yet, each awaiting its own generation's intervals.
    for (const o of [first, second]) {
      expect(o.intervalsPending).toBeTypeOf('number');
      expect(o.result.regions.US!.ranked.every((t) => t.confidence === undefined)).toBe(true);
    }
    expect(second.intervalsPending).toBeGreaterThan(first.intervalsPending!);

    await until(() => intervalsOf(a).some((e) => !e.partial));
    // Give a late older answer every chance to (wrongly) arrive.
    await a.value('app:get-status', {});
    await new Promise((r) => setTimeout(r, 200));
    const all = intervalsOf(a);
    // Only the newest edit's: each region as it was done, then one last event with every region.
    expect(new Set(all.map((e) => e.generation))).toEqual(new Set([second.intervalsPending]));
    expect(
      all
        .filter((e) => e.partial)
        .flatMap((e) => Object.keys(e.regions))
        .sort(),
    ).toEqual(['GB', 'US']);
    const sent = all.filter((e) => !e.partial);
    expect(sent).toHaveLength(1);
    expect(all.at(-1)).toBe(sent[0]);
    expect(sent[0]!.error).toBeUndefined();
    for (const e of all.filter((x) => x.partial))
      for (const [code, byTag] of Object.entries(e.regions)) expect(byTag).toEqual(sent[0]!.regions[code]);

    // What the session shows now is the full re-score under the newest weights: ranks, scores and intervals.
    const held = (await a.value('results:get-last', {}))!;
    expect(held.intervalsPending).toBeUndefined();
    expect(held.result.settings.weights.velocity).toBe(0.1);
    for (const code of ['US', 'GB']) {
      const rows = held.result.regions[code]!.ranked;
      expect(rows.map((t) => t.rank)).toEqual(rows.map((_, i) => i + 1));
      for (const t of rows) expect(sent[0]!.regions[code]![t.candidate]).toEqual(t.confidence);
      expect(rows.every((t) => t.confidence !== undefined)).toBe(true);
    }
    // The same rows as the second step-one answer, confidence aside.
    const strip = (rows: { confidence?: unknown }[]) => rows.map(({ confidence: _c, ...r }) => r);
    expect(strip(held.result.regions.US!.ranked)).toEqual(strip(second.result.regions.US!.ranked));
    // And the same ranks, scores and intervals as a run scored whole with those weights (its samples from the cache).
    const whole = await a.value('run:start', { overrides: { weights: w2 } });
    const view = (o: typeof held) =>
      Object.values(o.result.regions).map((r) =>
        r.ranked.map((t) => [t.candidate, t.rank, t.score, t.confidence]),
      );
    expect(view(held)).toEqual(view(whole));
  });
});
