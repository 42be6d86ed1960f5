// Export says what it did: a line per file, a summary counting regions, formats and files, a notification, and
// Open folder / Open report carried out by main on the last export's paths only.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

describe('export feedback', () => {
  it('says each file and the count, notifies, and opens the folder and the report', async () => {
    const ws = await bed.workspace(['founderlife', 'uxdesign', 'saasmarketing']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    // Nothing exported yet: nothing to open.
    expect(await a.call('reports:open', { what: 'folder' })).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    await a.value('run:start', {});
    const out = await tempDir();
    bed.disposers.push(out.dispose);
    const r = (await a.value('reports:export', { dir: out.dir, formats: ['md', 'csv', 'html'] }))!;
    // 2 regions: per region a Markdown report, its chart and a CSV; the summary's three; one HTML.
    expect(r.written).toHaveLength(2 * 3 + 3 + 1);
    expect(r.summary).toBe(`Exported 2 regions in 3 formats (Markdown, CSV, HTML): 10 files to ${out.dir}.`);
    expect(r.lines).toHaveLength(10);
    expect(r.lines.every((l) => /^Wrote \S+\.(md|svg|csv|html)$/.test(l))).toBe(true);
    expect(r.report).toMatch(/report-\d{4}-\d{2}-\d{2}\.html$/);
    expect(a.notifications.at(-1)).toEqual({ title: 'Reports exported', body: r.summary, view: 'results' });
    // The summary reads the workspace's credit ledger: the run's credits, this week.
    const run = (await a.value('results:get-last', {}))!;
    const summaryMd = await readFile(
      r.written.find((p) => /summary-.*\.md$/.test(p))!,
      'utf8',
    );
    const spent = run.result.credits.used;
    expect(summaryMd).toContain(
      `## Credits this week\n\nThis workspace's credit ledger: ${spent} credits this week: ${spent} on runs; ${spent} in all.`,
    );
    expect(await a.value('reports:open', { what: 'folder' })).toEqual({ opened: out.dir });
    expect(await a.value('reports:open', { what: 'report' })).toEqual({ opened: r.report });
    expect(a.opened).toEqual([out.dir, r.report]);
    // No path of the renderer's choosing.
    expect(await a.call('reports:open', { what: 'folder', path: '/etc' })).toMatchObject({ ok: false });
  }, 120_000);
});
