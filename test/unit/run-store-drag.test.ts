// A weight slider dragged in the renderer, with a fake window.tagfit whose answers the test gives: each step of a
// drag is sent as soon as the answer before it is in (the grid re-ranks at the pace main answers, not once the drag
// pauses), the steps in between are never sent, and the last answer is the last step's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/shared/ipc-payloads';

// Loaded by a computed name: the Node-side type check has no DOM, and React's types would stub one for every test.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface Weights {
  velocity: number;
  density: number;
  overlap: number;
  adPenalty: number;
}
interface RunStore {
  getState(): {
    outcome: RunOutcome | null;
    setScoring(patch: { weights: Weights }): void;
  };
  setState(s: object): void;
}
const { useRunStore } = (await load('../../src/renderer/src/stores/run-store')) as { useRunStore: RunStore };

const weights = (velocity: number): Weights => ({ velocity, density: 0.3, overlap: 0.3, adPenalty: 0.05 });

/** The answer main gives to a re-score with this velocity weight: one row whose score says which edit it was. */
const answer = (velocity: number): RunOutcome =>
  ({
    runId: 'run-1',
    result: {
      regions: { US: { region: 'US', ranked: [{ candidate: 'a', tag: 'a', score: velocity, rank: 1 }] } },
    },
  }) as unknown as RunOutcome;

/** The re-scores sent, in order, each with the velocity weight asked and the function that answers it. */
let sent: { velocity: number; reply: () => void }[] = [];
const g = globalThis as unknown as { window?: unknown };
const flush = () => new Promise((r) => setTimeout(r, 0));
const shown = () => useRunStore.getState().outcome!.result.regions.US!.ranked[0]!.score;

beforeEach(() => {
  sent = [];
  g.window = {
    tagfit: {
      invoke: (channel: string, payload: { overrides?: { weights: Weights } }) => {
        if (channel !== 'run:rescore') return Promise.resolve({ ok: true, value: null });
        const velocity = payload.overrides!.weights.velocity;
        return new Promise((resolve) =>
          sent.push({ velocity, reply: () => resolve({ ok: true, value: answer(velocity) }) }),
        );
      },
    },
  };
  useRunStore.setState({
    outcome: answer(0.35),
    active: null,
    rescoring: false,
    scoring: { preset: 'organic', weights: weights(0.35), windowDays: 14, pages: 3 },
  });
});
afterEach(() => {
  delete g.window;
});

describe('dragging a weight slider', () => {
  it('sends the first step at once, then the newest step as each answer comes; the last answer is the last step', async () => {
    const store = useRunStore.getState();
    // Five steps of a drag before main answers the first: only the first is sent.
    for (const v of [0.4, 0.45, 0.5, 0.55, 0.6]) store.setScoring({ weights: weights(v) });
    await flush();
    expect(sent.map((s) => s.velocity)).toEqual([0.4]);
    // Its answer re-ranks the grid while the drag goes on, and the newest step (0.6) goes next; 0.45–0.55 never.
    sent[0]!.reply();
    await flush();
    expect(shown()).toBe(0.4);
    expect(sent.map((s) => s.velocity)).toEqual([0.4, 0.6]);
    // Two more steps while 0.6 is answered, then the drag stops: the last step is sent, and its answer stays.
    store.setScoring({ weights: weights(0.65) });
    store.setScoring({ weights: weights(0.7) });
    sent[1]!.reply();
    await flush();
    expect(shown()).toBe(0.6);
    expect(sent.map((s) => s.velocity)).toEqual([0.4, 0.6, 0.7]);
    sent[2]!.reply();
    await flush();
    expect(shown()).toBe(0.7);
    expect(sent).toHaveLength(3);
  });

  it('re-ranks every step of a slow drag: each step is its own re-score', async () => {
    const store = useRunStore.getState();
    for (const [i, v] of [0.4, 0.45, 0.5].entries()) {
      store.setScoring({ weights: weights(v) });
      await flush();
      expect(sent).toHaveLength(i + 1);
      sent[i]!.reply();
      await flush();
      expect(shown()).toBe(v);
    }
  });
});
