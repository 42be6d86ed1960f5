// The workbench as a person uses it (issue 28), in the browser preview against the simulator: weights that add up
// to more than 1 settle and say they were scaled; the tag set follows every re-weighting and copies as words; a
// reopened workspace shows its last run, a History run opens, the comparison survives a tab switch; an invalid list
// row survives closing the workspace and the estimate says it is skipped; Decode's Add is per tag and says what it
// did. Screenshots light and dark land in .test-reports/.
import { writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { initWorkspace } from '../../src/core/workspace/layout';
import { tempDir } from '../support/cli';
import { KEY, NOW_MS } from '../support/faults';
import {
  closeAll,
  decodeInCompetitors,
  expectNoPageErrors,
  folderDialog,
  gridColumn,
  launchChromium,
  openView,
  previewOnSimulator,
  screenshotBothThemes,
  workbenchPage,
  type Preview,
} from '../support/web';

let sim: SimulatorHandle;
let browser: Browser;
let page: Page;
let preview: Preview;
let home: { dir: string; dispose: () => Promise<void> };
let ws: string;
let other: string;
const pageErrors: string[] = [];
/** The Results ranking right after the first run, with the workspace's own scoring. */
let firstRanking: string[] = [];

const status = () => page.getByRole('contentinfo', { name: 'Status bar' });
const sideBar = () => page.getByRole('complementary', { name: 'Side bar' });
const tagSet = () => page.getByLabel('Tag set US', { exact: true });

/** A column of the Results grid in the order it shows its rows (AG Grid moves rows without moving their DOM nodes). */
const resultCells = (col: string): Promise<string[]> =>
  gridColumn(page.getByRole('region', { name: 'Results US' }), col);

/** The tag set's chips as the page shows them once it is not updating, and their hover texts. */
const chips = async (): Promise<{ tag: string; title: string }[]> => {
  if ((await tagSet().getAttribute('aria-busy')) === 'true') return [];
  return tagSet()
    .getByRole('listitem')
    .evaluateAll((els) =>
      els.map((e) => ({ tag: e.textContent ?? '', title: e.getAttribute('title') ?? '' })),
    );
};

async function setWeight(label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel(label, { exact: true }).press('Enter');
}

async function runToEnd(): Promise<void> {
  await sideBar().getByRole('button', { name: 'Run', exact: true }).click();
  // The estimate's dialog, or the alert that says why there is none (failing with its words, not a timeout).
  const start = page.getByRole('button', { name: 'Start run' });
  await start.or(page.getByRole('alert')).first().waitFor();
  if (!(await start.isVisible()))
    throw new Error(`No estimate: ${await page.getByRole('alert').first().textContent()}`);
  await start.click();
  await expect
    .poll(() => sideBar().getByRole('button', { name: 'Run', exact: true }).isVisible(), { timeout: 60_000 })
    .toBe(true);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Finished:' }).count())
    .toBeGreaterThan(0);
}

const screenshots = (name: string) => screenshotBothThemes(page, `keeps-${name}`);

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
  home = await tempDir();
  ws = path.join(home.dir, 'client-keeps');
  other = path.join(home.dir, 'client-other');
  // A client's workspace as the CLI or an earlier session left it: its lists, and a big plan (the simulator has
  // none).
  const lists = path.join(home.dir, 'lists');
  await mkdir(lists, { recursive: true });
  const list = (name: string, text: string): string => {
    const file = path.join(lists, name);
    writeFileSync(file, text);
    return file;
  };
  await initWorkspace(ws, {
    from: {
      regions: list('regions.csv', 'code\nUS\n'),
      tags: list(
        'tags.csv',
        'tag\nfounderlife\nsaasmarketing\nuxdesign\nsmallbusinesscheck\nbuildinpublic\ndesigntok\nbrandingtips\nsidehustle\n',
      ),
      creators: list('creators.csv', 'unique_id\nacme_designs\n'),
    },
    settings: { preset: 'organic', requestsPerMinute: 100000 },
  });
  browser = await launchChromium();
  page = await workbenchPage(browser, pageErrors);
  preview = await previewOnSimulator(sim, home.dir);
  await page.goto(preview.url);
}, 120_000);

afterEach(() => expectNoPageErrors(pageErrors));

afterAll(() => closeAll(browser, preview, sim, home));

