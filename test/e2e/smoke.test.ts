// The smoke script (npm run smoke) against the browser preview, so npm test covers it: the demo workspace opened,
// run on the simulator, re-weighted, exported, and its reports checked. CI runs the same script against the built
// app on Linux, macOS and Windows (.github/workflows/smoke.yml).
import { describe, expect, it } from 'vitest';
import { previewTarget, runSmoke } from '../../scripts/smoke';

describe('npm run smoke', () => {
  it('passes against the preview: demo opened, run, re-weighted, exported, reports checked', async () => {
    const target = await previewTarget();
    try {
      const r = await runSmoke(target);
      expect(r.target).toBe('preview');
      // Per region a Markdown report, its chart and a CSV; the summary's three; one HTML file.
      expect(r.files.filter((f) => /^(US|GB|DE|BR)-/.test(f))).toHaveLength(12);
      expect(r.files.some((f) => /^report-.*\.html$/.test(f))).toBe(true);
      expect(Object.keys(r.topTags).sort()).toEqual(['BR', 'DE', 'GB', 'US']);
    } finally {
      await target.close();
    }
  }, 600_000);
});
