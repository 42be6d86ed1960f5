// The credits as the workspace's ledger says them (main reads it: every job that called TikLiveAPI wrote its line),
// for the status bar and History alike: this week's and in all, and what the last action spent. Read again after
// every call that can spend (a run, a decode, the region list, a localise sample, a key test…), whatever started it.
import { create } from 'zustand';
import type { InvokeChannel } from '../../../shared/ipc-contract';
import type { LedgerSummary } from '../../../shared/ledger';
import { invoke } from '../bridge';

/**
 * The calls that can spend credits, or that ask for a result again from the samples in hand (a re-score, a run
 * reopened: "0 credits" is then what the last action spent).
 */
const SPENDING: ReadonlySet<InvokeChannel> = new Set<InvokeChannel>([
  'keychain:test-key',
  'lists:regions',
  'run:start',
  'run:rescore',
  'run:retry-failed',
  'results:open-run',
  'results:sample',
  'decode:competitors',
  'creator-fit:run',
  'track:run',
  'discover:suggest',
  'discover:pick',
  'watch:run-due',
  'localize:find',
  'localize:sample',
]);

interface CreditsState {
  /** The ledger's summary; null before it was read, with no workspace, or when it cannot be read. */
  ledger: LedgerSummary | null;
  /** Credits the last action that could spend spent (the ledger's growth across it); null before the first. */
  last: number | null;
  /** Reads the ledger afresh (History shown); `opened`: a workspace opened or closed, the last action forgotten. */
  load(opened?: boolean): Promise<void>;
  /** A call ended: after one that can spend, the ledger is read again and its growth is the last action's. */
  settled(channel: InvokeChannel): void;
}

/** One read at a time, in call order: the growth is measured from the summary before it. */
let queue: Promise<void> = Promise.resolve();

export const useCreditsStore = create<CreditsState>((set, get) => {
  const read = (mode: 'opened' | 'again' | 'growth'): Promise<void> =>
    (queue = queue.then(async () => {
      const before = get().ledger;
      try {
        const ledger = await invoke('history:credits', {});
        if (mode === 'opened') set({ ledger, last: null });
        else if (mode === 'again' || !before) set({ ledger });
        else set({ ledger, last: Math.max(0, ledger.total - before.total) });
      } catch {
        set({ ledger: null, last: null });
      }
    }));
  return {
    ledger: null,
    last: null,
    load: (opened = false) => read(opened ? 'opened' : 'again'),
    settled(channel) {
      if (SPENDING.has(channel)) void read('growth');
    },
  };
});
