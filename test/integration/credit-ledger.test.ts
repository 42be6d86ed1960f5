// Every job that calls TikLiveAPI writes what it spent to the workspace's credit ledger, which History (and the
// status bar through it) reads: a run, a decode, creator fit, the track record, and a run cancelled midway.
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/core/ledger/credit-ledger';
import { workspacePaths } from '../../src/core/workspace/layout';
import { tagId } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

describe('credit ledger over the handlers', () => {
  it('a run, a decode, creator fit and the track record each add their credits; History sums them', async () => {
    const ws = await bed.workspace(TAGS);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const run = await a.value('run:start', {});
    const decode = await a.value('decode:competitors', { competitors: ['@acme_designs'], posts: 30 });
    // Not a creator the decode read (its posts would come from the cache, for nothing).
    const fit = await a.value('creator-fit:run', { creators: ['studio_north'] });
    const view = (await a.value('workspace:get', {}))!;
    await a.value('settings:save-workspace', {
      settings: { ...view.settings, ownAccounts: ['tagfit_follows'] },
    });
    const track = await a.value('track:run', {});
    const spent = {
      score: run.result.credits.used,
      decode: decode.credits.used,
      'creator-fit': fit.credits.used,
      track: track.credits.used,
    };
    for (const n of Object.values(spent)) expect(n).toBeGreaterThan(0);
    const sum = await a.value('history:credits', {});
    expect(sum.weekByJob).toEqual(spent);
    const all = Object.values(spent).reduce((x, y) => x + y, 0);
    expect(sum.week).toBe(all);
    expect(sum.total).toBe(all);
    // A re-score calls nothing and adds nothing.
    await a.value('run:rescore', { overrides: { weights: { velocity: 0.5, density: 0.3, overlap: 0.2 } } });
    expect((await a.value('history:credits', {})).total).toBe(all);
  }, 120_000);

  it('a run cancelled midway still counts what it spent', async () => {
    const ws = await bed.workspace(TAGS);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    // One hashtag whose posts hang: the run cannot finish before the cancel, however fast the machine.
    bed.sim.inject({
      kind: 'timeout',
      delayMs: 20_000,
      endpoint: '/challenge-posts/',
      match: { challenge_id: tagId('uxdesign') },
      times: Infinity,
    });
    const going = a.value('run:start', { runId: 'cancel-me' });
    await expect
      .poll(() => a.events.filter((e) => ['sampled', 'scored'].includes(e.progress.type)).length)
      .toBeGreaterThan(0);
    await a.value('run:cancel', { runId: 'cancel-me' });
    const outcome = await going;
    expect(outcome.ended).toBe('stopped-by-user');
    expect(outcome.result.credits.used).toBeGreaterThan(0);
    const entries = await readLedger(workspacePaths(ws).data);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ job: 'score', credits: outcome.result.credits.used, stopped: true });
    expect((await a.value('history:credits', {})).week).toBe(outcome.result.credits.used);
    bed.sim.clearFaults();
  }, 120_000);
});
