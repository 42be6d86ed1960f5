// The status bar's credits follow the workspace's ledger after every call that spends, a job's or not (the region
// list, a Localise sample), with a fake window.tagfit whose ledger grows as main's would: the week's figure is the
// ledger's, and the last action's is what the ledger grew by across it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerSummary } from '../../src/shared/ledger';

// Loaded by a computed name: the Node-side type check has no DOM (as run-store-drag.test.ts loads the store).
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface CreditsStore {
  getState(): { ledger: LedgerSummary | null; last: number | null; load(opened?: boolean): Promise<void> };
}
const { useCreditsStore } = (await load('../../src/renderer/src/stores/credits-store')) as {
  useCreditsStore: CreditsStore;
};
const { invoke } = (await load('../../src/renderer/src/bridge')) as {
  invoke(channel: string, request: object): Promise<unknown>;
};
const { subscribeAppEvents } = (await load('../../src/renderer/src/events')) as {
  subscribeAppEvents(): () => void;
};

/** What each call spends in main, written to the ledger before it answers. */
const COST: Record<string, number> = { 'lists:regions': 1, 'localize:sample': 4, 'decode:competitors': 237 };
let total = 0;
const g = globalThis as unknown as { window?: unknown };
const summary = (): LedgerSummary => ({ week: total, weekByJob: {}, total, weekSimulated: 0 });
const settle = () => new Promise((r) => setTimeout(r, 10));
let off: () => void = () => {};

beforeEach(async () => {
  total = 1;
  g.window = {
    tagfit: {
      invoke: (channel: string) => {
        total += COST[channel] ?? 0;
        return Promise.resolve({ ok: true, value: channel === 'history:credits' ? summary() : null });
      },
      on: () => () => {},
    },
  };
  off = subscribeAppEvents();
  await useCreditsStore.getState().load(true);
});
afterEach(() => {
  off();
  delete g.window;
});

describe('the credits the status bar shows', () => {
  it('follow the ledger after a decode, the region list and a Localise sample; a re-score spent 0', async () => {
    const s = () => useCreditsStore.getState();
    expect([s().ledger?.week, s().last]).toEqual([1, null]);
    await invoke('decode:competitors', {});
    await settle();
    expect([s().ledger?.week, s().last]).toEqual([238, 237]);
    await invoke('lists:regions', {});
    await settle();
    expect([s().ledger?.week, s().last]).toEqual([239, 1]);
    await invoke('localize:sample', {});
    await settle();
    expect([s().ledger?.week, s().last]).toEqual([243, 4]);
    await invoke('run:rescore', {});
    await settle();
    expect([s().ledger?.week, s().last]).toEqual([243, 0]);
    // A call that cannot spend (a list checked) leaves the last action as it was.
    await invoke('lists:check', {});
    await settle();
    expect(s().last).toBe(0);
  });
});
