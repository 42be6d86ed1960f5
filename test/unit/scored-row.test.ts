// Every field of the scored-row projection reaches every output that claims it (shared/scored-row.ts says which):
// the --json row, the CSV report, the Markdown and HTML reports, the stored history record and the app's outcome.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toJsonDocument } from '../../src/cli/json-output';
import { PRESETS } from '../../src/core/engine/presets';
import { CSV_COLUMNS, renderCsvReport } from '../../src/core/report/csv';
import { regionDocument } from '../../src/core/report/document';
import { summaryDocument } from '../../src/core/report/run-summary';
import { renderHtmlReport } from '../../src/core/report/html';
import { renderMarkdown } from '../../src/core/report/markdown';
import { toStoredRun } from '../../src/core/workspace/history';
import { toOutcome } from '../../src/main/handlers/run';
import type { RunResult, ScoredTag } from '../../src/shared/model';
import { SCORED_ROW_FIELDS, type ScoredRowKey } from '../../src/shared/scored-row';

const settings = PRESETS.organic;
/** A stopped tag's estimate, said in its 'sampled-less' flag's words as the engine joins them. */
const ESTIMATE =
  'estimated from 2 of 3 pages: corrected for the page order by −4.3 (± 1.2, learnt from 12 fully sampled pairs); 47.50 from the posts in hand';
const SAMPLED_LESS = 'Sampled 70 of 90 by adaptive sampling: the ranking was decided without the rest.';
const probe: ScoredTag = {
  tag: 'probetag',
  candidate: 'askedprobe',
  rank: 7,
  score: 43.21,
  velocity: 0.8765,
  density: 1234.5,
  overlap: 0.25,
  normalised: { velocity: 0.61, density: 0.72, overlap: 0.83 },
  sample: 60,
  served: 70,
  distinctAuthors: 41,
  targetAuthors: 3,
  medianLikes: 512,
  meanLikes: 777.7,
  newestPostAt: 1_763_600_000,
  userCount: 9_876,
  viewCount: 5_432_100,
  isCommerce: true,
  flags: [
    { kind: 'small-sample', reason: 'only 60 posts, under 70' },
    { kind: 'sampled-less', reason: `${SAMPLED_LESS} Its score is ${ESTIMATE}.` },
  ],
  history: {
    previousRunAt: '2026-11-13T08:00:00.000Z',
    userCountGrowthPerWeek: 0.125,
    viewCountGrowthPerWeek: -0.04,
    scoreChange: 3.5,
    rankChange: 2,
    previousVelocity: 0.31,
    crossedVelocityThreshold: true,
  },
  stoppedEarly: 'ranked outside the top 10 after page 2',
  tieBand: 'in the tie band at the top-10 boundary after 3 of 3 pages',
  inHandScore: 47.5,
  estimate: {
    pages: 2,
    of: 3,
    inHandScore: 47.5,
    inHandNormalised: { velocity: 0.7, density: 0.7, overlap: 0.85 },
    correction: -4.29,
    se: 1.2,
    partSe: { velocity: 0.02, density: 0.01, overlap: 0 },
    shift: { velocity: -0.1, logLikes: 0.05, overlap: -0.02 },
    learntFrom: 12,
    text: ESTIMATE,
  },
  confidence: {
    low: 40.1,
    high: 47.9,
    rankLow: 5,
    rankHigh: 9,
    label: 'uncertain',
    reason: 'its rank range #5-#9 is too wide',
  },
};
const result: RunResult = {
  now: '2026-11-20T08:00:00.000Z',
  preset: 'organic',
  settings,
  regions: { US: { region: 'US', ranked: [probe], excluded: [] } },
  credits: {
    used: 3,
    byEndpoint: { '/challenge-posts/': 3 },
    calls: 3,
    retries: 0,
    rateLimited: 0,
    fromCache: 0,
    saved: { byCache: 0, byInfoOnce: 0 },
  },
  failed: [],
};