describe('the workbench keeps what it produced', () => {
  it('opens two client workspaces by their folders', async () => {
    await expect.poll(() => status().textContent()).toContain('Key set');
    await folderDialog(page, 'N', 'New workspace', other, 'Create');
    await folderDialog(page, 'O', 'Open workspace', ws, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-keeps');
  }, 120_000);

  it('weights that add up to more than 1 settle, rounded, said to be scaled, and the preset reads custom', async () => {
    await runToEnd();
    await expect.poll(async () => (await resultCells('tag')).length).toBe(8);
    firstRanking = await resultCells('tag');
    const line = page.getByLabel('Scoring of these results', { exact: true });
    await expect.poll(() => line.textContent()).toMatch(/^organic · velocity 0\.\d+, density/);
    expect(await line.textContent()).not.toContain('scaled');
    const before = await resultCells('tag');
    await setWeight('Overlap weight', '0.8');
    // Settled: the scaled weights' line, no "re-scoring…" left for good, no grid marked pending.
    await expect.poll(() => line.textContent()).toMatch(/^custom · .* · weights scaled/);
    await expect.poll(() => line.textContent()).not.toContain('re-scoring');
    await expect
      .poll(() => page.getByRole('region', { name: 'Results US' }).getAttribute('class'))
      .not.toContain('pending');
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/^custom · /);
    for (const n of text.match(/\d+\.\d+/g) ?? []) expect(n.split('.')[1]!.length).toBeLessThanOrEqual(2);
    expect(text).toMatch(/scaled to add up to 1 \(they added up to 1\.\d+\)/);
    expect(await sideBar().getByLabel('Preset').inputValue()).toBe('custom');
    await expect.poll(() => resultCells('tag')).not.toEqual(before);
    await screenshots('scaled-weights');
  }, 120_000);

  it('the tag set follows every re-weighting, its hover text with the new scores', async () => {
    await expect.poll(async () => (await chips()).length).toBeGreaterThan(1);
    for (const [v, d, o] of [
      ['1', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '1'],
    ] as const) {
      // The weight of 1 first: the three are never all 0 on the way (a score of 0 for every tag, refused).
      const edits = [
        ['Velocity weight', v],
        ['Density weight', d],
        ['Overlap weight', o],
      ] as const;
      for (const [label, value] of [...edits].sort((a, b) => Number(b[1]) - Number(a[1])))
        await setWeight(label, value);
      // The results are those of these weights (the line says so, nothing left to re-score) …
      const line = page.getByLabel('Scoring of these results', { exact: true });
      await expect
        .poll(() => line.textContent())
        .toMatch(new RegExp(`velocity ${v}, density ${d}, overlap ${o}, ad [\\d.]+ · window \\d+ d$`));
      // … the set starts from the new top tag (the picker takes the best score first) …
      await expect.poll(async () => (await chips())[0]?.tag).toBe((await resultCells('tag'))[0]);
      // … and every later pick's hover text gives its score as the grid now shows it.
      const tags = await resultCells('tag');
      const scores = await resultCells('score');
      for (const c of (await chips()).slice(1)) {
        const m = /score (\d+\.\d\d)/.exec(c.title);
        expect(m, c.title).not.toBeNull();
        expect(Number(scores[tags.indexOf(c.tag)])).toBeCloseTo(Number(m![1]), 1);
      }
    }
  }, 120_000);

  it('the tag set follows a weight dragged on its slider', async () => {
    // A drag is a burst of re-weightings, each answered while the next is asked.
    for (let i = 0; i <= 20; i++)
      await page.getByLabel('Density weight slider', { exact: true }).fill(String(i / 20));
    const line = page.getByLabel('Scoring of these results', { exact: true });
    await expect
      .poll(() => line.textContent())
      .toMatch(/velocity 0, density 0.5, overlap 0.5, ad [\d.]+ · weights scaled/);
    await expect.poll(async () => (await chips())[0]?.tag).toBe((await resultCells('tag'))[0]);
    const tags = await resultCells('tag');
    const scores = await resultCells('score');
    for (const c of (await chips()).slice(1)) {
      const m = /score (\d+\.\d\d)/.exec(c.title);
      expect(Number(scores[tags.indexOf(c.tag)])).toBeCloseTo(Number(m![1]), 1);
    }
  }, 120_000);

  it('Copy copies the tag set as "#a #b #c" and says Copied; the chips select as separate words', async () => {
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(preview.url).origin,
    });
    const tags = (await chips()).map((c) => c.tag);
    const copy = tagSet().getByRole('button', { name: 'Copy tag set US' });
    await copy.click();
    await expect.poll(() => tagSet().getByRole('status').textContent()).toBe('Copied');
    // What the page's clipboard holds now (the browser's own, as a paste would get it).
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(tags.join(' '));
    expect(copied).toMatch(/^#\S+( #\S+)+$/);
    // Selecting the chips as a person would (drag over the set's words) gives words apart, not "#a#b#c".
    const selected = await tagSet()
      .getByRole('list', { name: 'Tags to post with in US' })
      .evaluate((el) => {
        const doc = el.ownerDocument;
        const range = doc.createRange();
        range.selectNodeContents(el);
        const sel = doc.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return sel.toString();
      });
    expect(selected.trim().split(/\s+/)).toEqual(tags);
    await screenshots('tag-set-copy');
  }, 120_000);

  it('a reopened workspace shows its last run’s results, not "No results yet"', async () => {
    await folderDialog(page, 'O', 'Open workspace', other, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-other');
    await folderDialog(page, 'O', 'Open workspace', ws, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-keeps');
    await openView(page, 'Results');
    // The run paid for is back, ranked by the workspace's scoring as the side bar shows it, for no credit.
    await expect.poll(() => resultCells('tag')).toEqual(firstRanking);
    expect(await page.getByText('No results yet', { exact: false }).count()).toBe(0);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^The run of 2026-11-20 \d\d:\d\d UTC, opened from the history/ })
        .count(),
    ).toBe(1);
    await expect.poll(() => tagSet().getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshots('reopened-results');
  }, 120_000);

  it('a run in History opens in Results as the current results, its scoring in the side bar', async () => {
    // A second run, with one more candidate: the history holds two runs.
    await openView(page, 'Candidates');
    await page.getByLabel('Add to Candidate hashtags', { exact: true }).fill('booktok');
    await page.keyboard.press('Enter');
    await expect.poll(() => readFile(path.join(ws, 'tags.csv'), 'utf8')).toContain('booktok');
    await openView(page, 'Results');
    await setWeight('Velocity weight', '0.9');
    await runToEnd();
    await expect.poll(async () => (await resultCells('tag')).length).toBe(9);
    await openView(page, 'History');
    const runs = page.getByRole('region', { name: 'Runs' });
    const open = runs.getByRole('button', { name: /^Open run .* in Results$/ });
    await expect.poll(() => open.count()).toBe(2);
    // The first run (the older one, listed last) opens: its 8 tags, its own weights, for no credit.
    const first = open.last();
    await first.click();
    await expect.poll(async () => (await resultCells('tag')).length).toBe(8);
    expect(await resultCells('tag')).toEqual(firstRanking);
    expect(await page.getByLabel('Velocity weight', { exact: true }).inputValue()).not.toBe('0.9');
    await expect
      .poll(() => page.getByLabel('Scoring of these results', { exact: true }).textContent())
      .toMatch(/^organic · /);
    expect(await status().textContent()).toContain('0 credits');
    await openView(page, 'History');
    expect(await runs.getByText('In Results', { exact: true }).count()).toBe(1);
    expect(await open.count()).toBe(1);
    await screenshots('history-open-run');
  }, 120_000);

  it('the History comparison survives a tab switch', async () => {
    await openView(page, 'History');
    const runs = page.getByRole('region', { name: 'Runs' });
    for (const box of await runs.getByRole('checkbox', { name: /^Pick run / }).all()) await box.check();
    await runs.getByRole('button', { name: 'Compare the two' }).click();
    const comparison = page.getByRole('region', { name: 'Comparison' });
    await expect.poll(() => comparison.isVisible()).toBe(true);
    const text = await comparison.textContent();
    expect(text).toContain('booktok');
    await openView(page, 'Results');
    await openView(page, 'History');
    expect(await comparison.isVisible()).toBe(true);
    expect(await comparison.textContent()).toBe(text);
    expect(
      await runs
        .getByRole('checkbox', { name: /^Pick run / })
        .evaluateAll((b) => b.map((x) => (x as unknown as { checked: boolean }).checked)),
    ).toEqual([true, true]);
  }, 120_000);

  it('an invalid row survives closing and reopening the workspace; the estimate says it will be skipped', async () => {
    await openView(page, 'Candidates');
    await page.getByLabel('Add to Candidate hashtags', { exact: true }).fill('slow-living');
    await page.keyboard.press('Enter');
    const candidates = page.getByRole('region', { name: 'Candidate hashtags' }).getByRole('grid');
    const row = candidates.getByRole('row').filter({ hasText: 'slow-living' });
    await expect.poll(() => row.textContent()).toMatch(/✗ .*not a hashtag/);
    // The list a run reads keeps the valid rows; the row typed is kept beside it, as typed.
    await expect
      .poll(() => readFile(path.join(ws, 'tags.draft.csv'), 'utf8').catch(() => ''))
      .toContain('slow-living');
    expect(await readFile(path.join(ws, 'tags.csv'), 'utf8')).not.toContain('slow-living');
    // Closed (another workspace opened) with no prompt, then reopened: the row is still there, still marked.
    await folderDialog(page, 'O', 'Open workspace', other, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-other');
    await openView(page, 'Candidates');
    expect(await candidates.getByRole('row').filter({ hasText: 'slow-living' }).count()).toBe(0);
    await folderDialog(page, 'O', 'Open workspace', ws, 'Open');
    await expect.poll(() => status().textContent()).toContain('client-keeps');
    await openView(page, 'Candidates');
    await expect.poll(() => row.textContent()).toMatch(/^.*slow-living.*✗ .*not a hashtag/);
    await screenshots('draft-row');
    // The run's estimate says what it will skip, before any credit is spent.
    await sideBar().getByRole('button', { name: 'Run', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm the run' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.textContent()).toContain('1 row skipped: slow-living — not a hashtag');
    await screenshots('estimate-skipped');
    await confirm.getByRole('button', { name: 'Not now' }).click();
    // Fixed in place, the row joins the list and the draft goes: the list file says it all again.
    await row.getByRole('gridcell', { name: 'slow-living', exact: true }).dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('slowliving');
    await page.keyboard.press('Enter');
    await expect.poll(() => readFile(path.join(ws, 'tags.csv'), 'utf8')).toContain('\nslowliving\n');
    await expect
      .poll(() =>
        readFile(path.join(ws, 'tags.draft.csv'), 'utf8').then(
          () => 'there',
          () => 'gone',
        ),
      )
      .toBe('gone');
  }, 120_000);

  it('Decode’s Add is per tag: generic tags start unticked, and Add says what it added and skipped', async () => {
    const { tags } = await decodeInCompetitors(page, 'acme_designs');
    const boxes = tags.getByRole('checkbox', { name: /^Add #/ });
    const offered = await boxes.evaluateAll((els) =>
      els.map((e) => ({
        tag: (e.getAttribute('aria-label') ?? '').replace(/^Add #/, ''),
        ticked: (e as unknown as { checked: boolean }).checked,
        note: e.closest('tr')?.lastElementChild?.textContent ?? '',
      })),
    );
    // The mega tags the simulator's captions carry (#fyp, #viral, …) are offered unticked, said generic.
    const mega = offered.filter((o) => ['fyp', 'foryou', 'viral', 'foryoupage'].includes(o.tag));
    expect(mega.length).toBeGreaterThan(0);
    for (const m of mega) expect(m).toMatchObject({ ticked: false, note: 'not ticked: generic' });
    // The tags already candidates are not offered again.
    expect(offered.map((o) => o.tag)).not.toContain('founderlife');
    // The user leaves one more out by hand.
    const byHand = offered.find((o) => o.ticked)!;
    await tags.getByRole('checkbox', { name: `Add #${byHand.tag}`, exact: true }).uncheck();
    const chosen = offered.filter((o) => o.ticked && o.tag !== byHand.tag).map((o) => o.tag);
    const add = tags.getByRole('button', { name: /^Add \d+ tags? to the candidates$/ });
    expect(await add.textContent()).toBe(
      `Add ${chosen.length} ${chosen.length === 1 ? 'tag' : 'tags'} to the candidates`,
    );
    await add.click();
    const said = tags.getByRole('status');
    await expect.poll(() => said.textContent()).toMatch(/^Added #/);
    const text = (await said.textContent())!;
    expect(text.startsWith(`Added ${chosen.map((t) => `#${t}`).join(', ')} to Candidates; skipped `)).toBe(
      true,
    );
    for (const m of mega) expect(text).toContain(`#${m.tag} (generic)`);
    expect(text).toContain(`#${byHand.tag} (not ticked)`);
    const list = await readFile(path.join(ws, 'tags.csv'), 'utf8');
    for (const t of chosen) expect(list).toContain(`\n${t}\n`);
    for (const m of mega) expect(list).not.toContain(`\n${m.tag}\n`);
    await screenshots('decode-add');
  }, 120_000);
});
