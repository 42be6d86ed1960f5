// The cross-region summary of a run: one row per tag with its score in every region and the region where it
// scores best, for summary-<date>.md, .csv, the heat map and the HTML report.
import type { RegionCode, RunResult } from '../../shared/model';
import type { ReportBranding } from './branding';
import { type Block, type ReportDocument, score2, tagLabel } from './document-model';

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
  opts: {
    date: string;
    regionNames: Record<RegionCode, string>;
    branding: ReportBranding | null;
    heatmap?: { file: string; svg: string };
  },
): ReportDocument {
  const regions = Object.keys(result.regions);
  const rows = summaryRows(result);
  const blocks: Block[] = [
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
    // A region's cell is a score and the tag's flags: the flags wrap under it, so many regions still fit a page.
    wrap: [true, false, ...regions.map(() => true)],
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
  return { title: `Summary ${opts.date}`, branding: opts.branding, blocks };
}