type Output = 'json' | 'csv' | 'markdown' | 'html' | 'history' | 'ipc';
const OUTPUTS: readonly Output[] = ['json', 'csv', 'markdown', 'html', 'history', 'ipc'];

/** Which outputs claim a field, as scored-row.ts declares it. */
function claims(key: ScoredRowKey): Output[] {
  const f = SCORED_ROW_FIELDS.find((x) => x.key === key)!;
  return [
    'json',
    'ipc',
    ...(f.csv.length > 0 ? (['csv'] as const) : []),
    ...(f.report !== null ? (['markdown', 'html'] as const) : []),
    ...(f.history ? (['history'] as const) : []),
  ];
}

/** The probe's values as each CSV column should read, written out by hand. */
const CSV_EXPECTED: Record<string, string> = {
  tag: 'probetag',
  candidate: 'askedprobe',
  rank: '7',
  score: '43.21',
  velocity: '0.8765',
  density: '1234.5',
  overlap: '0.25',
  velocity_normalised: '0.61',
  density_normalised: '0.72',
  overlap_normalised: '0.83',
  sample: '60',
  served: '70',
  distinct_authors: '41',
  target_authors: '3',
  median_likes: '512',
  mean_likes: '777.7',
  newest_post_at: '2025-11-20T00:53:20.000Z',
  user_count: '9876',
  view_count: '5432100',
  is_commerce: 'true',
  flags: 'small-sample; sampled-less',
  flag_reasons: `small-sample: only 60 posts, under 70 | sampled-less: ${SAMPLED_LESS} Its score is ${ESTIMATE}.`,
  previous_run_at: '2026-11-13T08:00:00.000Z',
  user_count_growth_per_week: '0.125',
  view_count_growth_per_week: '-0.04',
  score_change: '3.5',
  rank_change: '2',
  previous_velocity: '0.31',
  crossed_velocity_threshold: 'true',
  score_low: '40.1',
  score_high: '47.9',
  rank_low: '5',
  rank_high: '9',
  confidence: 'uncertain',
  confidence_reason: 'its rank range #5-#9 is too wide',
  stopped_early: 'ranked outside the top 10 after page 2',
  in_hand_score: '47.5',
  score_estimated: ESTIMATE,
};

const LABEL = '#probetag (asked as #askedprobe)';
/** What the Markdown and HTML reports must show of each field they claim: a cell of the probe's row, or a line. */
type Evidence = { column: string; cell: string } | { line: string };
const REPORT_EXPECTED: Partial<Record<ScoredRowKey, Evidence[]>> = {
  tag: [{ column: 'Tag', cell: LABEL }],
  candidate: [{ column: 'Tag', cell: LABEL }],
  rank: [{ column: 'Rank', cell: '7' }],
  score: [{ column: 'Score', cell: '43.21' }],
  velocity: [{ column: 'Velocity', cell: '88 %' }],
  density: [{ column: 'Density', cell: '1,234' }],
  overlap: [{ column: 'Overlap', cell: '0.25' }],
  sample: [{ column: 'Sample', cell: '60 (of 70 served)' }],
  served: [{ column: 'Sample', cell: '60 (of 70 served)' }],
  distinctAuthors: [{ column: 'Authors', cell: '41' }],
  targetAuthors: [{ column: 'Target authors', cell: '3' }],
  medianLikes: [{ column: 'Median likes', cell: '512' }],
  flags: [
    { column: 'Flags', cell: 'small-sample, sampled-less' },
    { line: `${LABEL}, small-sample: only 60 posts, under 70` },
    // The flag says why in adaptive sampling's words, once (the probe was stopped early).
    { line: `${LABEL}, sampled-less: Ranked outside the top 10 after page 2.` },
  ],
  history: [
    { column: 'Since', cell: '2026-11-13 08:00 UTC' },
    { column: 'Creators per week', cell: '+12.5 %' },
    { column: 'Views per week', cell: '−4.0 %' },
    { column: 'Score change', cell: '+3.50' },
    { column: 'Rank change', cell: '+2' },
    { column: 'Velocity crossed threshold', cell: 'rose above' },
  ],
  stoppedEarly: [{ line: `${LABEL}, sampled-less: Ranked outside the top 10 after page 2.` }],
  tieBand: [{ line: `${LABEL}, tie band: in the tie band at the top-10 boundary after 3 of 3 pages` }],
  inHandScore: [
    {
      line: `${LABEL}, score ${ESTIMATE}`,
    },
  ],
  estimate: [
    {
      line: `${LABEL}, score ${ESTIMATE}`,
    },
  ],
  confidence: [
    { column: '90 % interval', cell: '40.10–47.90' },
    { column: 'Rank range', cell: '#5–#9' },
    { column: 'Confidence', cell: 'uncertain' },
    { line: `${LABEL}, uncertain: its rank range #5-#9 is too wide` },
  ],
};

