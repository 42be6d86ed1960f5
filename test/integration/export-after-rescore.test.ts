// Export writes the results showing: after a weights-only re-score, the reports rank as the workbench does (the
// smoke script found them ranked by the run's first weights).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

describe('reports:export after a re-score', () => {
  it('ranks by the new weights, as results:get-last does', async () => {
    const ws = await bed.workspace(
      ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign', 'booktok'],
      ['US'],
    );
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const ran = await a.value('run:start', {});
    const rescored = await a.value('run:rescore', {
      overrides: { weights: { velocity: 0, density: 1, overlap: 0 } },
    });
    expect(rescored.rescore).toBe(true);
    const order = (o: typeof ran) => o.result.regions.US!.ranked.map((r) => r.tag);
    expect(order(rescored)).not.toEqual(order(ran));
    expect((await a.value('results:get-last', {}))?.result.regions.US!.ranked.map((r) => r.tag)).toEqual(
      order(rescored),
    );

    const out = await a.value('reports:export', {});
    const csvName = (await readdir(out!.dir)).find((n) => /^US-.*\.csv$/.test(n))!;
    const rows = parse(await readFile(path.join(out!.dir, csvName), 'utf8'), { columns: true }) as {
      tag: string;
    }[];
    expect(rows.map((r) => r.tag.replace(/^#/, ''))).toEqual(order(rescored));
  });
});
