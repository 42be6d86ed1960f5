// The lists and settings handlers: lists checked by the engine's rules and saved as the CSV the CLI reads; workspace
// settings saved to tagfit.json, a setting a run would refuse refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { NOW } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

describe('lists and settings', () => {
  it('lists are checked by the engine’s rules and saved as the CSV the CLI reads', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    const check = await a.value('lists:check', {
      list: 'tags',
      values: ['#FounderLife', 'small business', 'founderlife', 'booktok'],
    });
    expect(check.values).toEqual(['founderlife', 'booktok']);
    expect(check.merged).toEqual([{ value: 'founderlife', items: [1, 3] }]);
    expect(check.errors).toEqual([
      { item: 2, value: 'small business', reason: expect.stringContaining('contains a space') },
    ]);
    await a.value('lists:save', {
      list: 'tags',
      values: ['#FounderLife', 'small business', 'founderlife', 'booktok'],
    });
    expect(await readFile(path.join(ws, 'tags.csv'), 'utf8')).toBe('tag\nfounderlife\nbooktok\n');
    const est = await runCli(['estimate', '--workspace', ws, '--api-base', bed.sim.url, '--now', NOW]);
    expect(est.stdout).toMatch(/^estimate: 0 answers from the cache/);
  });

  it('settings are saved to tagfit.json; a setting a run would refuse is refused, naming it', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    const view = (await a.value('workspace:open', { dir: ws }))!;
    const saved = await a.value('settings:save-workspace', {
      settings: { ...view.settings, preset: 'paid', windowDays: 7 },
    });
    expect(saved.scoring).toMatchObject({ preset: 'paid', windowDays: 7, weights: { overlap: 0.5 } });
    expect(JSON.parse(await readFile(path.join(ws, 'tagfit.json'), 'utf8'))).toMatchObject({
      preset: 'paid',
      windowDays: 7,
    });
    const bad = await a.call('settings:save-workspace', {
      settings: { ...view.settings, weights: { velocity: 0, density: 0, overlap: 0 } },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'input', message: expect.stringContaining('all 0') },
    });
    expect(await a.value('settings:set-app', { theme: 'dark' })).toMatchObject({ theme: 'dark' });
  });
});
