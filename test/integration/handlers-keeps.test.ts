// What the app keeps between sessions, through its handlers against the simulator: a reopened workspace's last run
// (scored again from the cache, no request), a recorded run opened by id, and a list's refused rows kept as typed in
// its draft and named by the run's estimate.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

const ranking = (o: {
  result: { regions: Record<string, { ranked: { candidate: string; score: number }[] }> };
}) =>
  Object.fromEntries(
    Object.entries(o.result.regions).map(([r, x]) => [r, x.ranked.map((t) => [t.candidate, t.score])]),
  );

describe('what the app keeps', () => {
  it('a reopened workspace gives its last run again, from the cache alone, and opens a recorded run by id', async () => {
    const ws = await workspace(TAGS);
    const first = await app();
    await first.value('workspace:open', { dir: ws });
    const run = await first.value('run:start', { runId: 'run-keeps-1' });
    expect(run.ended).toBe('finished');
    await first.value('workspace:close', {});

    // Another session: nothing in memory, the history and the cache on disk.
    const second = await app();
    await second.value('workspace:open', { dir: ws });
    const requests = bed.sim.stats().requests;
    const last = (await second.value('results:get-last', {}))!;
    expect(bed.sim.stats().requests).toBe(requests);
    expect(last.reopened?.now).toBe(run.result.now);
    expect(last.summary).toMatch(
      /^The run of \d{4}-\d\d-\d\d \d\d:\d\d UTC, opened from the history: .*0 credits\.$/,
    );
    expect(ranking(last)).toEqual(ranking(run));
    expect(last.tagSets?.length).toBe(2);
    // Its samples are in hand: a re-weighting answers from them, still that run.
    const rescored = await second.value('run:rescore', {
      overrides: { weights: { velocity: 0, density: 1, overlap: 0 } },
    });
    expect(rescored.reopened).toEqual(last.reopened);
    const runs = await second.value('history:list', {});
    const opened = await second.value('results:open-run', { id: runs[0]!.id });
    expect(ranking(opened)).toEqual(ranking(run));
    expect(bed.sim.stats().requests).toBe(requests);
    expect(opened.summary).not.toMatch(/differ/);
    // The creators list changed since: the run opened again scores otherwise, and says so.
    await second.value('lists:save', { list: 'creators', values: ['nobody_here'] });
    const otherwise = await second.value('results:open-run', { id: runs[0]!.id });
    expect(ranking(otherwise)).not.toEqual(ranking(run));
    expect(otherwise.summary).toMatch(
      / \d+ ranked rows? differs? from what the run recorded \(the cache now holds newer answers for some of its pages, or the creators list changed\): History keeps the recorded scores\.$/,
    );
    const missing = await second.call('results:open-run', { id: 'no-such-run' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a refused row is kept as typed in the list’s draft and named by the estimate; fixed, the draft goes', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    await a.value('lists:save', { list: 'tags', values: [...TAGS, 'slow-living'] });
    expect(await readFile(path.join(ws, 'tags.csv'), 'utf8')).toBe(`tag\n${TAGS.join('\n')}\n`);
    expect(await readFile(path.join(ws, 'tags.draft.csv'), 'utf8')).toBe(
      `tag\n${[...TAGS, 'slow-living'].join('\n')}\n`,
    );
    await a.value('workspace:close', {});
    const reopened = await app();
    const view = (await reopened.value('workspace:open', { dir: ws }))!;
    expect(view.drafts?.tags).toEqual([...TAGS, 'slow-living']);
    const estimate = await reopened.value('run:estimate', {});
    expect(estimate.skipped).toEqual([
      { value: 'slow-living', reason: expect.stringMatching(/^not a hashtag: /) },
    ]);
    await reopened.value('lists:save', { list: 'tags', values: [...TAGS, 'slowliving'] });
    await expect(readFile(path.join(ws, 'tags.draft.csv'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect((await reopened.value('run:estimate', {})).skipped).toBeUndefined();
  });
});
