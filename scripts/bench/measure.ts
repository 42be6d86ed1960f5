// The parent's side of a measured run: a fresh simulator per run (its 60 s window starts empty), the part in
// a child process, and the simulator's own count of requests, credits and 429s.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator, type SimulatorHandle, type SimulatorStats } from '../../src/core/simulator';
import { runPart } from './child';
import type { PartName, PartOptions, PartOutput, ReferenceOutput, TagfitOutput, WarmOutput } from './parts';
import { BENCH_KEY, LATENCY_MS, NOW } from './scenario';

export interface Observed<T> {
  out: T;
  sim: SimulatorStats;
}

export interface ScenarioResult {
  rpm: number;
  tags: number;
  reference: Observed<ReferenceOutput>;
  tagfit: Observed<TagfitOutput>;
  warm?: Observed<WarmOutput>;
}

const TICK_MS = 15_000;

/** A line on stderr every few seconds while a long part runs, so people see it is alive. */
function ticker(label: string, sim: SimulatorHandle): () => void {
  const started = performance.now();
  const timer = setInterval(() => {
    const s = sim.stats();
    const elapsed = Math.round((performance.now() - started) / 1000);
    process.stderr.write(`  ${label}: ${s.requests} calls, ${s.rateLimited} × 429, ${elapsed} s\n`);
  }, TICK_MS);
  return () => clearInterval(timer);
}

async function observe<N extends PartName>(
  sim: SimulatorHandle,
  label: string,
  name: N,
  o: Partial<PartOptions>,
): Promise<Observed<PartOutput<N>>> {
  sim.resetStats();
  process.stderr.write(`${label}…\n`);
  const stop = ticker(label, sim);
  try {
    return { out: await runPart(name, { ...o, api: sim.url }), sim: sim.stats() };
  } finally {
    stop();
  }
}

async function withSimulator<T>(rpm: number, fn: (sim: SimulatorHandle) => Promise<T>): Promise<T> {
  const sim = await startSimulator({
    key: BENCH_KEY,
    now: NOW.getTime(),
    latencyMs: LATENCY_MS,
    requestsPerMinute: rpm,
    retryAfter: 'seconds',
  });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tagfit-bench-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The reference, then Tagfit (then, if asked, the warm re-score from Tagfit's cache), each on a fresh simulator. */
export async function runScenario(rpm: number, tags: number, withWarm: boolean): Promise<ScenarioResult> {
  const at = `${tags} tags × 4 regions at ${rpm}/min`;
  const reference = await withSimulator(rpm, (sim) =>
    observe(sim, `reference, ${at}`, 'reference', { tags }),
  );
  return withTempDir((cacheDir) =>
    withSimulator(rpm, async (sim) => {
      const tagfit = await observe(sim, `Tagfit, ${at}`, 'tagfit', { tags, rpm, cacheDir });
      if (!withWarm) return { rpm, tags, reference, tagfit };
      const warm = await observe(sim, `warm re-score, ${tags} tags × 4 regions`, 'warm', {
        tags,
        rpm,
        cacheDir,
      });
      return { rpm, tags, reference, tagfit, warm };
    }),
  );
}
