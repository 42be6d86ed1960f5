// Golden files for every report format: a two-week history on the simulator (so the second run has momentum),
// with a hostile hashtag (cha_name "=cmd|calc", asked for as #csvinject) among ordinary, saturated, commercial,
// regional and unknown tags. Each file written must equal its golden copy (TAGFIT_UPDATE_GOLDEN=1 rewrites them:
// read the diff before committing). The SVGs must be well-formed XML and the HTML valid HTML, none with a script
// or an outside reference; the HTML is rendered in Chromium for a screenshot.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { runScoreJob } from '../../src/core/job/score-job';
import type { AtomicWriter } from '../../src/core/report/write';
import { atomicWrite } from '../../src/core/storage/atomic-write';
import { Secret } from '../../src/core/secrets/secret';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { tempDir } from '../support/cli';
import { launchChromium, SCREENSHOTS } from '../support/web';

const KEY = 'golden-key-0123456789';
const WEEK1 = new Date('2026-11-13T08:00:00Z');
const WEEK2 = new Date('2026-11-20T08:00:00Z');
const GOLDEN = path.join(__dirname, '..', 'golden', 'reports');
const CANDIDATES = [
  'founderlife',
  'desksetup',
  'saasmarketing',
  'buildinpublic',
  'fyp',
  'hustleculture',
  'zestcolachallenge',
  'notarealtag2026',
  'kleinunternehmen',
  'csvinject',
];
const TARGETS = ['acme_designs', 'studio_north', 'indiehackerlife'];

let sim: SimulatorHandle;
let out: string;
let files: string[];
const disposers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: WEEK2.getTime() });
  const t = await tempDir({});
  disposers.push(t.dispose);
  out = path.join(t.dir, 'reports');
  await mkdir(out);
  const data = path.join(t.dir, 'data');
  for (const now of [WEEK1, WEEK2]) {
    sim.setOptions({ key: KEY, now: now.getTime() });
    const outcome = await runScoreJob({
      candidates: CANDIDATES,
      targets: TARGETS,
      regions: ['US', 'DE'],
      settings: resolveSettings('organic'),
      now,
      demo: false,
      apiBase: sim.url,
      key: new Secret(KEY),
      requestsPerMinute: Number.POSITIVE_INFINITY,
      dataDir: data,
      out: now === WEEK2 ? { dir: out, formats: ['md', 'csv', 'html'], branding: null } : undefined,
    });
    expect(outcome.reportError).toBeUndefined();
  }
  files = (await readdir(out)).sort();
});
afterAll(async () => {
  for (const d of disposers) await d();
  await sim.close();
});

