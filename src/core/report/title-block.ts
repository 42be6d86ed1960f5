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

/** The lines under a report's title, in order (none where the workspace sets no branding). */
export function titleLines(doc: Pick<ReportDocument, 'branding'>): string[] {
  const prepared = preparedLine(doc.branding);
  return prepared ? [prepared] : [];
}
