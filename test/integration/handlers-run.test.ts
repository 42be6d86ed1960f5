// The run handlers: estimate, a run by id with its progress, cancel, budget and refused-key stops, retry of the
// failed pairs, re-scores from the samples in hand.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../src/core/simulator';
import type { RunOutcome } from '../../src/shared/ipc-payloads';
import { tagId } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

describe('runs', () => {
  it('estimate, then a run with an id: every progress event carries it, queued first and done last; recorded', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const est = await a.value('run:estimate', {});
    expect(est).toMatchObject({ fromCache: 0, pairs: 8 });
    const out = await a.value('run:start', { runId: 'run-abc-1' });
    expect(out).toMatchObject({ runId: 'run-abc-1', ended: 'finished', rescore: false, partial: false });
    expect(out.summary).toMatch(/^Finished: \d+ tag-region pairs ranked; \d+ credits\.$/);
    expect(a.events.every((e) => e.runId === 'run-abc-1' && e.job === 'score')).toBe(true);
    expect(a.events[0]?.progress.type).toBe('queued');
    expect(a.events.at(-1)?.progress.type).toBe('done');
    expect(await a.value('history:list', {})).toHaveLength(1);
    expect(out.result.credits.used).toBe(bed.sim.stats().credits);
    expect(est.network.min).toBeLessThanOrEqual(out.result.credits.used);
    expect(est.network.max).toBeGreaterThanOrEqual(out.result.credits.used);
  });

  it('cancel by id: the run ends stopped by the user and keeps what it fetched; a wrong id cancels nothing', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    bed.sim.setOptions({ latencyMs: 60 });
    // One hashtag whose posts hang: the run cannot finish before the cancel, however fast the machine.
    bed.sim.inject({
      kind: 'timeout',
      delayMs: 20_000,
      endpoint: '/challenge-posts/',
      match: { challenge_id: tagId('uxdesign') },
      times: Infinity,
    });
    const going = a.value('run:start', { runId: 'run-cancel-1' });
    await expect
      .poll(() => a.events.filter((e) => ['sampled', 'scored'].includes(e.progress.type)).length)
      .toBeGreaterThan(0);
    expect(await a.value('run:cancel', { runId: 'run-other-9' })).toEqual({ cancelled: false });
    expect(await a.value('run:cancel', { runId: 'run-cancel-1' })).toEqual({ cancelled: true });
    const out = await going;
    expect(out.ended).toBe('stopped-by-user');
    expect(out.summary).toMatch(
      /^Stopped by you\. .* Kept: \d+ tag-region pairs ranked; \d+ pairs left unscored/,
    );
    expect(out.partial).toBe(true);
    bed.sim.clearFaults();
    bed.sim.setOptions({ latencyMs: 0 });
    const est = await a.value('run:estimate', {});
    expect(est.fromCache).toBeGreaterThan(0);
  });

  it('stopped by the budget, and by a rejected key: each said as such; the key state becomes "rejected"', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const budget = await a.value('run:start', { maxCredits: 3 });
    expect(budget.ended).toBe('stopped-by-budget');
    expect(budget.summary).toMatch(/^Stopped by the credit budget\./);
    bed.sim.setOptions({ key: 'some-other-key-entirely' });
    const refused = await a.value('run:start', {});
    expect(refused.ended).toBe('stopped-by-rejected-key');
    expect(refused.summary).toMatch(/^Stopped: TikLiveAPI refused the key\./);
    expect((await a.value('keychain:get-state', {})).state).toBe('rejected');
  });

  it('failed pairs are listed with reasons and retried alone', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    bed.sim.inject({
      kind: 'status',
      status: 503,
      endpoint: '/challenge-posts/',
      match: { challenge_id: tagId('saasmarketing') },
      times: Infinity,
    });
    const first = await a.value('run:start', {});
    expect(first.failed.map((f) => `${f.tag} ${f.region} ${f.code}`).sort()).toEqual([
      'saasmarketing GB network',
      'saasmarketing US network',
    ]);
    bed.sim.clearFaults();
    bed.sim.resetStats();
    const before = a.events.length;
    const retried = await a.value('run:retry-failed', { runId: first.runId, retryId: 'retry-abc-1' });
    expect(retried.failed).toEqual([]);
    // The retry's progress carries the id the renderer gave it (its progress shows, Cancel reaches it).
    const retryEvents = a.events.slice(before);
    expect(retryEvents.length).toBeGreaterThan(0);
    expect(retryEvents.every((e) => e.runId === 'retry-abc-1' && e.job === 'score')).toBe(true);
    expect(retried.result.regions.US!.ranked.map((t) => t.candidate)).toContain('saasmarketing');
    // Only the failed pairs went to the network.
    expect(Object.keys(bed.sim.stats().creditsByEndpoint)).toEqual(['/challenge-posts/']);
  });

  it('a retry under adaptive sampling re-scores from the samples in hand: pairs stopped early need no cache', async () => {
    // organic samples adaptively: many pairs stop after a page, so an offline re-score from the cache, asking for
    // every page, would fail them all; the retry must merge its answers into the samples in hand instead.
    const names = buildDemoDataset()
      .tags.filter((t) => t.shape !== 'edge')
      .slice(0, 30)
      .map((t) => t.name);
    const ws = await workspace(names);
    const file = path.join(ws, 'tagfit.json');
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), preset: 'organic' }));
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const dropped = names[3]!;
    bed.sim.inject({
      kind: 'drop',
      endpoint: '/challenge-posts/',
      match: { challenge_id: tagId(dropped) },
      times: Infinity,
    });
    const first = await a.value('run:start', {});
    expect(first.failed.map((f) => f.tag)).toContain(dropped);
    expect(first.result.regions.US!.ranked.some((t) => t.stoppedEarly)).toBe(true);
    bed.sim.clearFaults();
    const retried = await a.value('run:retry-failed', { runId: first.runId });
    expect(retried.failed).toEqual([]);
    expect(retried.ended).toBe('finished');
    for (const code of ['US', 'GB']) {
      const ranked = retried.result.regions[code]!.ranked.map((t) => t.candidate);
      expect(ranked).toContain(dropped);
      // Every tag the first run ranked is still ranked: none was lost to a page never fetched.
      for (const t of first.result.regions[code]!.ranked) expect(ranked).toContain(t.candidate);
    }
  });

  it('a re-score with other weights, preset or window is answered from the samples: no call, each with the weights asked (its time: npm run bench -- --speed)', async () => {
    const names = buildDemoDataset()
      .tags.filter((t) => t.shape !== 'edge')
      .slice(0, 50)
      .map((t) => t.name);
    const ws = await workspace(names, ['US', 'GB', 'DE', 'FR']);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const first = await a.value('run:start', {});
    expect(Object.keys(first.result.regions)).toHaveLength(4);
    const before = bed.sim.stats().requests;
    const order = (o: RunOutcome): string[] => o.result.regions.US!.ranked.map((t) => t.candidate);
    let last = first;
    for (const velocity of [0.9, 0.1, 0.5, 0.2, 0.8, 0.35, 0.6]) {
      last = await a.value('run:rescore', {
        overrides: { weights: { velocity, density: 0.05, overlap: 0.05 } },
      });
      expect(last.result.settings.weights.velocity).toBe(velocity);
      expect(Object.keys(last.result.regions)).toHaveLength(4);
    }
    expect(bed.sim.stats().requests).toBe(before);
    expect(last.rescore).toBe(true);
    expect(last.result.credits.used).toBe(0);
    const paid = await a.value('run:rescore', { overrides: { preset: 'paid' } });
    expect(order(paid)).not.toEqual(order(first));
    expect(paid.result.settings.weights.overlap).toBe(0.5);
    expect(bed.sim.stats().requests).toBe(before);
  });
});
