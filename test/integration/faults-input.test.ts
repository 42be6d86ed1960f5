// The fault suite, input side: the lists a person hands the spawned `tagfit score`, as spreadsheets and
// editors really write them. Tolerated quirks score normally; a bad row is named with file, line, column and
// reason (exit 2), and with --skip-invalid the valid rows are still scored (nothing is lost).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { type CliRun, runCli, tempDir } from '../support/cli';
import { KEY, NOW } from '../support/faults';

let sim: SimulatorHandle;
let dir: { dir: string; dispose: () => Promise<void> };

beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: Date.parse(NOW) });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.resetStats();
});
afterEach(async () => {
  await dir.dispose();
});

interface Doc {
  regions: Record<string, { ranked: { tag: string; candidate: string; targetAuthors: number }[] }>;
  failed: unknown[];
}

const DEFAULT_LISTS = {
  'tags.csv': 'tag\nfounderlife\nsmallbusinesscheck\n',
  'creators.csv': 'unique_id\nacme_designs\n',
  'regions.csv': 'code\nUS\n',
};

/** Writes the lists (defaults for the ones not given) and runs `tagfit score --json` on them. */
async function score(
  files: Partial<Record<keyof typeof DEFAULT_LISTS, string | Buffer>>,
  extra: string[] = [],
): Promise<CliRun & { doc?: Doc; file: (name: string) => string }> {
  dir = await tempDir();
  const file = (name: string): string => path.join(dir.dir, name);
  for (const [name, content] of Object.entries({ ...DEFAULT_LISTS, ...files })) {
    await writeFile(file(name), content);
  }
  const r = await runCli(
    [
      'score',
      ...['--tags', file('tags.csv'), '--creators', file('creators.csv'), '--regions', file('regions.csv')],
      ...['--api-base', sim.url, '--now', NOW, '--rpm', '100000', '--pages', '1', '--page-size', '10'],
      '--json',
      ...(extra.includes('--verbose') ? [] : ['--quiet']),
      ...extra.filter((a) => a !== '--verbose'),
    ],
    { env: { TIKLIVE_KEY: KEY } },
  );
  const doc = r.code !== 2 && r.stdout ? (JSON.parse(r.stdout) as Doc) : undefined;
  return { ...r, doc, file };
}

const rankedTags = (doc: Doc | undefined, region = 'US'): string[] =>
  (doc?.regions[region]?.ranked ?? []).map((t) => t.candidate).sort();

