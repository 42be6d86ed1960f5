// The Markdown report of one region: first the reference's report exactly, then Tagfit's own sections
// (every ranked tag with its sample, flags, momentum, exclusions, failures, credits).
import type { Credits, FailedTag, PresetName, RegionResult, RunResult, ScoredTag } from '../../shared/model';
import { formatFixed, formatPythonFloat, formatTruncated } from '../engine/decimal';
import { dropBidi } from '../text/safe-text';

export interface MarkdownExtras {
  /** The country's name from the region list, e.g. "United States". */
  regionName?: string;
  /** Hashtags whose fetch failed (for this region, or for every region when the failure was shared). */
  failed?: readonly FailedTag[];
  /** The whole run's credits. */
  credits?: Credits;
  preset?: PresetName;
  stopped?: RunResult['stopped'];
}

/** The reference prints the top 20. */
const REFERENCE_TOP = 20;

/**
 * Makes any text safe inside a Markdown table cell or list item: line breaks become spaces, invisible
 * direction overrides (which can disguise a name) are dropped, and characters that Markdown or GFM would
 * read as syntax are backslash-escaped. An underscore between two letters or digits is left alone: GFM
 * never reads it as emphasis, and tags like #small_business then print exactly as the reference prints them.
 */
export function escapeMarkdown(text: string): string {
  const flat = dropBidi(text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ')).replace(/\p{Cc}/gu, ' ');
  const chars = [...flat];
  const wordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let out = '';
  chars.forEach((c, i) => {
    if (c === '_') out += wordChar(chars[i - 1]) && wordChar(chars[i + 1]) ? '_' : '\\_';
    else if ('\\`*[]<>|~&@'.includes(c)) out += `\\${c}`;
    else out += c;
  });
  // GFM turns bare "www." and "scheme://" into links: break both.
  return out.replace(/www\./gi, (m) => `${m.slice(0, 3)}\\.`).replace(/:\/\//g, '\\://');
}

const tagCell = (t: { tag: string }): string => `#${escapeMarkdown(t.tag)}`;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}

/** The reference report, byte for byte (with names escaped): heading, blank line, top-20 table. */
function referenceSection(result: RegionResult, date: string): string[] {
  const lines = [`# Hashtag report ${result.region} ${date}`, ''];
  lines.push('| Tag | Score | Velocity | Density | Overlap |');
  lines.push('|---|---|---|---|---|');
  for (const t of result.ranked.slice(0, REFERENCE_TOP)) {
    lines.push(
      `| ${tagCell(t)} | ${formatPythonFloat(t.score)} | ${formatFixed(t.velocity, 2)} | ${formatTruncated(t.density)} | ${formatFixed(t.overlap, 2)} |`,
    );
  }
  return lines;
}

const percent = (x: number | null): string =>
  x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${formatFixed(x * 100, 1)} %`;
const signed = (x: number | null, f: (n: number) => string): string =>
  x === null ? 'n/a' : `${x > 0 ? '+' : ''}${f(x)}`;

function rankedSection(ranked: readonly ScoredTag[]): string[] {
  const lines = ['## All ranked tags', ''];
  if (ranked.length === 0) return [...lines, 'No tag was scored in this region.'];
  return [
    ...lines,
    ...table(
      [
        'Rank',
        'Tag',
        'Score',
        'Velocity',
        'Density',
        'Overlap',
        'Sample',
        'Authors',
        'Target authors',
        'Median likes',
        'Flags',
      ],
      ranked.map((t) => [
        String(t.rank),
        tagCell(t),
        formatPythonFloat(t.score),
        formatFixed(t.velocity, 2),
        formatFixed(t.density, 2),
        formatFixed(t.overlap, 2),
        t.served !== t.sample ? `${t.sample} (of ${t.served} served)` : String(t.sample),
        String(t.distinctAuthors),
        String(t.targetAuthors),
        formatFixed(t.medianLikes, 0),
        t.flags.length > 0 ? t.flags.map((f) => f.kind).join(', ') : '',
      ]),
    ),
  ];
}

function flagsSection(ranked: readonly ScoredTag[]): string[] {
  const lines = ['## Flags', ''];
  const flagged = ranked.filter((t) => t.flags.length > 0);
  if (flagged.length === 0) return [...lines, 'No ranked tag was flagged.'];
  for (const t of flagged) {
    for (const f of t.flags) lines.push(`- ${tagCell(t)}, ${f.kind}: ${escapeMarkdown(f.reason)}`);
  }
  return lines;
}

function momentumSection(ranked: readonly ScoredTag[]): string[] {
  const lines = ['## Momentum', ''];
  const withHistory = ranked.filter((t) => t.history !== undefined);
  if (withHistory.length === 0) return [...lines, 'No earlier run to compare with yet.'];
  return [
    ...lines,
    ...table(
      [
        'Tag',
        'Since',
        'Creators per week',
        'Views per week',
        'Score change',
        'Rank change',
        'Velocity crossed threshold',
      ],
      withHistory.map((t) => {
        const h = t.history!;
        return [
          tagCell(t),
          escapeMarkdown(h.previousRunAt),
          percent(h.userCountGrowthPerWeek),
          percent(h.viewCountGrowthPerWeek),
          signed(h.scoreChange, formatPythonFloat),
          signed(h.rankChange, String),
          h.crossedVelocityThreshold ? 'yes' : 'no',
        ];
      }),
    ),
  ];
}

function excludedSection(result: RegionResult): string[] {
  const lines = ['## Excluded tags', ''];
  if (result.excluded.length === 0) return [...lines, 'None.'];
  return [
    ...lines,
    ...table(
      ['Tag', 'Why', 'Reason'],
      result.excluded.map((e) => [tagCell(e), e.kind, escapeMarkdown(e.reason)]),
    ),
  ];
}

function failedSection(failed: readonly FailedTag[]): string[] {
  const lines = ['## Failed tags', ''];
  if (failed.length === 0) return [...lines, 'None.'];
  return [
    ...lines,
    ...table(
      ['Tag', 'Region', 'Error', 'Message'],
      failed.map((f) => [tagCell(f), escapeMarkdown(f.region), f.code, escapeMarkdown(f.error)]),
    ),
  ];
}

function stoppedSection(stopped: NonNullable<RunResult['stopped']>, region: string): string[] {
  const unscored = stopped.unscored.filter((u) => u.region === region);
  return [
    '## Run stopped early',
    '',
    `${escapeMarkdown(stopped.message)} (${stopped.code})`,
    ...(unscored.length > 0
      ? ['', `Not scored in this region: ${unscored.map((u) => tagCell(u)).join(', ')}`]
      : []),
  ];
}

function creditsSection(credits: Credits): string[] {
  const endpoints = Object.entries(credits.byEndpoint)
    .map(([endpoint, n]) => `${escapeMarkdown(endpoint)} ${n}`)
    .join(', ');
  return [
    '## Credits (whole run)',
    '',
    `- Credits used: ${credits.used}${endpoints ? ` (${endpoints})` : ''}`,
    `- Requests sent: ${credits.calls}, retries: ${credits.retries}, rate-limited: ${credits.rateLimited}`,
    `- Answers from the cache: ${credits.fromCache}`,
    `- Saved against the reference method: ${credits.saved.byCache} by the cache, ${credits.saved.byInfoOnce} by fetching each hashtag's info once`,
  ];
}

/**
 * The report of one region. It starts with exactly the reference's report (heading, blank line, the
 * top-20 table with Python's number formats), so a reader of the old report finds it unchanged.
 */
export function renderMarkdownReport(
  result: RegionResult,
  date: string,
  extras: MarkdownExtras = {},
): string {
  const sections: string[][] = [referenceSection(result, date)];
  const about = [
    extras.regionName
      ? `Region: ${escapeMarkdown(extras.regionName)} (${result.region})`
      : `Region: ${result.region}`,
    ...(extras.preset ? [`Preset: ${extras.preset}`] : []),
    `Ranked: ${result.ranked.length}, excluded: ${result.excluded.length}, failed: ${extras.failed?.length ?? 0}`,
  ];
  sections.push(['## About this report', '', ...about.map((l) => `- ${l}`)]);
  if (extras.stopped) sections.push(stoppedSection(extras.stopped, result.region));
  sections.push(rankedSection(result.ranked));
  sections.push(flagsSection(result.ranked));
  sections.push(momentumSection(result.ranked));
  sections.push(excludedSection(result));
  sections.push(failedSection(extras.failed ?? []));
  if (extras.credits) sections.push(creditsSection(extras.credits));
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
