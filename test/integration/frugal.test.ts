// Frugal sampling against the simulator: adaptive spends fewer credits than full for the same #1 whatever order the
// pages come in, says which tags stopped early and why and which are in the tie band, keeps to --max-credits, and
// challenge info lives a week in the cache.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { estimateCredits } from '../../src/core/job/estimate';
import { describeEstimate } from '../../src/core/job/prepare-score';
import { runScoreJob } from '../../src/core/job/score-job';
import { sampleKey } from '../../src/core/pipeline/run';
import { Secret } from '../../src/core/secrets/secret';
import { buildDemoDataset, startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import { runCli, tempDir } from '../support/cli';
import { KEY, NOW, NOW_MS } from '../support/faults';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ key: KEY, now: NOW_MS });
});
afterAll(() => sim.close());

const dataset = buildDemoDataset();
const TAGS = dataset.tags
  .filter((t) => t.shape !== 'edge')
  .slice(0, 40)
  .map((t) => t.name);

async function run(sampling: 'full' | 'adaptive', maxCredits?: number, on: SimulatorHandle = sim) {
  const { result } = await runScoreJob({
    candidates: TAGS,
    targets: dataset.creators,
    regions: ['US', 'GB'],
    settings: resolveSettings('organic', { sampling }),
    now: new Date(NOW_MS),
    demo: false,
    apiBase: on.url,
    key: new Secret(KEY),
    requestsPerMinute: Number.POSITIVE_INFINITY,
    maxCredits,
  });
  return result;
}

