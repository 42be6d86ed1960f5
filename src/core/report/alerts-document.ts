// The watch's alerts as a report document (alerts-<date>.md): what fired, in words, grouped by region, under the
// same title block as every report (title-block.ts), so a branded workspace's alerts say who prepared them for whom.
import type { WatchAlert } from '../../shared/discover';
import type { ReportBranding } from './branding';
import type { Block, ReportDocument } from './document-model';

export function alertsDocument(opts: {
  alerts: readonly WatchAlert[];
  /** YYYY-MM-DD of the run's clock. */
  date: string;
  branding: ReportBranding | null;
  /** The run was on the simulator (the demo): the title block says so. */
  simulated?: boolean;
}): ReportDocument {
  const { alerts } = opts;
  const blocks: Block[] = [];
  if (alerts.length === 0)
    blocks.push({
      kind: 'para',
      text: 'No alert: no change since the last run stood out from sampling noise.',
    });
  for (const region of new Set(alerts.map((a) => a.region))) {
    blocks.push({ kind: 'heading', level: 2, text: region });
    blocks.push({
      kind: 'list',
      items: alerts.filter((a) => a.region === region).map((a) => `${a.rule}: ${a.message}`),
    });
  }
  return {
    title: `Alerts ${opts.date}`,
    branding: opts.branding,
    blocks,
    ...(opts.simulated ? { simulated: true } : {}),
  };
}
