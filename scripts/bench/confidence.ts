// What a confidence for every score costs: the 50 × 4 benchmark list scored from samples in hand, with and
// without the bootstrap (DEFAULT_RESAMPLES per region), in process; and a weights-only re-score, which reuses the
// draws. Medians of 7; each timed call gets fresh copies of the samples, so nothing is remembered between them.
import { DEFAULT_RESAMPLES } from '../../src/core/engine/confidence';
import { resolveSettings } from '../../src/core/engine/presets';
import { runScoreJob } from '../../src/core/job/score-job';
import { type RunSamples, scoreRun } from '../../src/core/pipeline/run';
import { Secret } from '../../src/core/secrets/secret';
import { startSimulator } from '../../src/core/simulator';
import { BENCH_KEY, NOW, REGIONS, TARGETS, benchCandidates } from './scenario';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function copy(data: RunSamples): RunSamples {
  return { challenges: data.challenges, samples: new Map([...data.samples].map(([k, v]) => [k, [...v]])) };
}

export interface ConfidenceCost {
  preset: string;
  without: number;
  withConfidence: number;
  reweighed: number;
}

export async function confidenceCost(): Promise<ConfidenceCost[]> {
  const names = benchCandidates(50).map((t) => t.name);
  const targets = new Set(TARGETS.map((t) => t.toLowerCase()));
  const nowSec = NOW.getTime() / 1000;
  const out: ConfidenceCost[] = [];
  for (const preset of ['seed', 'organic'] as const) {
    const settings = resolveSettings(preset, { sampling: 'full' });
    const sim = await startSimulator({ key: BENCH_KEY, now: NOW.getTime() });
    let data: RunSamples;
    try {
      ({ data } = await runScoreJob({
        candidates: names,
        targets: TARGETS,
        regions: [...REGIONS],
        settings,
        now: NOW,
        demo: false,
        apiBase: sim.url,
        key: new Secret(BENCH_KEY),
        requestsPerMinute: Number.POSITIVE_INFINITY,
        concurrency: 16,
      }));
    } finally {
      await sim.close();
    }
    const time = (f: () => void): number => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    const without: number[] = [];
    const withConfidence: number[] = [];
    const reweighed: number[] = [];
    for (let i = 0; i < 7; i++) {
      const fresh = copy(data);
      without.push(
        time(() => scoreRun(names, targets, REGIONS, settings, nowSec, fresh, { confidence: false })),
      );
      withConfidence.push(time(() => scoreRun(names, targets, REGIONS, settings, nowSec, fresh)));
      const other = resolveSettings(preset, {
        weights: { velocity: 0.2, density: 0.3, overlap: 0.5, adPenalty: 0.05 },
        sampling: 'full',
      });
      reweighed.push(time(() => scoreRun(names, targets, REGIONS, other, nowSec, fresh)));
    }
    out.push({
      preset,
      without: median(without),
      withConfidence: median(withConfidence),
      reweighed: median(reweighed),
    });
  }
  return out;
}

export async function confidenceSection(): Promise<string> {
  const rows = await confidenceCost();
  return [
    `== confidence (bootstrap, ${DEFAULT_RESAMPLES} resamples per region), 50 tags × 4 regions from samples in hand ==`,
    ...rows.map(
      (r) =>
        `${r.preset}: scoring ${r.without.toFixed(1)} ms, with confidence ${r.withConfidence.toFixed(1)} ms (adds ${(r.withConfidence - r.without).toFixed(1)} ms; goal under 300 ms), a weights-only re-score with confidence ${r.reweighed.toFixed(1)} ms`,
    ),
  ].join('\n');
}
