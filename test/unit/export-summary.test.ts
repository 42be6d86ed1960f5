// What an export says: a line per file, a summary that counts regions, formats and files as such, and the file
// "Open report" opens.
import { describe, expect, it } from 'vitest';
import { describeExport } from '../../src/core/report/export-summary';

const file = (name: string, note?: string) => ({
  name,
  path: `/w/reports/${name}`,
  ...(note ? { note } : {}),
});

describe('export summary', () => {
  it('counts regions, formats and files as what they are; opens the HTML of the whole run', () => {
    const names = ['US', 'GB', 'DE', 'BR'].flatMap((r) => [
      `${r}-2026-11-20.svg`,
      `${r}-2026-11-20.md`,
      `${r}-2026-11-20.csv`,
    ]);
    const written = [
      ...names,
      'summary-2026-11-20.svg',
      'summary-2026-11-20.md',
      'summary-2026-11-20.csv',
      'report-2026-11-20.html',
      'report-2026-11-20.pdf',
    ].map((n) => file(n));
    const s = describeExport('/w/reports', written, { regions: 4, formats: ['md', 'csv', 'html', 'pdf'] });
    expect(s.summary).toBe(
      'Exported 4 regions in 4 formats (Markdown, CSV, HTML, PDF): 17 files to /w/reports.',
    );
    expect(s.lines).toHaveLength(17);
    expect(s.lines[0]).toBe('Wrote US-2026-11-20.svg');
    expect(s.report).toBe('/w/reports/report-2026-11-20.html');
  });

  it('one region, one format: said in the singular; an alternate name says why; the summary is the report', () => {
    const s = describeExport(
      '/w/out',
      [file('US-2026-11-20.md'), file('summary-2026-11-20 (1).md', 'the file was open in another program')],
      {
        regions: 1,
        formats: ['md'],
      },
    );
    expect(s.summary).toBe('Exported 1 region in 1 format (Markdown): 2 files to /w/out.');
    expect(s.lines[1]).toBe('Wrote summary-2026-11-20 (1).md (the file was open in another program)');
    expect(s.report).toBe('/w/reports/summary-2026-11-20 (1).md');
  });
});
