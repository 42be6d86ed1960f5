// What a report says, apart from how it is written: a region's report and the cross-region summary as blocks
// (headings, paragraphs, lists, tables, charts) of plain text. markdown.ts and html.ts render the same blocks,
// each escaping for its own format, so the Markdown, the HTML and any later format cannot say different things.
import type {
  Credits,
  FailedTag,
  RegionCode,
  RegionResult,
  RunResult,
  ScoreConfidence,
  ScoredTag,
  ScoringSettings,
} from '../../shared/model';
import type { RegionPicks } from '../../shared/discover';
import { formatFixed, formatTruncated } from '../engine/decimal';
import { groupDigits } from '../engine/flags';

/** A timestamp as a reader says it: "2026-11-13 08:00 UTC" (the CSV keeps the ISO form for machines). */
function readableTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const s = t.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; numeric?: boolean[] }
  /** A chart: `svg` is written beside the report as `file` and embedded in the HTML. */
  | { kind: 'chart'; file: string; alt: string; svg: string };

export interface RegionReportInput {
  result: RegionResult;
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
}

/** The reference prints the top 20. */
export const TOP = 20;

/** Scores always with two decimals: 55.50 beside 66.44. */
export const score2 = (x: number): string => formatFixed(x, 2);
const pct = (w: number): string => `${formatFixed(w * 100, 0)} %`;
const signed = (x: number | null, f: (n: number) => string): string =>
  x === null ? 'n/a' : `${x > 0 ? '+' : ''}${f(x)}`;
const growth = (x: number | null): string =>
  x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${formatFixed(x * 100, 1)} %`;

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** "#cha_name", and the name the user asked for when TikLiveAPI answered with another one. */
export function tagLabel(t: { tag: string; candidate?: string }): string {
  return t.candidate !== undefined && !sameName(t.tag, t.candidate)
    ? `#${t.tag} (asked as #${t.candidate})`
    : `#${t.tag}`;
}

/** The flags that make a tag a poor pick, whatever its score. */
const WARNING_FLAGS = new Set(['saturated', 'shadow-limited', 'commercial', 'no-posts']);
const isPick = (t: ScoredTag): boolean => !t.flags.some((f) => WARNING_FLAGS.has(f.kind));

/** "#3–#5", or "#3" when the rank never moved. */
const rankRange = (c: ScoreConfidence): string =>
  c.rankLow === c.rankHigh ? `#${c.rankLow}` : `#${c.rankLow}–#${c.rankHigh}`;

function confidenceText(t: ScoredTag): string {
  const c = t.confidence;
  if (!c) return '';
  return `${score2(c.low)}–${score2(c.high)}, ${rankRange(c)}, ${c.label}`;
}

const flagKinds = (t: ScoredTag): string => t.flags.map((f) => f.kind).join(', ');

function summaryBlocks(input: RegionReportInput): Block[] {
  const { result } = input;
  const picks = result.ranked.filter(isPick).slice(0, 3);
  const items: string[] = [];
  // With the samples at hand the summary proposes the tag set; without, the best tags free of warnings.
  if (input.picks && input.picks.picks.length > 0)
    items.push(
      `Tag set to post with: ${input.picks.picks.map((p) => `#${p.tag}`).join(' ')} (high scores that reach different posts; why below).`,
    );
  else
    items.push(
      picks.length === 0
        ? 'Picks: none. No ranked tag is free of warnings in this region.'
        : `Picks: ${picks
            .map(
              (t) =>
                `${tagLabel(t)} (${score2(t.score)}${t.confidence?.label === 'uncertain' ? ', uncertain' : ''})`,
            )
            .join(', ')}.`,
    );
  const withHistory = result.ranked.filter((t) => t.history);
  if (withHistory.length === 0) items.push('Since the last run: no earlier run to compare with yet.');
  else {
    const since = withHistory[0]!.history!.previousRunAt.slice(0, 10);
    const moves = withHistory
      .filter((t) => t.history!.rankChange !== null && Math.abs(t.history!.rankChange) >= 3)
      .sort((a, b) => Math.abs(b.history!.rankChange!) - Math.abs(a.history!.rankChange!))
      .slice(0, 4)
      .map((t) => {
        const d = t.history!.rankChange!;
        return `${tagLabel(t)} ${d > 0 ? 'up' : 'down'} ${Math.abs(d)} places`;
      });
    const crossed = withHistory.filter((t) => t.history!.crossedVelocityThreshold).map(tagLabel);
    const fresh = result.ranked.filter((t) => !t.history).map(tagLabel);
    const parts = [
      ...(moves.length > 0 ? [moves.join(', ')] : []),
      ...(crossed.length > 0 ? [`velocity crossed the threshold: ${crossed.join(', ')}`] : []),
      ...(fresh.length > 0 ? [`new since then: ${fresh.join(', ')}`] : []),
    ];
    items.push(`Since the last run (${since}): ${parts.length > 0 ? parts.join('; ') : 'no big moves'}.`);
  }
  const watch: string[] = [];
  const top = result.ranked.slice(0, TOP);
  const flagged = top.filter((t) => !isPick(t));
  if (flagged.length > 0)
    watch.push(
      `in the top ${TOP} but flagged: ${flagged.map((t) => `${tagLabel(t)} (${flagKinds(t)})`).join(', ')}`,
    );
  const unsure = result.ranked.slice(0, 10).filter((t) => t.confidence?.label === 'uncertain');
  if (unsure.length > 0)
    watch.push(
      `uncertain in the top 10, a coin toss with their neighbours: ${unsure.map(tagLabel).join(', ')}`,
    );
  if ((input.failed?.length ?? 0) > 0) watch.push(`${input.failed!.length} tags failed (listed below)`);
  if (input.stopped) watch.push(`the run stopped early (${input.stopped.code}); some tags are missing`);
  items.push(watch.length > 0 ? `Watch out: ${watch.join('; ')}.` : 'Watch out: nothing stands out.');
  return [
    { kind: 'heading', level: 2, text: 'Summary' },
    { kind: 'list', items },
  ];
}

