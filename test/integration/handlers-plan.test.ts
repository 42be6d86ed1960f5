// The plan handlers: plan:make reads the last run's samples (no call) and answers the plan; before any run it says
// to run first; plan:export writes the .ics and .csv into the workspace's reports/ and refuses a relative folder.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign', 'marketingtips', 'booktok'];

describe('plan:make and plan:export', () => {
  it('makes the plan from the last run at no call, exports its files, and says what is missing before a run', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    expect(await a.call('plan:make', {})).toMatchObject({
      ok: false,
      error: { code: 'input', message: 'Nothing sampled yet: run first; the plan comes from its samples.' },
    });
    await a.value('run:start', { runId: 'plan-run-1' });
    const requests = bed.sim.stats().requests;
    const plan = await a.value('plan:make', { weeks: 1, perWeek: 2, from: '2026-12-07' });
    expect(bed.sim.stats().requests).toBe(requests);
    expect(plan.from).toBe('2026-12-07');
    for (const r of Object.values(plan.regions)) {
      expect(r.slots).toHaveLength(2);
      expect(r.evidence.verdict.length).toBeGreaterThan(0);
    }
    const out = await a.value('plan:export', { weeks: 1, perWeek: 2, from: '2026-12-07' });
    expect(out?.written.map((f) => path.basename(f))).toEqual(['plan-2026-12-07.ics', 'plan-2026-12-07.csv']);
    expect(await readdir(path.join(ws, 'reports'))).toEqual(
      expect.arrayContaining(['plan-2026-12-07.ics', 'plan-2026-12-07.csv']),
    );
    expect(await a.call('plan:export', { dir: 'relative/folder' })).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    expect(await a.call('plan:make', { weeks: 0 })).toMatchObject({ ok: false, error: { code: 'input' } });
    await a.dispose();
  });
});
