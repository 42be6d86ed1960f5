// A 10-page adaptive run cancelled midway, as the workbench says it: "Cancelled — kept N pairs; M left, the next
// run fetches only those". Kept are the pairs sampled whole; the pairs the cancel cut short are left with the
// unscored ones (their detail says the run stopped them short).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { describeRunEnd } from '../../src/core/job/run-end';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import type { RunOutcome } from '../../src/shared/ipc-payloads';
import { KEY, memoryCache, NOW_MS, runJob } from '../support/faults';

// Loaded by a computed name: the Node-side type check has no DOM (as run-store-drag.test.ts loads the store).
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
const { cancelledText } = (await load('../../src/renderer/src/stores/run-store')) as {
  cancelledText(o: RunOutcome): string;
};

const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign', 'designtok', 'aitools'];
const REGIONS = ['US', 'GB', 'DE', 'BR'];

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
});
afterAll(() => sim.close());

describe('a cancelled run says what it kept whole and what is left', () => {
  it('pairs cut short count as left, not kept; as their detail says', async () => {
    const cache = memoryCache();
    const settings = resolveSettings('organic', { pages: 10 });
    expect(settings.sampling).toBe('adaptive');
    const controller = new AbortController();
    let sampled = 0;
    const cut = await runJob(sim, {
      candidates: TAGS,
      regions: REGIONS,
      settings,
      cache,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.type === 'sampled' && ++sampled === 30) controller.abort();
      },
    });
    expect(cut.result.stopped?.code).toBe('cancelled');
    const said = cancelledText({ result: cut.result } as RunOutcome);
    const m = /^Cancelled — kept (\d+) pairs?; (\d+) left, the next run fetches only those\.$/.exec(said);
    expect(m, said).not.toBeNull();
    const [kept, left] = [Number(m![1]), Number(m![2])];
    expect(left).toBeGreaterThan(0);
    expect(kept + left).toBe(TAGS.length * REGIONS.length);
    // Left: the pairs unscored and the ones whose detail says the run stopped them short of their pages.
    const cutShort = Object.values(cut.result.regions).flatMap((r) =>
      r.ranked.filter((t) => /^the run stopped with \d+ of 10 pages sampled$/.test(t.stoppedEarly ?? '')),
    );
    expect(cutShort.length).toBeGreaterThan(0);
    expect(left).toBe(cutShort.length + (cut.result.stopped?.unscored.length ?? 0));
    // The CLI's footer says the same of them.
    expect(describeRunEnd(cut.result)).toContain(
      `${cut.result.stopped?.unscored.length ?? 0} pairs left unscored and ${cutShort.length} cut short (ranked on the pages in hand), the next run fetches only those.`,
    );
  }, 120_000);
});