function topBlocks(input: RegionReportInput): Block[] {
  const { result } = input;
  const blocks: Block[] = [];
  if (input.chart)
    blocks.push({
      kind: 'chart',
      file: input.chart.file,
      alt: `Scores of the top ${Math.min(TOP, result.ranked.length)} in ${result.region}, split into velocity, density and overlap`,
      svg: input.chart.svg,
    });
  if (result.ranked.length === 0)
    return [...blocks, { kind: 'para', text: 'No tag was scored in this region.' }];
  blocks.push({
    kind: 'table',
    header: ['Tag', 'Score', 'Velocity', 'Density', 'Overlap', 'Confidence', 'Flags'],
    numeric: [false, true, true, true, true, false, false],
    rows: result.ranked
      .slice(0, TOP)
      .map((t) => [
        tagLabel(t),
        score2(t.score),
        formatFixed(t.velocity, 2),
        formatTruncated(t.density),
        formatFixed(t.overlap, 2),
        confidenceText(t),
        flagKinds(t),
      ]),
  });
  return blocks;
}

function tagSetBlocks(picks: RegionPicks | undefined): Block[] {
  if (!picks) return [];
  return [
    { kind: 'heading', level: 2, text: 'Tag set to post with' },
    picks.picks.length === 0
      ? { kind: 'para', text: 'No tag can be recommended here.' }
      : { kind: 'list', items: picks.picks.map((p) => `#${p.tag} (${score2(p.score)}): ${p.reason}.`) },
    ...(picks.passedOver.length > 0
      ? [
          {
            kind: 'list' as const,
            items: picks.passedOver.map((p) => `Left out #${p.tag} (${score2(p.score)}): ${p.reason}.`),
          },
        ]
      : []),
  ];
}

function rankedBlocks(ranked: readonly ScoredTag[]): Block[] {
  const head: Block = { kind: 'heading', level: 2, text: 'Every ranked tag' };
  if (ranked.length === 0) return [head, { kind: 'para', text: 'No tag was scored in this region.' }];
  const reasons: string[] = [];
  for (const t of ranked) {
    for (const f of t.flags) reasons.push(`${tagLabel(t)}, ${f.kind}: ${f.reason}`);
    if (t.confidence?.reason) reasons.push(`${tagLabel(t)}, uncertain: ${t.confidence.reason}`);
    if (t.stoppedEarly) reasons.push(`${tagLabel(t)}, sampled less: ${t.stoppedEarly}`);
  }
  return [
    head,
    {
      kind: 'table',
      header: [
        'Rank',
        'Tag',
        'Score',
        '90 % interval',
        'Rank range',
        'Confidence',
        'Velocity',
        'Density',
        'Overlap',
        'Sample',
        'Authors',
        'Target authors',
        'Median likes',
        'Flags',
      ],
      numeric: [true, false, true, false, false, false, true, true, true, true, true, true, true, false],
      rows: ranked.map((t) => [
        String(t.rank),
        tagLabel(t),
        score2(t.score),
        t.confidence ? `${score2(t.confidence.low)}–${score2(t.confidence.high)}` : '',
        t.confidence ? rankRange(t.confidence) : '',
        t.confidence?.label ?? '',
        formatFixed(t.velocity, 2),
        formatFixed(t.density, 2),
        formatFixed(t.overlap, 2),
        t.served !== t.sample ? `${t.sample} (of ${t.served} served)` : String(t.sample),
        String(t.distinctAuthors),
        String(t.targetAuthors),
        formatFixed(t.medianLikes, 0),
        flagKinds(t),
      ]),
    },
    { kind: 'heading', level: 3, text: 'Flags and reasons' },
    reasons.length > 0
      ? { kind: 'list', items: reasons }
      : { kind: 'para', text: 'No ranked tag was flagged or uncertain.' },
  ];
}

