// A region report's opening summary: the tag set or the picks, what moved since the last run, what to watch.
import {
  type Block,
  flagKinds,
  isPick,
  rankRange,
  type RegionReportInput,
  score2,
  tagLabel,
  TOP,
} from './document-model';

export function summaryBlocks(input: RegionReportInput): Block[] {
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
    // Unlike runs (momentum.ts gives them no moves): say why instead of "no big moves".
    const unlike = withHistory[0]!.history!.notComparable;
    const moves = withHistory
      .filter((t) => t.history!.rankChange !== null && Math.abs(t.history!.rankChange) >= 3)
      .sort((a, b) => Math.abs(b.history!.rankChange!) - Math.abs(a.history!.rankChange!))
      .slice(0, 4)
      .map((t) => {
        const d = t.history!.rankChange!;
        return `${tagLabel(t)} ${d > 0 ? 'up' : 'down'} ${Math.abs(d)} places`;
      });
    const crossedWay = (way: 'rose above' | 'fell below'): string[] =>
      withHistory
        .filter(
          (t) =>
            (t.history!.velocityCrossed ?? (t.history!.crossedVelocityThreshold ? 'rose above' : null)) ===
            way,
        )
        .map(tagLabel);
    const rose = crossedWay('rose above');
    const fell = crossedWay('fell below');
    const fresh = result.ranked.filter((t) => !t.history).map(tagLabel);
    const parts = [
      ...(unlike ? [`${unlike}, so no score or rank moves are given`] : []),
      ...(withHistory[0]!.history!.comparedOver ? [withHistory[0]!.history!.comparedOver] : []),
      ...(moves.length > 0 ? [moves.join(', ')] : []),
      ...(rose.length > 0 ? [`velocity rose above the threshold: ${rose.join(', ')}`] : []),
      ...(fell.length > 0 ? [`velocity fell below the threshold: ${fell.join(', ')}`] : []),
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
  // A coin toss is said with the neighbour and the resamples' split; other uncertain tags by their rank range.
  const unsure = result.ranked.slice(0, 10).filter((t) => t.confidence?.label === 'uncertain');
  if (unsure.length > 0)
    watch.push(
      `uncertain in the top 10: ${unsure
        .map((t) => {
          const c = t.confidence!.coinToss;
          return c
            ? `${tagLabel(t)} (coin toss with #${c.tag}, ${c.above} / ${c.below})`
            : `${tagLabel(t)} (${rankRange(t.confidence!)})`;
        })
        .join(', ')}`,
    );
  if ((input.failed?.length ?? 0) > 0) watch.push(`${input.failed!.length} tags failed (listed below)`);
  if (input.stopped) watch.push(`the run stopped early (${input.stopped.code}); some tags are missing`);
  items.push(watch.length > 0 ? `Watch out: ${watch.join('; ')}.` : 'Watch out: nothing stands out.');
  return [
    { kind: 'heading', level: 2, text: 'Summary' },
    { kind: 'list', items },
  ];
}