/** A report read back as a reader sees it: its tables (header and rows of cells) and its list lines. */
interface ReadReport {
  tables: { header: string[]; rows: string[][] }[];
  lines: string[];
}

function readMarkdown(md: string): ReadReport {
  const out: ReadReport = { tables: [], lines: [] };
  const unescape = (s: string): string => s.replace(/\\(.)/g, '$1').trim();
  const cells = (line: string): string[] =>
    line
      .slice(2, -2)
      .split(/(?<!\\)\|/)
      .map(unescape);
  let table: { header: string[]; rows: string[][] } | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      table = undefined;
      if (line.startsWith('- ')) out.lines.push(unescape(line.slice(2)));
      continue;
    }
    if (!table) out.tables.push((table = { header: cells(line), rows: [] }));
    else if (!/^\|[-:|]+\|$/.test(line)) table.rows.push(cells(line));
  }
  return out;
}

function readHtml(html: string): ReadReport {
  const text = (s: string): string =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const cellsOf = (row: string, tag: string): string[] =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => text(m[1]!));
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const rows = [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => r[1]!);
    return { header: cellsOf(rows[0]!, 'th'), rows: rows.slice(1).map((r) => cellsOf(r, 'td')) };
  });
  const lines = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!));
  return { tables, lines };
}

function shown(report: ReadReport, e: Evidence): boolean {
  if ('line' in e) return report.lines.includes(e.line);
  return report.tables.some((t) => {
    const col = t.header.indexOf(e.column);
    return col >= 0 && t.rows.some((r) => r.includes(LABEL) && r[col] === e.cell);
  });
}

/** Each output of the run, as its reader gets it. */
function outputs(run: RunResult) {
  const region = run.regions.US!;
  const doc = regionDocument({ result: region, branding: null, date: '2026-11-20', settings, now: run.now });
  return {
    json: toJsonDocument(run).regions.US as { ranked: Record<string, unknown>[] },
    csv: renderCsvReport(region),
    markdown: renderMarkdown(doc),
    html: renderHtmlReport({
      title: 'Tagfit report',
      summary: summaryDocument(run, { date: '2026-11-20', regionNames: {}, branding: null }),
      regions: [{ code: 'US', name: 'United States', doc }],
    }),
    history: toStoredRun(run, '2026-11-20T08-00-00Z').regions.US!.ranked,
    ipc: structuredClone(toOutcome('run-1', run, { written: [] }, 0, false)).result.regions.US!.ranked,
  };
}

