// A re-score's end says what the run spent, not its own 0 credits in the run's place: after a run and a re-weight,
// Results reads "Finished: N tag-region pairs ranked; <the run's> credits. Re-scored from the samples in hand: 0
// credits." (the renderer adds the last sentence to a re-score's summary).
import { describe, expect, it } from 'vitest';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

describe('a re-score’s summary', () => {
  it('keeps the run’s credits; the re-score itself spent 0', async () => {
    const ws = await bed.workspace(['founderlife', 'uxdesign', 'saasmarketing']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const run = await a.value('run:start', {});
    const spent = run.result.credits.used;
    expect(spent).toBeGreaterThan(0);
    expect(run.summary).toMatch(new RegExp(`^Finished: \\d+ tag-region pairs ranked; ${spent} credits\\.$`));
    for (const velocity of [0.6, 0.2]) {
      const rescored = await a.value('run:rescore', {
        overrides: { weights: { velocity, density: 0.2, overlap: 0.2 } },
      });
      expect(rescored.rescore).toBe(true);
      expect(rescored.result.credits.used).toBe(0);
      expect(rescored.summary).toBe(run.summary);
    }
  }, 120_000);
});