describe('input: tolerated quirks score normally', () => {
  it.each([
    ['a UTF-8 BOM', '\uFEFFtag\nfounderlife\nsmallbusinesscheck\n'],
    ['CRLF line endings', 'tag\r\nfounderlife\r\nsmallbusinesscheck\r\n'],
    [
      'blank lines and empty spreadsheet rows',
      '\n\ntag,note\n\nfounderlife,\n,,\n\nsmallbusinesscheck,x\n\n',
    ],
    ['# prefixes, mixed case and surrounding spaces', 'tag\n  #FounderLife \n#smallBusinessCheck\n'],
    [
      'quoted commas in another column',
      'note,tag\n"weekly, EU",founderlife\n"a ""quoted"", note",smallbusinesscheck\n',
    ],
    ['";" as the delimiter (Excel in many locales)', 'note;tag\nx;founderlife\ny;smallbusinesscheck\n'],
  ])('%s', async (_, tags) => {
    const r = await score({ 'tags.csv': tags });
    expect(r.code, r.stderr).toBe(0);
    expect(rankedTags(r.doc)).toEqual(['founderlife', 'smallbusinesscheck']);
  });

  it('duplicates are merged and reported with their lines (not under --quiet); each is fetched once', async () => {
    const tags = 'tag\nfounderlife\nsmallbusinesscheck\n#FounderLife\nfounderlife\n';
    const quiet = await score({ 'tags.csv': tags });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    sim.resetStats();
    // "--verbose" is this file's helper saying: leave out --quiet.
    const r = await score({ 'tags.csv': tags }, ['--verbose']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: merged duplicates of "founderlife" (lines 2, 4, 5)');
    expect(rankedTags(r.doc)).toEqual(['founderlife', 'smallbusinesscheck']);
    expect(sim.stats().byEndpoint['/challenge-info-name/']).toBe(2);
  });

  it('a username with @ and a lowercase region code are normalised', async () => {
    const r = await score({
      'creators.csv': 'unique_id\n@Acme_Designs\n@studio_north\n',
      'regions.csv': 'code\nus\n gb \n',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(r.doc!.regions)).toEqual(['US', 'GB']);
    expect(rankedTags(r.doc, 'GB')).toEqual(['founderlife', 'smallbusinesscheck']);
  });

  it('CJK hashtags are scored; an emoji hashtag is named with line and reason, the rest still usable', async () => {
    const tags = 'tag\n#먹방\ncafé\n🔥fire\nfounderlife\n';
    const strict = await score({ 'tags.csv': tags });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(
      `${strict.file('tags.csv')}:4: tag: "🔥fire" is not a hashtag: contains an emoji (🔥): a hashtag has only letters, digits and _`,
    );
    expect(strict.stdout).toBe('');
    await dir.dispose();
    const lenient = await score({ 'tags.csv': tags }, ['--skip-invalid']);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(/warning: skipped .*tags\.csv:4: tag: "🔥fire"/);
    expect(rankedTags(lenient.doc)).toEqual(['café', 'founderlife', '먹방'].sort());
  });
});

describe('input: bad rows and bad files are named, and the valid rows stay usable', () => {
  it('a wrong header names the file, the line and the column expected', async () => {
    const r = await score({ 'tags.csv': 'hashtag,notes\nfounderlife,x\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `tagfit: ${r.file('tags.csv')} line 1: expected a header with a column named "tag", found "hashtag", "notes".`,
    );
    expect(sim.stats().requests).toBe(0);
  });

  it('a missing header (the first row is already a value) is named the same way', async () => {
    const r = await score({ 'regions.csv': 'US\nGB\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${r.file('regions.csv')} line 1: expected a header with a column named "code", found "US"`,
    );
  });

  it('a quoted comma inside a hashtag, spaces inside, an unclosed quote: each named, the valid rows scored with --skip-invalid', async () => {
    const tags = 'tag\nfounderlife\n"small,business"\nsmall business\n"unclosed\nsmallbusinesscheck\n';
    const strict = await score({ 'tags.csv': tags });
    expect(strict.code).toBe(2);
    const f = strict.file('tags.csv');
    expect(strict.stderr).toContain(`${f}:3: tag: "small,business" is not a hashtag: contains ","`);
    expect(strict.stderr).toContain(`${f}:4: tag: "small business" is not a hashtag: contains a space`);
    expect(strict.stderr).toContain(`${f}:5: tag: a quote opened here is never closed (the line is skipped)`);
    await dir.dispose();
    const lenient = await score({ 'tags.csv': tags }, ['--skip-invalid']);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(rankedTags(lenient.doc)).toEqual(['founderlife', 'smallbusinesscheck']);
  });

  it('10,000 rows: read whole, a bad row deep inside named by its line, the 9,999 others used', async () => {
    // 10,000 data rows: fillers, one bad row on line 7,777, and the real target creators at the very end.
    const demoCreators = buildDemoDataset().creators;
    const rows = ['unique_id'];
    for (let i = 0; i < 10_000 - 1 - demoCreators.length; i++) rows.push(`creator_${i}`);
    rows.splice(7_776, 0, 'not a user!');
    rows.push(...demoCreators);
    expect(rows).toHaveLength(10_001);
    const creators = `${rows.join('\r\n')}\r\n`;
    const strict = await score({ 'creators.csv': creators });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(
      `${strict.file('creators.csv')}:7777: unique_id: "not a user!" is not a username`,
    );
    await dir.dispose();
    const lenient = await score({ 'creators.csv': creators }, ['--skip-invalid', '--page-size', '30']);
    expect(lenient.code, lenient.stderr).toBe(0);
    // The target creators at the very end were read: they show up in the overlap.
    expect(lenient.doc!.regions.US!.ranked.some((t) => t.targetAuthors > 0)).toBe(true);
  });

  it.each([
    ['an empty file', '', /tags\.csv is empty: expected a CSV list\./],
    [
      'a file that is not CSV (binary)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      /tags\.csv is not a text file \(it contains NUL bytes\)/,
    ],
    [
      'a UTF-16 file',
      Buffer.from('\uFEFFtag\nfounderlife\n', 'utf16le'),
      /tags\.csv is UTF-16 text: save it as "CSV UTF-8"/,
    ],
    ['only a header', 'tag\n', /tags\.csv: no candidate hashtags to score\./],
  ])('%s is refused naming the file, before any call', async (_, content, message) => {
    const r = await score({ 'tags.csv': content });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(sim.stats().requests).toBe(0);
  });

  it('a file that cannot be read (missing, or a folder) names the path and why', async () => {
    const r = await score({});
    await mkdir(r.file('folder.csv'));
    const missing = await runCli(
      [
        'score',
        '--tags',
        r.file('nope.csv'),
        '--creators',
        r.file('creators.csv'),
        '--regions',
        r.file('regions.csv'),
      ],
      { env: { TIKLIVE_KEY: KEY } },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`tagfit: Cannot read ${r.file('nope.csv')}: no such file.`);
    const folder = await runCli(
      [
        'score',
        '--tags',
        r.file('folder.csv'),
        '--creators',
        r.file('creators.csv'),
        '--regions',
        r.file('regions.csv'),
      ],
      { env: { TIKLIVE_KEY: KEY } },
    );
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(
      `tagfit: Cannot read ${r.file('folder.csv')}: it is a folder, not a file.`,
    );
  });
});