/** The fields an output claims that its rendering of the probe lacks or gets wrong. */
function missing(output: Output, rendered: unknown): ScoredRowKey[] {
  const keys = SCORED_ROW_FIELDS.map((f) => f.key).filter((k) => claims(k).includes(output));
  const want = (k: ScoredRowKey): unknown =>
    k === 'flags' && output !== 'ipc' ? probe.flags.map((f) => f.kind) : probe[k];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  switch (output) {
    case 'json': {
      const row = (rendered as { ranked: Record<string, unknown>[] }).ranked[0]!;
      return keys.filter(
        (k) =>
          !same(row[k], want(k)) ||
          (k === 'flags' &&
            !same(row.reasons, {
              'small-sample': probe.flags[0]!.reason,
              'sampled-less': probe.flags[1]!.reason,
            })),
      );
    }
    case 'history':
    case 'ipc': {
      const row = (rendered as Record<string, unknown>[])[0]!;
      return keys.filter((k) => !same(row[k], want(k)));
    }
    case 'csv': {
      const [row] = parse(rendered as string, { columns: true, bom: true }) as Record<string, string>[];
      const columnsOf = (k: ScoredRowKey): readonly string[] =>
        SCORED_ROW_FIELDS.find((f) => f.key === k)!.csv;
      return keys.filter((k) => columnsOf(k).some((c) => row?.[c] !== CSV_EXPECTED[c]));
    }
    case 'markdown':
    case 'html': {
      const report = output === 'markdown' ? readMarkdown(rendered as string) : readHtml(rendered as string);
      return keys.filter((k) => {
        const evidence = REPORT_EXPECTED[k];
        if (!evidence) throw new Error(`${k} is claimed by the reports but this test says nothing of it`);
        return !evidence.every((e) => shown(report, e));
      });
    }
  }
}

describe('the scored-row projection', () => {
  it('lists every CSV column it names among the CSV report columns, each once', () => {
    const named: string[] = SCORED_ROW_FIELDS.flatMap((f) => [...f.csv]);
    expect(new Set(named).size).toBe(named.length);
    for (const c of named) expect(CSV_COLUMNS).toContain(c);
    expect(CSV_COLUMNS.filter((c) => !named.includes(c))).toEqual(['region', 'status', 'status_reason']);
  });

  it.each(OUTPUTS)('every field claimed by %s reaches it', (output) => {
    expect(missing(output, outputs(result)[output])).toEqual([]);
  });

  it.each(['markdown', 'html'] as const)(
    "%s says a stopped tag's estimate once, on its own line, and why it was stopped once",
    (output) => {
      const rendered = outputs(result)[output];
      const report = output === 'markdown' ? readMarkdown(rendered) : readHtml(rendered);
      const said = [...report.lines, ...report.tables.flatMap((t) => t.rows.flat())].filter((x) =>
        x.includes(ESTIMATE),
      );
      expect(said).toEqual([`${LABEL}, score ${ESTIMATE}`]);
      // Why it was sampled less, once too: the rule's words on the flag's line, no line of its own beside it.
      const why = report.lines.filter((x) => x.startsWith(LABEL) && /sampled.less/.test(x));
      expect(why).toEqual([`${LABEL}, sampled-less: Ranked outside the top 10 after page 2.`]);
    },
  );

  it('--json rows carry the confidence as the app shows it', () => {
    const row = outputs(result).json.ranked[0]!;
    expect(row.confidence).toEqual({
      low: 40.1,
      high: 47.9,
      rankLow: 5,
      rankHigh: 9,
      label: 'uncertain',
      reason: 'its rank range #5-#9 is too wide',
    });
  });

  describe('a field removed from an output fails the check', () => {
    it('json and ipc rows without the confidence', () => {
      const o = outputs(result);
      delete o.json.ranked[0]!.confidence;
      expect(missing('json', o.json)).toEqual(['confidence']);
      const ipc = o.ipc.map((t) => ({ ...t, confidence: undefined }));
      expect(missing('ipc', ipc)).toEqual(['confidence']);
    });

    it('a CSV whose rank_high column is renamed', () => {
      const csv = outputs(result).csv.replace(',rank_high,', ',rank_hi,');
      expect(missing('csv', csv)).toEqual(['confidence']);
    });

    it('reports without the rank range or the momentum table', () => {
      const o = outputs(result);
      expect(missing('markdown', o.markdown.replaceAll('#5–#9', ''))).toEqual(['confidence']);
      expect(missing('html', o.html.replace('>+2<', '><'))).toEqual(['history']);
    });

    it('a history record without the velocity', () => {
      const rows = outputs(result).history.map((t) => ({ ...t, velocity: undefined }));
      expect(missing('history', rows)).toEqual(['velocity']);
    });
  });
});
