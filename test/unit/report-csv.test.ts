// The CSV report: columns, RFC 4180 quoting, UTF-8 BOM, and the CSV-injection guard on text cells only.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, guardCell, renderCsvReport } from '../../src/core/report/csv';
import type { RegionResult, ScoredTag } from '../../src/shared/model';

function tag(name: string, extra: Partial<ScoredTag> = {}): ScoredTag {
  return {
    tag: name,
    candidate: name,
    rank: 1,
    score: 64.5,
    velocity: 0.5,
    density: 250,
    overlap: 0.25,
    normalised: { velocity: 1, density: 0.5, overlap: 0 },
    sample: 90,
    served: 92,
    distinctAuthors: 40,
    targetAuthors: 2,
    medianLikes: 120,
    meanLikes: 250,
    newestPostAt: 1_700_000_000,
    userCount: 482_301,
    viewCount: 1_820_000_000,
    isCommerce: false,
    flags: [],
    ...extra,
  };
}

const rows = (csv: string): Record<string, string>[] =>
  parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('renderCsvReport', () => {
  it('writes a BOM, a header, one CRLF row per ranked tag, then the excluded and failed tags with their status', () => {
    const result: RegionResult = {
      region: 'US',
      ranked: [
        tag('smallbusinesscheck', {
          flags: [{ kind: 'small-sample', reason: 'Only 45 posts sampled.' }],
          history: {
            previousRunAt: '2026-11-13T09:00:00.000Z',
            userCountGrowthPerWeek: 0.4,
            viewCountGrowthPerWeek: null,
            scoreChange: -3.5,
            rankChange: -2,
            previousVelocity: 0.3,
            crossedVelocityThreshold: true,
          },
        }),
        tag('founderlife', { rank: 2, score: 30, isCommerce: true }),
      ],
      excluded: [{ tag: 'ghost', kind: 'not-found', reason: 'not found' }],
    };
    const csv = renderCsvReport(result, [
      { tag: 'broken', region: 'US', error: 'Timed out', code: 'timeout' },
    ]);
    expect(csv.startsWith('\uFEFFregion,rank,tag,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(6); // header, 2 ranked, 1 excluded, 1 failed, final empty string
    const [first, second, third, fourth] = rows(csv);
    expect(Object.keys(first!)).toEqual([...CSV_COLUMNS]);
    expect(first).toMatchObject({
      region: 'US',
      rank: '1',
      tag: 'smallbusinesscheck',
      score: '64.5',
      velocity: '0.5',
      density: '250',
      overlap: '0.25',
      velocity_normalised: '1',
      sample: '90',
      served: '92',
      distinct_authors: '40',
      target_authors: '2',
      median_likes: '120',
      user_count: '482301',
      view_count: '1820000000',
      is_commerce: 'false',
      newest_post_at: '2023-11-14T22:13:20.000Z',
      flags: 'small-sample',
      flag_reasons: 'small-sample: Only 45 posts sampled.',
      previous_run_at: '2026-11-13T09:00:00.000Z',
      user_count_growth_per_week: '0.4',
      view_count_growth_per_week: '',
      // Negative numbers we write stay numbers: no injection guard on them.
      score_change: '-3.5',
      rank_change: '-2',
      crossed_velocity_threshold: 'true',
    });
    expect(second).toMatchObject({
      tag: 'founderlife',
      is_commerce: 'true',
      previous_run_at: '',
      score_change: '',
      status: 'ranked',
    });
    expect(third).toMatchObject({
      tag: 'ghost',
      rank: '',
      score: '',
      status: 'excluded',
      status_reason: 'not-found: not found',
    });
    expect(fourth).toMatchObject({
      tag: 'broken',
      rank: '',
      status: 'failed',
      status_reason: 'timeout: Timed out',
    });
  });

  it('guards text cells that a spreadsheet would run as a formula', () => {
    const names = ['=cmd|" /C calc"!A0', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝full'];
    const result: RegionResult = {
      region: 'US',
      ranked: names.map((n, i) => tag(n, { rank: i + 1, candidate: n, score: -1 })),
      excluded: [],
    };
    const parsed = rows(renderCsvReport(result));
    expect(parsed.map((r) => r.tag)).toEqual(names.map((n) => `'${n}`));
    expect(parsed.map((r) => r.candidate)).toEqual(names.map((n) => `'${n}`));
    expect(parsed.every((r) => r.score === '-1')).toBe(true);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    const result: RegionResult = { region: 'US', ranked: [tag('a,b "c"\nd')], excluded: [] };
    const csv = renderCsvReport(result);
    expect(csv).toContain('"a,b ""c""\nd"');
    expect(rows(csv)[0]!.tag).toBe('a,b "c"\nd');
  });

  it('keeps accents and CJK as UTF-8', () => {
    const csv = renderCsvReport({
      region: 'JP',
      ranked: [tag('日本語タグ'), tag('ça_va', { rank: 2 })],
      excluded: [],
    });
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rows(csv).map((r) => r.tag)).toEqual(['日本語タグ', 'ça_va']);
  });

  it('writes the header alone when no tag was ranked', () => {
    expect(renderCsvReport({ region: 'US', ranked: [], excluded: [] })).toBe(
      `\uFEFF${CSV_COLUMNS.join(',')}\r\n`,
    );
  });
});

describe('guardCell', () => {
  it('prefixes only dangerous starts', () => {
    expect(guardCell('=1')).toBe("'=1");
    expect(guardCell('a=1')).toBe('a=1');
    expect(guardCell('')).toBe('');
  });
});
