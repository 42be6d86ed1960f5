// The watch's alerts file is a document a client may be sent, like the score report: a branded workspace's
// alerts-<date>.md opens with "Prepared by <agency> for <client>" (the reports' one title block), an unbranded one's
// with the title alone, and a demo run's says the data are simulated.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordWatchRun } from '../../src/core/discover/watch-job';
import { PRESETS } from '../../src/core/engine/presets';
import { alertsDocument } from '../../src/core/report/alerts-document';
import { renderMarkdown } from '../../src/core/report/markdown';
import { initWorkspace, openWorkspace } from '../../src/core/workspace/layout';
import type { WatchAlert } from '../../src/shared/discover';
import { NO_CREDITS, type RunResult } from '../../src/shared/model';

const AGENCY = 'Northwind Social & Co';
const CLIENT = 'Zest Cola GmbH';
const run: RunResult = {
  now: '2026-11-20T08:00:00.000Z',
  preset: 'organic',
  settings: PRESETS.organic,
  regions: { US: { region: 'US', ranked: [], excluded: [] } },
  credits: NO_CREDITS,
  failed: [],
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A workspace's alerts file after a watch run, with or without branding in its tagfit.json. */
async function alertsFile(branding?: Record<string, string>, result: RunResult = run): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tagfit-alerts-'));
  dirs.push(dir);
  const ws = await initWorkspace(dir);
  if (branding) {
    const settings = JSON.parse(await readFile(ws.paths.settings, 'utf8')) as object;
    await writeFile(ws.paths.settings, JSON.stringify({ ...settings, branding }));
  }
  const { written } = await recordWatchRun({
    ws: await openWorkspace(dir),
    result,
    previous: undefined,
    suggestions: [],
    velocityThreshold: 0.5,
  });
  expect(written.map((w) => w.name)).toEqual(['alerts-2026-11-20.md']);
  return readFile(written[0]!.path, 'utf8');
}

describe("the watch's alerts file", () => {
  it('of a branded workspace says who prepared it for whom, under its title', async () => {
    const md = await alertsFile({ agency: AGENCY, client: CLIENT });
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# Alerts 2026-11-20',
      '',
      `**Prepared by Northwind Social \\& Co for ${CLIENT}**`,
    ]);
  });

  it('of an unbranded workspace has no such line', async () => {
    const md = await alertsFile();
    expect(md).toBe(
      '# Alerts 2026-11-20\n\nNo alert: no change since the last run stood out from sampling noise.\n',
    );
    expect(md).not.toContain('Prepared');
  });

  it("of a demo run says the data are simulated, as the run's reports do", async () => {
    const md = await alertsFile({ client: CLIENT }, { ...run, simulated: true });
    expect(md).toContain('**Simulated data (demo): not from TikTok**');
    expect(md).toContain(`**Prepared for ${CLIENT}**`);
  });

  it('lists what fired by region, each message escaped', () => {
    const alerts: WatchAlert[] = [
      { rule: 'rank-move', tag: 'a', region: 'US', message: '#a rose 5 places <b>', before: 9, after: 4 },
      {
        rule: 'became-flagged',
        tag: 'b',
        region: 'GB',
        message: '#b is now saturated',
        before: null,
        after: null,
      },
    ];
    const md = renderMarkdown(alertsDocument({ alerts, date: '2026-11-20', branding: { agency: AGENCY } }));
    expect(md).toBe(
      [
        '# Alerts 2026-11-20',
        '**Prepared by Northwind Social \\& Co**',
        '## US',
        '- rank-move: #a rose 5 places \\<b\\>',
        '## GB',
        '- became-flagged: #b is now saturated\n',
      ].join('\n\n'),
    );
  });
});
