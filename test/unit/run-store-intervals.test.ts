// The renderer's side of a two-step re-score, with a fake window.tagfit: the grid shows the newest edit's ranks at
// once with its confidence cells "updating…", an older edit's answer or intervals never reach the store, and the
// newest edit's intervals replace "updating…" with the interval.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunIntervals, RunOutcome } from '../../src/shared/ipc-payloads';
import type { ScoreConfidence, ScoredTag } from '../../src/shared/model';

// Loaded by a computed name: the Node-side type check has no DOM, and React's types would stub one for every test.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
const { createElement } = (await load('react')) as { createElement: (c: unknown, p: object) => unknown };
const { renderToStaticMarkup } = (await load('react-dom/server')) as {
  renderToStaticMarkup: (e: unknown) => string;
};

interface RunStore {
  getState(): {
    outcome: RunOutcome | null;
    rescore(): Promise<void>;
    onIntervals(p: RunIntervals): void;
  };
  setState(s: object): void;
}
const { useRunStore } = (await load('../../src/renderer/src/stores/run-store')) as { useRunStore: RunStore };
const { ConfidenceCell } = (await load('../../src/renderer/src/views/results/results-columns')) as {
  ConfidenceCell: (p: { data?: Partial<ScoredTag>; context?: unknown }) => unknown;
};

const conf = (low: number): ScoreConfidence => ({
  low,
  high: low + 5,
  rankLow: 1,
  rankHigh: 2,
  label: 'confident',
  resamples: 1000,
});

/** A re-score's first answer: one region, two rows by score, no confidence yet, awaiting `generation`. */
function answer(generation: number, scores: [string, number][]): RunOutcome {
  const ranked = scores.map(([candidate, score], i) => ({ candidate, tag: candidate, score, rank: i + 1 }));
  return {
    runId: 'run-1',
    intervalsPending: generation,
    result: { regions: { US: { region: 'US', ranked, excluded: [] } } },
  } as unknown as RunOutcome;
}

let answers: ((o: RunOutcome) => void)[] = [];
const g = globalThis as unknown as { window?: unknown };

beforeEach(() => {
  answers = [];
  g.window = {
    tagfit: {
      invoke: (channel: string) =>
        channel === 'run:rescore'
          ? new Promise((resolve) => answers.push((value) => resolve({ ok: true, value })))
          : Promise.resolve({ ok: true, value: null }),
    },
  };
  useRunStore.setState({ outcome: answer(0, [['a', 50]]), active: null, rescoring: false });
});
afterEach(() => {
  delete g.window;
});

const rows = () => useRunStore.getState().outcome!.result.regions.US!.ranked;

describe('a two-step re-score in the renderer', () => {
  it('keeps the newest edit: an older answer and its intervals never reach the store', async () => {
    const older = useRunStore.getState().rescore();
    const newer = useRunStore.getState().rescore();
    // The newer edit answers first, the older one late.
    answers[1]!(
      answer(2, [
        ['b', 70],
        ['a', 40],
      ]),
    );
    await newer;
    answers[0]!(
      answer(1, [
        ['a', 60],
        ['b', 30],
      ]),
    );
    await older;
    expect(rows().map((t) => [t.candidate, t.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(useRunStore.getState().outcome!.intervalsPending).toBe(2);

    useRunStore
      .getState()
      .onIntervals({ runId: 'run-1', generation: 1, regions: { US: { a: conf(1), b: conf(2) } } });
    expect(rows().every((t) => t.confidence === undefined)).toBe(true);
    expect(useRunStore.getState().outcome!.intervalsPending).toBe(2);

    // One region's intervals ahead of the rest: its rows show them, the outcome still awaits the others.
    const us = { US: { a: conf(30), b: conf(60) } };
    useRunStore.getState().onIntervals({ runId: 'run-1', generation: 2, regions: us, partial: true });
    expect(rows().map((t) => t.confidence?.low)).toEqual([60, 30]);
    expect(useRunStore.getState().outcome!.intervalsPending).toBe(2);

    useRunStore.getState().onIntervals({ runId: 'run-1', generation: 2, regions: us });
    expect(rows().map((t) => t.confidence?.low)).toEqual([60, 30]);
    expect(useRunStore.getState().outcome!.intervalsPending).toBeUndefined();
  });

  it('the confidence cell reads "updating…" (and is busy) until the intervals come, then shows the interval', () => {
    const updating = renderToStaticMarkup(
      createElement(ConfidenceCell, { data: { score: 50 }, context: { intervalsUpdating: true } }),
    );
    expect(updating).toContain('updating…');
    expect(updating).toContain('aria-busy="true"');
    const done = renderToStaticMarkup(
      createElement(ConfidenceCell, { data: { score: 50, confidence: conf(45) }, context: {} }),
    );
    expect(done).toMatch(/45\.00?–50\.00?/);
    expect(done).not.toContain('updating');
  });
});