function momentumBlocks(ranked: readonly ScoredTag[]): Block[] {
  const head: Block = { kind: 'heading', level: 2, text: 'Momentum' };
  const withHistory = ranked.filter((t) => t.history !== undefined);
  if (withHistory.length === 0) return [head, { kind: 'para', text: 'No earlier run to compare with yet.' }];
  return [
    head,
    {
      kind: 'table',
      header: [
        'Tag',
        'Since',
        'Creators per week',
        'Views per week',
        'Score change',
        'Rank change',
        'Velocity crossed threshold',
      ],
      numeric: [false, false, true, true, true, true, false],
      rows: withHistory.map((t) => {
        const h = t.history!;
        return [
          tagLabel(t),
          readableTime(h.previousRunAt),
          growth(h.userCountGrowthPerWeek),
          growth(h.viewCountGrowthPerWeek),
          signed(h.scoreChange, score2),
          signed(h.rankChange, String),
          h.crossedVelocityThreshold ? 'yes' : 'no',
        ];
      }),
    },
  ];
}

function excludedBlocks(input: RegionReportInput): Block[] {
  const { result } = input;
  const failed = input.failed ?? [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Excluded tags' }];
  blocks.push(
    result.excluded.length === 0
      ? { kind: 'para', text: 'None.' }
      : {
          kind: 'table',
          header: ['Tag', 'Why', 'Reason'],
          rows: result.excluded.map((e) => [`#${e.tag}`, e.kind, e.reason]),
        },
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Failed tags' });
  blocks.push(
    failed.length === 0
      ? { kind: 'para', text: 'None.' }
      : {
          kind: 'table',
          header: ['Tag', 'Error', 'Message'],
          rows: failed.map((f) => [`#${f.tag}`, f.code, f.error]),
        },
  );
  if (input.stopped) {
    const unscored = input.stopped.unscored.filter((u) => u.region === result.region);
    blocks.push({ kind: 'heading', level: 2, text: 'Run stopped early' });
    blocks.push({ kind: 'para', text: `${input.stopped.message} (${input.stopped.code})` });
    if (unscored.length > 0)
      blocks.push({
        kind: 'para',
        text: `Not scored in this region: ${unscored.map((u) => `#${u.tag}`).join(', ')}`,
      });
  }
  return blocks;
}

const DENSITY_WORDS: Record<ScoringSettings['density'], string> = {
  mean: 'likes per post (the mean)',
  median: 'likes per post (the median)',
  'log-mean':
    'typical likes per post (the geometric mean of 1 + likes, so one viral post cannot dominate), compared on a log scale',
};

/** The settings in words, as a reader who never saw tagfit.json understands them. */
export function settingsInWords(s: ScoringSettings, targetCount?: number): string[] {
  const w = s.weights;
  const posts = s.pages * s.pageSize;
  const targets =
    targetCount === undefined
      ? 'your target creators'
      : `your ${targetCount} target creator${targetCount === 1 ? '' : 's'}`;
  return [
    `Preset: ${s.preset}.`,
    `Velocity ${pct(w.velocity)}: share of the last ${posts} posts made in the last ${s.windowDays} days.`,
    `Density ${pct(w.density)}: ${DENSITY_WORDS[s.density]}.`,
    `Overlap ${pct(w.overlap)}: share of the sample's distinct authors who are among ${targets}.`,
    s.keepCommercial
      ? `Ad penalty ${pct(w.adPenalty)}: a commercial (advertiser-run) tag loses ${formatFixed(100 * w.adPenalty * 0.5, 2)} points.`
      : `Commercial (advertiser-run) tags are left out; the ad penalty (${pct(w.adPenalty)}) cannot apply.`,
    `Each measure is scaled from 0 to 1 across this region's ranked tags (the lowest 0, the highest 1), then weighed into a 0-100 score.`,
    `Sample: up to ${s.pages} pages of ${s.pageSize} posts per tag${s.sampling === 'adaptive' ? ', more pages only where the ranking was still undecided (adaptive sampling)' : ''}${s.dedupePosts ? '; a post served twice counts once' : ''}; under ${s.minStableSample} posts is a small sample.`,
    `Confidence: 200 resamples of each tag's posts; the 90 % interval and rank range hold the middle 90 % of them. Uncertain: a small sample, or a rank range too wide to act on.`,
  ];
}

function creditsText(c: Credits): string {
  const endpoints = Object.entries(c.byEndpoint)
    .map(([endpoint, n]) => `${endpoint} ${n}`)
    .join(', ');
  return `Credits (whole run): ${groupDigits(c.used)} used${endpoints ? ` (${endpoints})` : ''}; ${c.calls} requests sent, ${c.retries} retries, ${c.fromCache} answers from the cache; saved against the reference method: ${c.saved.byCache} by the cache, ${c.saved.byInfoOnce} by fetching each hashtag's info once.`;
}

/** A region's report. It opens with the reference's heading, so a reader of the old report finds it. */
export function regionDocument(input: RegionReportInput): Block[] {
  const { result } = input;
  const where = input.regionName ? `${input.regionName} (${result.region})` : result.region;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Hashtag report ${result.region} ${input.date}` },
    {
      kind: 'para',
      text: `${where}, ${input.settings.preset} preset: ${result.ranked.length} ranked, ${result.excluded.length} excluded, ${input.failed?.length ?? 0} failed.`,
    },
    ...summaryBlocks(input),
    { kind: 'heading', level: 2, text: `Top ${TOP}` },
    ...topBlocks(input),
    ...tagSetBlocks(input.picks),
    ...rankedBlocks(result.ranked),
    ...momentumBlocks(result.ranked),
    ...excludedBlocks(input),
    { kind: 'heading', level: 2, text: 'Settings' },
    { kind: 'list', items: settingsInWords(input.settings, input.targetCount) },
    { kind: 'heading', level: 2, text: 'Date and credits' },
    {
      kind: 'list',
      items: [
        `Run of ${input.date}${input.now ? ` (the run's clock: ${readableTime(input.now)})` : ''}.`,
        ...(input.credits ? [creditsText(input.credits)] : []),
      ],
    },
  ];
  return blocks;
}

/** One tag across regions: its score where ranked, and the region where it scores best. */
export interface SummaryRow {
  tag: string;
  candidate: string;
  byRegion: Record<RegionCode, { score: number; rank: number; flags: string[] } | { status: string }>;
  best: { region: RegionCode; score: number } | null;
}

export function summaryRows(result: RunResult): SummaryRow[] {
  const regions = Object.keys(result.regions);
  const rows = new Map<string, SummaryRow>();
  const rowOf = (candidate: string, tag: string): SummaryRow => {
    let r = rows.get(candidate);
    if (!r) rows.set(candidate, (r = { tag, candidate, byRegion: {}, best: null }));
    return r;
  };
  for (const region of regions) {
    const r = result.regions[region]!;
    for (const t of r.ranked) {
      const row = rowOf(t.candidate, t.tag);
      row.byRegion[region] = { score: t.score, rank: t.rank, flags: t.flags.map((f) => f.kind) };
      const usable = !t.flags.some((f) => f.kind === 'no-posts');
      if (usable && (row.best === null || t.score > row.best.score)) row.best = { region, score: t.score };
    }
    for (const e of r.excluded) rowOf(e.tag, e.tag).byRegion[region] = { status: e.kind };
  }
  for (const f of result.failed) rowOf(f.tag, f.tag).byRegion[f.region] = { status: 'failed' };
  return [...rows.values()].sort(
    (a, b) => (b.best?.score ?? -Infinity) - (a.best?.score ?? -Infinity) || a.tag.localeCompare(b.tag),
  );
}

/** The cross-region summary: each tag's best region and its score everywhere. */
export function summaryDocument(
  result: RunResult,
  opts: { date: string; regionNames: Record<RegionCode, string>; heatmap?: { file: string; svg: string } },
): Block[] {
  const regions = Object.keys(result.regions);
  const rows = summaryRows(result);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Summary ${opts.date}` },
    {
      kind: 'para',
      text: `${rows.length} tags across ${regions.length} regions (${regions.map((r) => (opts.regionNames[r] ? `${opts.regionNames[r]} (${r})` : r)).join(', ')}), ${result.preset} preset. The best region is where a tag scores highest; a score compares tags within a region, so read it across regions as a guide, not a measure.`,
    },
  ];
  if (opts.heatmap)
    blocks.push({
      kind: 'chart',
      file: opts.heatmap.file,
      alt: 'Heat map of every tag’s score by region, its best region outlined',
      svg: opts.heatmap.svg,
    });
  blocks.push({
    kind: 'table',
    header: ['Tag', 'Best region', ...regions],
    numeric: [false, false, ...regions.map(() => true)],
    rows: rows.map((r) => [
      tagLabel(r),
      r.best ? `${r.best.region} (${score2(r.best.score)})` : 'none',
      ...regions.map((region) => {
        const c = r.byRegion[region];
        if (!c) return '';
        if ('status' in c) return c.status;
        return c.flags.length > 0 ? `${score2(c.score)} (${c.flags.join(', ')})` : score2(c.score);
      }),
    ]),
  });
  return blocks;
}