describe('report golden files', () => {
  it('writes, per region, the Markdown, its chart and the CSV, plus the summary and the one-file HTML', () => {
    expect(files).toEqual([
      'DE-2026-11-20.csv',
      'DE-2026-11-20.md',
      'DE-2026-11-20.svg',
      'US-2026-11-20.csv',
      'US-2026-11-20.md',
      'US-2026-11-20.svg',
      'report-2026-11-20.html',
      'summary-2026-11-20.csv',
      'summary-2026-11-20.md',
      'summary-2026-11-20.svg',
    ]);
  });

  it('every file equals its golden copy', async () => {
    const update = process.env.TAGFIT_UPDATE_GOLDEN === '1';
    if (update) await mkdir(GOLDEN, { recursive: true });
    for (const f of files) {
      const text = await readFile(path.join(out, f), 'utf8');
      if (update) await writeFile(path.join(GOLDEN, f), text);
      expect(text, f).toBe(await readFile(path.join(GOLDEN, f), 'utf8'));
    }
    expect((await readdir(GOLDEN)).sort()).toEqual(files);
  });

  it('says what a reader needs: the hostile name inert and shown with the name asked for, flags in the top table', async () => {
    const md = await readFile(path.join(out, 'US-2026-11-20.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# Hashtag report US 2026-11-20');
    expect(md).toContain('#=cmd\\|calc (asked as #csvinject)');
    expect(md).toMatch(/\| #fyp \| \d+\.\d\d \| .* \| saturated(, [a-z-]+)* \|/);
    expect(md).toContain(
      '![Scores of the top 7 in US, split into velocity, density and overlap](US-2026-11-20.svg)',
    );
    expect(md).toMatch(/- Since the last run \(2026-11-13\): /);
    const de = await readFile(path.join(out, 'DE-2026-11-20.csv'), 'utf8');
    // Excluded and failed tags are rows too, with their status; the formula is inert.
    expect(de).toMatch(/,excluded,"?not-found: #notarealtag2026 was not found/);
    expect(de).toMatch(/,excluded,"?commercial: /);
    expect(de).toContain("'=cmd|calc");
  });

  it('the SVGs are well-formed XML and the HTML is valid HTML; neither runs a script or reaches outside', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const f of files.filter((n) => /\.(svg|html)$/.test(n))) {
      const text = await readFile(path.join(out, f), 'utf8');
      expect(text, f).not.toMatch(
        /<script|\son[a-z]+\s*=|javascript:|<foreignObject|xlink:href|\bhref="https?:|url\(/i,
      );
      if (f.endsWith('.svg')) expect(XMLValidator.validate(text), f).toBe(true);
      else {
        const report = await validator.validateString(text);
        expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
        expect(text).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
      }
    }
  });

  it('the HTML report renders in Chromium with every region and chart, and asks for nothing outside', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${path.join(out, 'report-2026-11-20.html')}`);
      await expect(page.getByRole('heading', { name: 'Hashtag report US 2026-11-20' }).count()).resolves.toBe(
        1,
      );
      await expect(page.getByRole('heading', { name: 'Hashtag report DE 2026-11-20' }).count()).resolves.toBe(
        1,
      );
      await expect(page.getByRole('img', { name: /^Top \d+ in United States \(US\)/ }).count()).resolves.toBe(
        1,
      );
      await expect(page.getByRole('img', { name: /^Tags × regions/ }).count()).resolves.toBe(1);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'report-html-summary.png') });
      const box = (await page.locator('#region-US').boundingBox())!;
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'report-html-us.png'),
        fullPage: true,
        clip: { x: 0, y: box.y, width: 1200, height: 1500 },
      });
    } finally {
      await browser.close();
    }
  });

  it('a chart locked by another program: the report links the alternate it was written under, not the old one', async () => {
    const t = await tempDir({});
    disposers.push(t.dispose);
    const dir = path.join(t.dir, 'shared-drive');
    await mkdir(dir);
    // Last run's chart and heat map are open elsewhere: replacing them fails as a Windows lock does.
    const lockedNames = ['US-2026-11-20.svg', 'summary-2026-11-20.svg'];
    for (const n of lockedNames) await writeFile(path.join(dir, n), '<svg>old</svg>');
    const locked: AtomicWriter = (file, data, options) =>
      atomicWrite(file, data, {
        ...options,
        tmpfileCreated: (tmp: string) => {
          options.tmpfileCreated(tmp);
          if (lockedNames.includes(path.basename(file)))
            throw Object.assign(new Error('EPERM: locked'), { code: 'EPERM' });
        },
      });
    const outcome = await runScoreJob({
      candidates: CANDIDATES,
      targets: TARGETS,
      regions: ['US', 'DE'],
      settings: resolveSettings('organic'),
      now: WEEK2,
      demo: false,
      apiBase: sim.url,
      key: new Secret(KEY),
      requestsPerMinute: Number.POSITIVE_INFINITY,
      out: { dir, formats: ['md'], branding: null, writer: locked },
    });
    expect(outcome.reportError).toBeUndefined();
    const us = await readFile(path.join(dir, 'US-2026-11-20.md'), 'utf8');
    expect(us).toContain('](US-2026-11-20%20(1).svg)');
    expect(us).not.toContain('](US-2026-11-20.svg)');
    expect(await readFile(path.join(dir, 'US-2026-11-20 (1).svg'), 'utf8')).toContain('<svg');
    // The other region's chart was not locked: its report links it by its usual name.
    expect(await readFile(path.join(dir, 'DE-2026-11-20.md'), 'utf8')).toContain('](DE-2026-11-20.svg)');
    const summary = await readFile(path.join(dir, 'summary-2026-11-20.md'), 'utf8');
    expect(summary).toContain('](summary-2026-11-20%20(1).svg)');
  });
});
