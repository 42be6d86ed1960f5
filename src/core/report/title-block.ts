// The title block every report opens with, in one place: the title, then who prepared it for whom (branding).
// Markdown, the HTML header and the PDF's page header all draw these lines; a label every export must carry
// (e.g. that the data are simulated) is added here, once, and reaches them all.
import type { ReportBranding } from './branding';
import type { ReportDocument } from './document-model';

/** "Prepared by Acme Agency for Zest Cola", "Prepared by Acme Agency", "Prepared for Zest Cola"; null with neither. */
export function preparedLine(branding: ReportBranding | null): string | null {
  const by = branding?.agency;
  const client = branding?.client;
  if (by && client) return `Prepared by ${by} for ${client}`;
  if (by) return `Prepared by ${by}`;
  if (client) return `Prepared for ${client}`;
  return null;
}

/** What every export of a demo run says, first under its title. */
export const SIMULATED_LINE = 'Simulated data (demo): not from TikTok';

/** The lines under a report's title, in order: the demo's label, who prepared it for whom (none without either). */
export function titleLines(doc: Pick<ReportDocument, 'branding' | 'simulated'>): string[] {
  const prepared = preparedLine(doc.branding);
  return [...(doc.simulated ? [SIMULATED_LINE] : []), ...(prepared ? [prepared] : [])];
}
