// The document model of a report: blocks of plain text (headings, paragraphs, lists, tables, charts) that
// markdown.ts and html.ts render, the region report's input, and the formatters every section writes numbers with.
import type {
  Credits,
  FailedTag,
  RegionResult,
  RunResult,
  ScoreConfidence,
  ScoredTag,
  ScoringSettings,
} from '../../shared/model';
import type { RegionPicks } from '../../shared/discover';
import type { EquivalentEvidence } from '../../shared/localize';
import { sameHashtag } from '../../shared/hashtag';
import {
  formatGrowth,
  formatInterval,
  formatPercent,
  formatRankRange,
  formatScore,
  formatScoreChange,
} from '../../shared/number-format';
import type { ReportBranding } from './branding';

/** A timestamp as a reader says it: "2026-11-13 08:00 UTC" (the CSV keeps the ISO form for machines). */
export function readableTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const s = t.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** Columns of figures: right-aligned, never broken across lines. */
      numeric?: boolean[];
      /** Columns that wrap whatever their length (tag names, flag lists), so a wide table fits a page; a numeric
       * one holds a figure and a note after it ("18.69 (saturated)"): the note wraps, the figure stays whole. */
      wrap?: boolean[];
    }
  /** A chart: `svg` is written beside the report as `file` and embedded in the HTML. */
  | { kind: 'chart'; file: string; alt: string; svg: string };

/**
 * A report as every renderer takes it (markdown.ts, html.ts, and the PDF printed from the HTML): its title, the
 * workspace's branding, and its blocks. The branding is a required part of the document, and the title block is
 * drawn by the renderers from it (title-block.ts), so no export path can leave it out.
 */
export interface ReportDocument {
  /** The report's heading, e.g. "Hashtag report US 2026-11-20". */
  title: string;
  /** Who prepared it for whom, the logo and the accent; null where the workspace sets no branding. */
  branding: ReportBranding | null;
  blocks: Block[];
  /** The run was on the built-in simulator (the demo): the title block says so (title-block.ts). */
  simulated?: boolean;
}

export interface RegionReportInput {
  result: RegionResult;
  /** The workspace's branding (branding.ts), null where it sets none. */
  branding: ReportBranding | null;
  /** YYYY-MM-DD of the run's clock. */
  date: string;
  settings: ScoringSettings;
  /** The country's name from the region list, e.g. "United States". */
  regionName?: string;
  /** Hashtags whose fetch failed in this region. */
  failed?: readonly FailedTag[];
  /** The whole run's credits. */
  credits?: Credits;
  stopped?: RunResult['stopped'];
  /** How many target creators the overlap was measured against. */
  targetCount?: number;
  /** The region's chart, when one is written beside the report. */
  chart?: { file: string; svg: string };
  /** The run's clock, ISO. */
  now?: string;
  /** The tag set to post with, when the samples were at hand. */
  picks?: RegionPicks;
  /** The local variants of the region's top tags, when the samples were at hand (core/localize). */
  variants?: EquivalentEvidence[];
}

/** The reference prints the top 20. */
export const TOP = 20;

/** Scores always with two decimals: 55.50 beside 66.44 (the app's format: shared/number-format.ts). */
export const score2 = formatScore;
export const pct = formatPercent;
export const signed = (x: number | null, f: (n: number) => string): string =>
  x === null ? 'n/a' : `${x > 0 ? '+' : ''}${f(x)}`;
export const growth = formatGrowth;
/** A score's change since the last run, signed as the app's momentum says it: "+0.70", "−0.70". */
export const scoreChange = (x: number | null): string => (x === null ? 'n/a' : formatScoreChange(x));

/** "#cha_name", and the name the user asked for when TikLiveAPI answered with another one. */
export function tagLabel(t: { tag: string; candidate?: string }): string {
  return t.candidate !== undefined && !sameHashtag(t.tag, t.candidate)
    ? `#${t.tag} (asked as #${t.candidate})`
    : `#${t.tag}`;
}

/** The flags that make a tag a poor pick, whatever its score. */
const WARNING_FLAGS = new Set(['saturated', 'shadow-limited', 'commercial', 'no-posts']);
export const isPick = (t: ScoredTag): boolean => !t.flags.some((f) => WARNING_FLAGS.has(f.kind));

/** "#3–#5", or "#3" when the rank never moved. */
export const rankRange = (c: ScoreConfidence): string => formatRankRange(c);

/** "12.30–20.10", or "too few posts" where the posts were too few for an interval. */
export const intervalText = (c: ScoreConfidence): string => formatInterval(c);

export function confidenceText(t: ScoredTag): string {
  const c = t.confidence;
  if (!c) return '';
  return c.low === null || c.high === null
    ? `too few posts, ${rankRange(c)}`
    : `${intervalText(c)}, ${rankRange(c)}, ${c.label}`;
}

export const flagKinds = (t: ScoredTag): string => t.flags.map((f) => f.kind).join(', ');