describe('adaptive sampling', () => {
  it('spends fewer credits than full for the same #1 per region, and says which tags stopped early and why', async () => {
    const full = await run('full');
    const adaptive = await run('adaptive');
    expect(adaptive.credits.used).toBeLessThan(full.credits.used * 0.85);
    for (const region of ['US', 'GB']) {
      expect(adaptive.regions[region]!.ranked[0]!.candidate).toBe(full.regions[region]!.ranked[0]!.candidate);
    }
    const early = Object.values(adaptive.regions).flatMap((r) => r.ranked.filter((t) => t.stoppedEarly));
    expect(early.length).toBeGreaterThan(0);
    for (const t of early) {
      expect(t.stoppedEarly).toMatch(
        /^the ranking was decided: clearly (in|outside) the top 10 \(\d+\.\d standard errors from it, 1\.28 needed\); sampled [12] of 3 pages$/,
      );
      // A tag stopped as outside the top 10 that the others' later pages lift into it is sampled on.
      if (/clearly outside/.test(t.stoppedEarly!)) expect(t.rank).toBeGreaterThan(10);
    }
    // (Before the thresholding rule every top-10 tag was sampled in full; now one clearly inside may stop.) #1 rests
    // on a full sample (or as far as the API had posts) in every region.
    for (const region of ['US', 'GB'])
      expect(adaptive.regions[region]!.ranked[0]!.stoppedEarly).toBeUndefined();
    // The tie band: tags on the top-10 boundary after their last page carry it, as a field and a flag.
    const band = Object.values(adaptive.regions).flatMap((r) => r.ranked.filter((t) => t.tieBand));
    for (const t of band) {
      expect(t.tieBand).toMatch(
        /^in the tie band at the top-10 boundary: .* so rank 10 or 11 is not decided$/,
      );
      expect(t.flags.map((f) => f.kind)).toContain('tie-band');
      expect(t.rank).toBeGreaterThan(1);
    }
    expect(Object.values(full.regions).some((r) => r.ranked.some((t) => t.tieBand))).toBe(false);
  });

  it('whatever order the API serves pages in (newest first, by popularity, at random): fewer credits, the same #1', async () => {
    for (const pageOrder of ['popular', 'random'] as const) {
      const other = await startSimulator({ key: KEY, now: NOW_MS, pageOrder });
      try {
        const full = await run('full', undefined, other);
        const adaptive = await run('adaptive', undefined, other);
        expect(adaptive.credits.used, pageOrder).toBeLessThan(full.credits.used * 0.85);
        for (const region of ['US', 'GB'])
          expect(adaptive.regions[region]!.ranked[0]!.candidate, `${pageOrder} ${region}`).toBe(
            full.regions[region]!.ranked[0]!.candidate,
          );
      } finally {
        await other.close();
      }
    }
  });

  it('organic and paid sample adaptively unless told otherwise; seed always in full', () => {
    expect(resolveSettings('organic').sampling).toBe('adaptive');
    expect(resolveSettings('paid').sampling).toBe('adaptive');
    expect(resolveSettings('seed').sampling).toBe('full');
    expect(resolveSettings('organic', { sampling: 'full' }).sampling).toBe('full');
  });

  it('pairs can be ranked as their first page arrives, and a cancel keeps the pages in hand, marked as cut short', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    const { result, data } = await runScoreJob({
      candidates: TAGS,
      targets: dataset.creators,
      regions: ['US', 'GB'],
      settings: resolveSettings('organic'),
      now: new Date(NOW_MS),
      demo: false,
      apiBase: sim.url,
      key: new Secret(KEY),
      requestsPerMinute: Number.POSITIVE_INFINITY,
      concurrency: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.type === 'sampled' || p.type === 'scored') events.push(p.type);
        // Cancel once the first pages are in and the second round has begun.
        if (p.type === 'sampled' && p.pages === 2) controller.abort();
      },
    });
    // First pages were rankable before any pair was final.
    expect(events.indexOf('sampled')).toBeLessThan(events.indexOf('scored'));
    expect(result.stopped?.code).toBe('cancelled');
    const ranked = Object.values(result.regions).flatMap((r) => r.ranked);
    const cut = ranked.filter((t) =>
      /the run stopped with [12] of 3 pages sampled/.test(t.stoppedEarly ?? ''),
    );
    expect(cut.length).toBeGreaterThan(0);
    // Every pair had its first page when the cancel came: none is lost, each keeps the posts it fetched.
    expect(result.stopped?.unscored).toEqual([]);
    for (const [region, r] of Object.entries(result.regions))
      for (const t of r.ranked)
        expect(data.samples.get(sampleKey(region, t.candidate))?.length).toBeGreaterThan(0);
  });

  it('the estimate gives the expected and the worst-case spend; --max-credits under the worst case holds and keeps what was fetched', async () => {
    const estimate = (sampling: 'full' | 'adaptive') =>
      estimateCredits({
        maxAgeMs: 0,
        now: NOW_MS,
        candidates: TAGS,
        regions: ['US', 'GB'],
        settings: resolveSettings('organic', { sampling }),
      });
    const adaptive = await estimate('adaptive');
    const full = await estimate('full');
    // Nothing cached: at least the infos and first pages, at worst every page; adaptive expects less than that.
    expect(adaptive.network).toEqual(full.network);
    expect(full.expected).toBe(full.network.max);
    expect(adaptive.expected).toBeGreaterThan(adaptive.network.min);
    expect(adaptive.expected).toBeLessThan(adaptive.network.max);
    expect(describeEstimate(adaptive)).toBe(
      `estimate: 0 answers from the cache, ${adaptive.network.min}-${adaptive.network.max} credits to spend (expected ${adaptive.expected}, worst case ${adaptive.network.max}; reference method: ${adaptive.reference})`,
    );
    // A budget far under the expected spend (and under the first pages): the run stops cleanly with what it fetched.
    const budget = 60;
    expect(budget).toBeLessThan(adaptive.expected / 2);
    const r = await run('adaptive', budget);
    expect(r.credits.calls).toBeLessThanOrEqual(budget);
    expect(r.stopped?.code).toBe('budget');
    expect(Object.values(r.regions).some((x) => x.ranked.length > 0)).toBe(true);
  });

  it('the CLI takes --sampling; the estimate gives the range; challenge info is answered by the cache for a week', async () => {
    const t = await tempDir({
      'tags.csv': `tag\n${TAGS.slice(0, 8).join('\n')}\n`,
      'creators.csv': 'unique_id\nacme_designs\n',
      'regions.csv': 'code\nUS\n',
    });
    try {
      const ws = path.join(t.dir, 'ws');
      const lists = ['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(t.dir, `${n}.csv`)]);
      expect((await runCli(['init', ws, ...lists])).code).toBe(0);
      const args = (now: string, ...more: string[]) => [
        'score',
        '--workspace',
        ws,
        '--api-base',
        sim.url,
        '--now',
        now,
        '--rpm',
        '100000',
        '--json',
        ...more,
      ];
      const est = await runCli(['estimate', '--workspace', ws, '--api-base', sim.url, '--now', NOW]);
      expect(est.stdout).toMatch(/^estimate: 0 answers from the cache, (\d+)-(\d+) credits to spend/);
      const first = await runCli(args(NOW, '--sampling', 'adaptive'), { env: { TIKLIVE_KEY: KEY } });
      expect(first.code, first.stderr).toBe(0);
      sim.resetStats();
      const threeDaysLater = new Date(NOW_MS + 3 * 86_400_000).toISOString();
      const second = await runCli(args(threeDaysLater, '--sampling', 'full'), { env: { TIKLIVE_KEY: KEY } });
      expect(second.code, second.stderr).toBe(0);
      expect(sim.stats().byEndpoint['/challenge-info-name/'] ?? 0).toBe(0);
      expect(sim.stats().byEndpoint['/challenge-posts/']).toBeGreaterThan(0);
      const bad = await runCli(args(NOW, '--preset', 'seed', '--sampling', 'adaptive'), {
        env: { TIKLIVE_KEY: KEY },
      });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('the seed preset always samples in full');
    } finally {
      await t.dispose();
    }
  });
});
