// The history, decode (competitors, creator fit, track record) and reports handlers over a workspace with two
// recorded runs a week apart.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli';
import { NOW_MS, reportNames } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace, disposers } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

describe('history, decode, creator fit, export', () => {
  it('history lists runs, compares two and follows a tag; decode and creator fit rank; export writes the reports', async () => {
    const ws = await workspace(TAGS);
    const a = await app();
    await a.value('workspace:open', { dir: ws });
    await a.value('run:start', {});
    await a.dispose();
    const later = await app({ now: new Date(NOW_MS + 7 * 86_400_000).toISOString() });
    await later.value('workspace:open', { dir: ws });
    const second = await later.value('run:start', {});
    expect(second.result.regions.US!.ranked.some((t) => t.history !== undefined)).toBe(true);
    expect(await later.value('history:list', {})).toHaveLength(2);
    const cmp = await later.value('history:compare', { before: 'previous', after: 'last' });
    expect(cmp.days).toBeCloseTo(7, 5);
    const points = await later.value('history:tag', { tag: '#FounderLife' });
    expect(points.filter((p) => p.region === 'US')).toHaveLength(2);

    // The track record: without own accounts it says where to name them; with them, a week of posts after the
    // first run is too little evidence, and it says so instead of claiming a correlation.
    expect(await later.call('track:run', {})).toMatchObject({
      ok: false,
      error: { message: 'Name your own accounts in Settings first: their posts are the record.' },
    });
    const view = (await later.value('workspace:get', {}))!;
    await later.value('settings:save-workspace', {
      settings: { ...view.settings, ownAccounts: ['@tagfit_follows', 'tagfit_random'] },
    });
    const record = await later.value('track:run', {});
    expect(record.region).toBe('US');
    expect(record.accounts.map((x) => x.username)).toEqual(['tagfit_follows', 'tagfit_random']);
    for (const x of record.accounts) {
      expect(x.evidence.enough).toBe(false);
      expect(x.evidence.verdict).toMatch(
        /^Not enough evidence yet: (only \d+|none) of the 60 posts used a hashtag/,
      );
    }
    // The posts' times are checked against the best time of the run in hand (its samples), not left unchecked.
    expect(record.overall.bestTime?.region).toBe('US');
    expect(record.overall.bestTime?.verdict).not.toContain("no run's samples were in hand");

    const decode = await later.value('decode:competitors', { competitors: ['@acme_designs'], posts: 30 });
    expect(decode.competitors[0]?.tags.length).toBeGreaterThan(0);
    const fit = await later.value('creator-fit:run', {
      creators: ['acme_designs', 'studio_north', 'nosuchcreator_zz'],
    });
    expect(fit.ranked.map((r) => r.username).sort()).toEqual(['acme_designs', 'studio_north']);
    expect(fit.failed.map((f) => f.username)).toEqual(['nosuchcreator_zz']);
    // Each creator's end is a progress event of the job, counted, the failed one with its reason's code.
    const fitted = later.events.filter((e) => e.job === 'creator-fit').map((e) => e.progress);
    expect(fitted.map((p) => ('done' in p ? p.done : 0)).sort()).toEqual([1, 2, 3]);
    expect(fitted.find((p) => p.type === 'failed')).toMatchObject({
      tag: 'nosuchcreator_zz',
      total: 3,
      error: { code: 'not-found' },
    });

    const withTargets = second.result.regions.US!.ranked.find((t) => t.targetAuthors > 0)!;
    const sample = await later.value('results:sample', { region: 'US', candidate: withTargets.candidate });
    expect(sample).toHaveLength(withTargets.served);
    expect(new Set(sample.filter((p) => p.target).map((p) => p.authorId)).size).toBe(
      withTargets.targetAuthors,
    );

    const exported = (await later.value('reports:export', {}))!;
    expect(exported.dir).toBe(path.join(ws, 'reports'));
    // By default every format: the Markdown with charts and summary, the CSV, the one-file HTML.
    expect((await readdir(exported.dir)).sort()).toEqual(
      reportNames(['US', 'GB'], ['md', 'csv', 'html'], { date: '2026-11-27' }),
    );
    const t = await tempDir();
    disposers.push(t.dispose);
    const chosen = path.join(t.dir, 'shared-drive');
    await later.value('reports:export', { dir: chosen, formats: ['csv'] });
    expect((await readdir(chosen)).sort()).toEqual(
      reportNames(['US', 'GB'], ['csv'], { date: '2026-11-27' }),
    );
    expect((await later.value('workspace:get', {}))?.exportDir).toBe(chosen);
    // A folder that cannot be written: said with the path, nothing written.
    await writeFile(path.join(t.dir, 'a-file'), 'x');
    const bad = await later.call('reports:export', { dir: path.join(t.dir, 'a-file', 'reports') });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'storage',
        message: `Cannot create the folder ${path.join(t.dir, 'a-file', 'reports')}: a part of the path is a file, not a folder.`,
      },
    });
  });
});
