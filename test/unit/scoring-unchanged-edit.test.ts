// The side bar's scoring controls commit what a field holds when it is left (Tab, a click elsewhere): a value that
// did not change must not re-score (main re-ranks, and offline a re-score can fail a pair), while a real edit does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Loaded by a computed name: the Node-side type check has no DOM, and React's types would stub one for every test.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface Weights {
  velocity: number;
  density: number;
  overlap: number;
  adPenalty: number;
}
interface Scoring {
  preset: string;
  weights: Weights;
  windowDays: number;
  pages: number;
}
interface RunStore {
  getState(): { setScoring(patch: Partial<Scoring>): void; rescoring: boolean };
  setState(s: object): void;
}
const { useRunStore } = (await load('../../src/renderer/src/stores/run-store')) as { useRunStore: RunStore };

const weights: Weights = { velocity: 0.35, density: 0.3, overlap: 0.3, adPenalty: 0.05 };
const g = globalThis as unknown as { window?: unknown };
const flush = () => new Promise((r) => setTimeout(r, 0));
let channels: string[] = [];

beforeEach(() => {
  channels = [];
  g.window = {
    tagfit: {
      invoke: (channel: string) => {
        channels.push(channel);
        return Promise.resolve({ ok: true, value: { runId: 'run-1', result: { regions: {} } } });
      },
    },
  };
  useRunStore.setState({
    outcome: { runId: 'run-1', result: { regions: {} } },
    active: null,
    rescoring: false,
    scoring: { preset: 'organic', weights: { ...weights }, windowDays: 14, pages: 3 },
  });
});
afterEach(() => {
  delete g.window;
});

describe('leaving a scoring field', () => {
  it('does not re-score when each weight field is tabbed out of unchanged', async () => {
    const store = useRunStore.getState();
    // What each weight field commits on blur: the weights as they are, the one field's value typed back.
    for (const k of Object.keys(weights) as (keyof Weights)[]) {
      store.setScoring({ weights: { ...weights, [k]: Number(String(weights[k])) } });
      await flush();
    }
    store.setScoring({ windowDays: 14 });
    store.setScoring({ preset: 'organic', weights: { ...weights } });
    await flush();
    expect(channels).toEqual([]);
  });

  it('re-scores once when a weight did change', async () => {
    useRunStore.getState().setScoring({ weights: { ...weights, overlap: 0.4 } });
    await flush();
    expect(channels).toEqual(['run:rescore']);
  });
});
