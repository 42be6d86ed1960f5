// The demo says it is the demo: a run on the built-in simulator is marked simulated (run record, history), every
// export says "Simulated data (demo): not from TikTok" (Markdown and HTML in the title block, CSV in a `data`
// column), a tag the demo data lack is "not in the demo data", and a real run's files carry none of it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, loadRun } from '../../src/core/workspace/history';
import { tempDir } from '../support/cli';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const LABEL = 'Simulated data (demo): not from TikTok';

async function exported(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    if (/\.(md|html|csv)$/.test(name)) out[name] = await readFile(path.join(dir, name), 'utf8');
  }
  return out;
}

describe('the demo is said to be simulated', () => {
  it('every exported Markdown, HTML and CSV says so; a tag the demo lacks is not in the demo data', async () => {
    const a = await bed.app();
    const view = await a.value('workspace:open-demo', {});
    await a.value('lists:save', { list: 'tags', values: [...view.lists.tags, 'skincare'] });
    const run = await a.value('run:start', {});
    expect(run.result.simulated).toBe(true);
    const skincare = run.result.regions.US!.excluded.find((e) => e.tag === 'skincare');
    expect(skincare?.reason).toMatch(/^#skincare is not in the demo data/);
    expect(JSON.stringify(run.result)).not.toContain('not found by TikLiveAPI');
    // The history knows it ran on the simulator.
    const data = path.join(view.dir, 'data');
    const [summary] = await listRuns(data);
    expect((await loadRun(data, summary!.id)).simulated).toBe(true);

    const out = await tempDir();
    bed.disposers.push(out.dispose);
    await a.value('reports:export', { dir: out.dir, formats: ['md', 'csv', 'html'] });
    const files = await exported(out.dir);
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(9);
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).toContain(LABEL);
      if (name.endsWith('.md')) expect(text.split('\n')[2], name).toBe(`**${LABEL}**`);
      if (name.endsWith('.csv')) {
        const [header, ...rows] = text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
        expect(header!.split(',').at(-1), name).toBe('data');
        for (const row of rows) expect(row.endsWith(`,${LABEL}`), `${name}: ${row}`).toBe(true);
      }
      expect(text, name).not.toContain('not found by TikLiveAPI');
    }
  }, 120_000);

  it('a real run (a key, TikLiveAPI or a stand-in) is not marked', async () => {
    const ws = await bed.workspace(['founderlife', 'uxdesign']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const run = await a.value('run:start', {});
    expect(run.result.simulated).toBeUndefined();
    const out = await tempDir();
    bed.disposers.push(out.dispose);
    await a.value('reports:export', { dir: out.dir, formats: ['md', 'csv', 'html'] });
    for (const [name, text] of Object.entries(await exported(out.dir))) {
      expect(text, name).not.toContain('Simulated');
      expect(text, name).not.toMatch(/,data\r\n/);
    }
  }, 120_000);
});
