// The CLI's JSON marks a stopped tag's estimated score: run on the simulator serving pages most liked first (page 1
// flatters likes), `tagfit score --sampling adaptive --json` gives each tag adaptive sampling stopped early its score
// estimated for the full sample, the score of the posts in hand beside it, and the words saying so.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { runCli, tempDir } from '../support/cli';
import { KEY, NOW, NOW_MS } from '../support/faults';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS, pageOrder: 'popular' });
});
afterAll(() => sim.close());

const dataset = buildDemoDataset();
const TAGS = dataset.tags
  .filter((t) => t.shape !== 'edge')
  .slice(0, 40)
  .map((t) => t.name);

interface Row {
  candidate: string;
  score: number;
  velocity: number;
  stoppedEarly?: string;
  inHandScore?: number;
  estimate?: { pages: number; of: number; inHandScore: number; correction: number; se: number; text: string };
  reasons: Record<string, string>;
  confidence?: { low: number | null; high: number | null };
}

describe('adaptive sampling through the CLI', () => {
  it("--json gives a stopped tag's estimated score, its in-hand score and how it was estimated", async () => {
    const t = await tempDir({
      'tags.csv': `tag\n${TAGS.join('\n')}\n`,
      'creators.csv': `unique_id\n${dataset.creators.join('\n')}\n`,
      'regions.csv': 'code\nUS\nGB\n',
    });
    try {
      const lists = ['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(t.dir, `${n}.csv`)]);
      const r = await runCli(
        [
          'score',
          ...lists,
          '--preset',
          'organic',
          '--sampling',
          'adaptive',
          '--api-base',
          sim.url,
          '--now',
          NOW,
          '--rpm',
          '100000',
          '--json',
        ],
        { env: { TIKLIVE_KEY: KEY } },
      );
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { regions: Record<string, { ranked: Row[] }> };
      const rows = Object.values(doc.regions).flatMap((x) => x.ranked);
      const estimated = rows.filter((x) => x.estimate);
      expect(estimated.length).toBeGreaterThan(5);
      for (const x of estimated) {
        // Only a tag adaptive sampling stopped early is estimated, and it says from how many pages.
        expect(x.stoppedEarly).toMatch(/^the ranking was decided/);
        expect(x.inHandScore).toBe(x.estimate!.inHandScore);
        expect(x.estimate!.pages).toBeLessThan(x.estimate!.of);
        expect(x.estimate!.text).toMatch(
          new RegExp(
            `^estimated from ${x.estimate!.pages} of 3 pages: corrected for the page order by [+−]\\d+\\.\\d \\(± \\d+\\.\\d, learnt from \\d+ fully sampled pairs\\); \\d+\\.\\d\\d from the posts in hand$`,
          ),
        );
        expect(Math.abs(x.score - x.inHandScore! - x.estimate!.correction)).toBeLessThan(0.02);
        expect(x.reasons['sampled-less']).toContain(`Its score is ${x.estimate!.text}.`);
        // The interval is about the estimate.
        if (x.confidence?.low != null) {
          expect(x.confidence.low).toBeLessThanOrEqual(x.score);
          expect(x.confidence.high!).toBeGreaterThanOrEqual(x.score);
        }
      }
      // Served most liked first, page 1 flatters likes: stopped tags' estimates are mostly below their in-hand scores.
      const down = estimated.filter((x) => x.score < x.inHandScore!).length;
      expect(down).toBeGreaterThan(estimated.length / 2);
      // Every other row shows its posts in hand, unmarked.
      for (const x of rows.filter((y) => !y.stoppedEarly)) expect(x.inHandScore).toBeUndefined();
    } finally {
      await t.dispose();
    }
  });
});
