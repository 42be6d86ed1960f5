// The watch handlers: watch:run-due runs a due watch in main (the workspace's run, then its alerts recorded) and
// answers what to tell the user; not due, it runs nothing. Suggestions and picks come from the run's samples.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW_MS } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign', 'marketingtips', 'booktok'];
const WEEK = 7 * 86_400_000;

describe('watch:run-due', () => {
  it('runs when due with its run id, records the alerts in the workspace, says what to notify; then is not due', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    expect((await a.value('watch:status', {})).due).toBe(true);

    const first = await a.value('watch:run-due', { runId: 'watch-run-1' });
    expect(first).toMatchObject({ due: true, why: 'no run is recorded yet', incomplete: null });
    if (!first.due) return;
    expect(first.outcome).toMatchObject({ runId: 'watch-run-1', ended: 'finished', rescore: false });
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events.every((e) => e.runId === 'watch-run-1')).toBe(true);
    // The first run has no run before it: no movement alert, and the suggestions are a baseline.
    expect(first.alerts).toEqual([]);
    expect(first.notice).toEqual({
      title: 'Tagfit: the weekly run is done',
      body: 'No alert: nothing crossed a rule.',
    });
    // The run is the app's last run, and it is recorded: the watch is not due again this week.
    expect((await a.value('results:get-last', {}))?.runId).toBe('watch-run-1');
    expect(await a.value('history:list', {})).toHaveLength(1);
    const again = await a.value('watch:run-due', {});
    expect(again).toMatchObject({ due: false });
    expect(bed.sim.stats().requests).toBeGreaterThan(0);
    const requests = bed.sim.stats().requests;
    expect(await a.value('watch:run-due', {})).toMatchObject({ due: false });
    expect(bed.sim.stats().requests).toBe(requests);
    await a.dispose();

    // A week later: due again; the alerts it answers are those the workspace keeps, and the file it wrote.
    const later = await app({ now: new Date(NOW_MS + WEEK).toISOString() });
    await later.value('workspace:open', { dir: ws });
    const second = await later.value('watch:run-due', {});
    expect(second.due).toBe(true);
    if (!second.due) return;
    expect(second.outcome.ended).toBe('finished');
    const kept = (await later.value('watch:status', {})).alerts.map((s) => s.alert);
    expect(kept).toEqual([...second.alerts].reverse());
    const n = second.alerts.length;
    expect(second.notice.title).toBe(
      n > 0 ? `Tagfit: ${n} alert${n === 1 ? '' : 's'}` : 'Tagfit: the weekly run is done',
    );
    const date = new Date(NOW_MS + WEEK).toISOString().slice(0, 10);
    expect(await readdir(path.join(ws, 'reports'))).toContain(`alerts-${date}.md`);
    expect((await later.value('watch:status', {})).due).toBe(false);
  });

  it('is refused with no workspace open, and while a run goes on', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    const r = await a.call('watch:run-due', {});
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'input', message: expect.stringMatching(/No workspace/) },
    });
    await a.value('workspace:open', { dir: ws });
    bed.sim.setOptions({ latencyMs: 200 });
    const going = a.value('run:start', { runId: 'run-busy-1' });
    await expect.poll(() => a.events.length).toBeGreaterThan(0);
    expect(await a.call('watch:run-due', {})).toMatchObject({
      ok: false,
      error: { code: 'input', message: 'A run is already going: cancel it or wait for it to finish.' },
    });
    await going;
  });
});
