// A region's report as blocks (document-model.ts), assembled from its sections: the summary, the top 20, every
// ranked tag, momentum, the excluded, the settings in words. markdown.ts and html.ts render the same blocks.
import { type Block, readableTime, type RegionReportInput, type ReportDocument, TOP } from './document-model';
import { summaryBlocks } from './region-summary';
import { excludedBlocks, momentumBlocks, rankedBlocks, tagSetBlocks, topBlocks } from './region-sections';
import { creditsText, settingsInWords } from './settings-words';
import { variantBlocks } from '../localize/report-section';

/** A region's report. It opens with the reference's heading, so a reader of the old report finds it. */
export function regionDocument(input: RegionReportInput): ReportDocument {
  const { result } = input;
  const where = input.regionName ? `${input.regionName} (${result.region})` : result.region;
  const blocks: Block[] = [
    {
      kind: 'para',
      text: `${where}, ${input.settings.preset} preset: ${result.ranked.length} ranked, ${result.excluded.length} excluded, ${input.failed?.length ?? 0} failed.`,
    },
    ...summaryBlocks(input),
    { kind: 'heading', level: 2, text: `Top ${TOP}` },
    ...topBlocks(input),
    ...tagSetBlocks(input.picks),
    ...variantBlocks(input.variants),
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
  return { title: `Hashtag report ${result.region} ${input.date}`, branding: input.branding, blocks };
}
