// The sections of a region report after its summary: the top 20 with the chart, the tag set, every ranked tag with
// its reasons, momentum, and the excluded and failed tags.
import type { ScoredTag } from '../../shared/model';
import type { RegionPicks } from '../../shared/discover';
import { flagReasonBesideEstimate } from '../../shared/estimate-words';
import { formatLikes, formatOverlap, formatVelocity } from '../../shared/number-format';
import {
  type Block,
  confidenceText,
  intervalText,
  flagKinds,
  growth,
  rankRange,
  readableTime,
  type RegionReportInput,
  score2,
  scoreChange,
  signed,
  tagLabel,
  TOP,
} from './document-model';

export function topBlocks(input: RegionReportInput): Block[] {
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
    wrap: [true, false, false, false, false, false, true],
    rows: result.ranked
      .slice(0, TOP)
      .map((t) => [
        tagLabel(t),
        score2(t.score),
        formatVelocity(t.velocity),
        formatLikes(t.density),
        formatOverlap(t.overlap),
        confidenceText(t),
        flagKinds(t),
      ]),
  });
  return blocks;
}

export function tagSetBlocks(picks: RegionPicks | undefined): Block[] {
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

export function rankedBlocks(ranked: readonly ScoredTag[]): Block[] {
  const head: Block = { kind: 'heading', level: 2, text: 'Every ranked tag' };
  if (ranked.length === 0) return [head, { kind: 'para', text: 'No tag was scored in this region.' }];
  const reasons: string[] = [];
  for (const t of ranked) {
    // A stopped tag's estimate has its own line below: its flag says why it was sampled less, not the estimate
    // again; where adaptive sampling stopped it, in the rule's words (the flag's own and a line of the rule's said
    // the same thing twice).
    const stoppedBy = t.flags.some((f) => f.kind === 'sampled-less') ? t.stoppedEarly : undefined;
    for (const f of t.flags) {
      const why =
        f.kind === 'sampled-less' && stoppedBy
          ? `${stoppedBy.charAt(0).toUpperCase()}${stoppedBy.slice(1)}.`
          : flagReasonBesideEstimate(f, t.estimate);
      reasons.push(`${tagLabel(t)}, ${f.kind}: ${why}`);
    }
    if (t.confidence?.reason) reasons.push(`${tagLabel(t)}, ${t.confidence.label}: ${t.confidence.reason}`);
    if (t.stoppedEarly && !stoppedBy) reasons.push(`${tagLabel(t)}, sampled less: ${t.stoppedEarly}`);
    if (t.estimate) reasons.push(`${tagLabel(t)}, score ${t.estimate.text}`);
    if (t.tieBand) reasons.push(`${tagLabel(t)}, tie band: ${t.tieBand}`);
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
      wrap: [false, true, false, false, false, false, false, false, false, false, false, false, false, true],
      rows: ranked.map((t) => [
        String(t.rank),
        tagLabel(t),
        score2(t.score),
        t.confidence ? intervalText(t.confidence) : '',
        t.confidence ? rankRange(t.confidence) : '',
        t.confidence?.label ?? '',
        formatVelocity(t.velocity),
        formatLikes(t.density),
        formatOverlap(t.overlap),
        t.served !== t.sample ? `${t.sample} (of ${t.served} served)` : String(t.sample),
        String(t.distinctAuthors),
        String(t.targetAuthors),
        formatLikes(t.medianLikes),
        flagKinds(t),
      ]),
    },
    { kind: 'heading', level: 3, text: 'Flags and reasons' },
    reasons.length > 0
      ? { kind: 'list', items: reasons }
      : { kind: 'para', text: 'No ranked tag was flagged or uncertain.' },
  ];
}

export function momentumBlocks(ranked: readonly ScoredTag[]): Block[] {
  const head: Block = { kind: 'heading', level: 2, text: 'Momentum' };
  const withHistory = ranked.filter((t) => t.history !== undefined);
  if (withHistory.length === 0) return [head, { kind: 'para', text: 'No earlier run to compare with yet.' }];
  const unlike = withHistory[0]!.history!.notComparable;
  return [
    head,
    ...(unlike
      ? [{ kind: 'para', text: `The last run is ${unlike}: score and rank changes are not given.` } as Block]
      : []),
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
          scoreChange(h.scoreChange),
          signed(h.rankChange, String),
          h.velocityCrossed ?? (h.crossedVelocityThreshold ? 'rose above' : 'no'),
        ];
      }),
    },
  ];
}

export function excludedBlocks(input: RegionReportInput): Block[] {
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
