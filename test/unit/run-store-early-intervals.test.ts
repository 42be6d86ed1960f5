// A re-score's intervals can overtake its own answer (the browser preview's event stream races the HTTP reply of
// run:rescore): the renderer keeps them and applies them when the answer lands, so the confidence cells and the
// tag set (which come with the intervals) never stay "updating…".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegionPicks } from '../../src/shared/discover';
import type { RunIntervals, RunOutcome } from '../../src/shared/ipc-payloads';
import type { ScoreConfidence } from '../../src/shared/model';

const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface RunStore {
  getState(): { outcome: RunOutcome | null; rescore(): Promise<void>; onIntervals(p: RunIntervals): void };
  setState(s: object): void;
}
const { useRunStore } = (await load('../../src/renderer/src/stores/run-store')) as { useRunStore: RunStore };

const conf = (low: number): ScoreConfidence => ({
  low,
  high: low + 5,
  rankLow: 1,
  rankHigh: 1,
  label: 'confident',
  resamples: 1000,
});
const answer = (generation: number): RunOutcome =>
  ({
    runId: 'run-1',
    intervalsPending: generation,
    result: {
      regions: {
        US: { region: 'US', ranked: [{ candidate: 'a', tag: 'a', score: 50, rank: 1 }], excluded: [] },
      },
    },
  }) as unknown as RunOutcome;
const picks: RegionPicks[] = [
  { region: 'US', picks: [{ tag: 'a', candidate: 'a', score: 50, reason: 'top' }], passedOver: [] },
];

let reply: ((o: RunOutcome) => void) | undefined;
const g = globalThis as unknown as { window?: unknown };
beforeEach(() => {
  g.window = {
    tagfit: {
      invoke: () => new Promise((resolve) => (reply = (value) => resolve({ ok: true, value }))),
    },
  };
  useRunStore.setState({ outcome: answer(0), active: null, rescoring: false });
});
afterEach(() => {
  delete g.window;
});

describe('intervals that overtake their re-score', () => {
  it('are applied when the answer lands: no "updating…" left, the tag set in', async () => {
    const pending = useRunStore.getState().rescore();
    // The event first …
    useRunStore
      .getState()
      .onIntervals({ runId: 'run-1', generation: 7, regions: { US: { a: conf(40) } }, tagSets: picks });
    // … then the answer it belongs to.
    reply!(answer(7));
    await pending;
    const o = useRunStore.getState().outcome!;
    expect(o.intervalsPending).toBeUndefined();
    expect(o.result.regions.US!.ranked[0]!.confidence?.low).toBe(40);
    expect(o.tagSets).toEqual(picks);
  });

  it('an older re-score’s early intervals are not applied to a newer answer', async () => {
    const pending = useRunStore.getState().rescore();
    useRunStore.getState().onIntervals({ runId: 'run-1', generation: 6, regions: { US: { a: conf(10) } } });
    reply!(answer(7));
    await pending;
    expect(useRunStore.getState().outcome!.intervalsPending).toBe(7);
  });
});
