// Helpers of the fault suite (test/integration/faults-*.test.ts): one fast in-process run of the real job
// against the simulator, an answer cache that can be inspected, and a look at folders for leftovers.
import { open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerCache, CachedAnswer } from '../../src/core/api/types';
import { resolveSettings } from '../../src/core/engine/presets';
import { runScoreJob, type ScoreJobOptions, type ScoreJobOutcome } from '../../src/core/job/score-job';
import { Secret } from '../../src/core/secrets/secret';
import type { AtomicFs } from '../../src/core/storage/atomic-write';
import { buildDemoDataset, type SimulatorHandle } from '../../src/core/simulator';
import type { PresetName, RegionCode, RunResult } from '../../src/shared/model';

export const KEY = 'fault-suite-key-0123456789abcdef';
export const NOW = '2026-11-20T00:00:00Z';
export const NOW_MS = Date.parse(NOW);
export const DATE = '2026-11-20';

const dataset = buildDemoDataset();

/** The simulator's id of a hashtag, for faults that match one hashtag's requests. */
/** Runs `act` while the simulator holds every answer (a run stands still between two calls), released after
 * whatever happens, so a failing test cannot leave the next one waiting on a held simulator. */
export async function whileHeld<T>(sim: SimulatorHandle, act: () => Promise<T>): Promise<T> {
  const release = sim.hold();
  try {
    return await act();
  } finally {
    release();
  }
}

export function tagId(name: string): string {
  const tag = dataset.tags.find((t) => t.name === name || t.aliases.includes(name));
  if (!tag) throw new Error(`no hashtag ${name} in the simulator's dataset`);
  return tag.id;
}

export interface MemoryCache extends AnswerCache {
  map: Map<string, CachedAnswer>;
}

export function memoryCache(): MemoryCache {
  const map = new Map<string, CachedAnswer>();
  return {
    map,
    get: async (k) => map.get(k),
    set: async (k, a) => {
      map.set(k, a);
    },
  };
}

export interface FaultRun extends ScoreJobOutcome {
  warnings: string[];
}

/**
 * Runs the real job (client, pipeline, scoring, reports) in-process against `sim`: unpaced, with tiny
 * backoffs and a short time-out so a fault costs milliseconds, not the production waits.
 */
export async function runJob(
  sim: SimulatorHandle,
  over: Partial<ScoreJobOptions> & { preset?: PresetName; pages?: number; pageSize?: number } = {},
): Promise<FaultRun> {
  const warnings: string[] = [];
  const { preset, pages, pageSize, ...rest } = over;
  const outcome = await runScoreJob({
    candidates: ['founderlife', 'smallbusinesscheck', 'saasmarketing'],
    targets: ['acme_designs', 'studio_north', 'indiehackerlife'],
    regions: ['US', 'GB'],
    settings: resolveSettings(preset ?? 'seed', { pages: pages ?? 2, pageSize: pageSize ?? 10 }),
    now: new Date(NOW_MS),
    demo: false,
    apiBase: sim.url,
    key: new Secret(KEY),
    requestsPerMinute: Number.POSITIVE_INFINITY,
    concurrency: 4,
    timeoutMs: 2_000,
    retry: { retries: 4, backoffMs: { min: 2, max: 10 }, maxRetryAfterMs: 30 },
    onWarning: (m) => warnings.push(m),
    ...rest,
  });
  return { ...outcome, warnings };
}

/** A region's ranking in short: tag → [score, sample], for comparing two runs. */
export function ranking(result: RunResult, region: RegionCode): Record<string, [number, number]> {
  const r = result.regions[region];
  if (!r) throw new Error(`region ${region} missing from the result`);
  return Object.fromEntries(r.ranked.map((t) => [t.candidate, [t.score, t.sample]]));
}

/** Every file under `dir`, relative, sorted: a leftover temporary file shows up here. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}

/**
 * A nearly full disk: the real file system, but only `freeBytes` more can be written. Like Linux, a write that
 * meets the end is short (it writes what fits and says so), and the next one fails with ENOSPC.
 */
export function smallDisk(freeBytes: number): AtomicFs & { free(): number } {
  let free = freeBytes;
  return {
    free: () => free,
    async open(file, flags, mode) {
      const h = await open(file, flags, mode);
      return {
        async write(buffer, offset, length, position) {
          const fits = Math.min(length, free);
          if (fits === 0)
            throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
          const r = await h.write(buffer, offset, fits, position);
          free -= r.bytesWritten;
          return { bytesWritten: r.bytesWritten };
        },
        stat: () => h.stat(),
        sync: () => h.sync(),
        close: () => h.close(),
      };
    },
    rename,
    unlink,
  };
}

/**
 * The files a run writes, as the README documents them, sorted: per region <CODE>-<date>.md and its chart .svg
 * (md), .csv (csv); then summary-<date>.md and .svg (md), summary-<date>.csv (csv), report-<date>.html (html).
 */
export function reportNames(
  regions: readonly string[],
  formats: readonly ('md' | 'csv' | 'html')[] = ['md'],
  opts: { date?: string; partial?: boolean } = {},
): string[] {
  const stem = (s: string): string => `${s}-${opts.date ?? DATE}${opts.partial ? '-partial' : ''}`;
  const names: string[] = [];
  for (const r of regions) {
    if (formats.includes('md')) names.push(`${stem(r)}.md`, `${stem(r)}.svg`);
    if (formats.includes('csv')) names.push(`${stem(r)}.csv`);
  }
  if (regions.length > 0) {
    if (formats.includes('md')) names.push(`${stem('summary')}.md`, `${stem('summary')}.svg`);
    if (formats.includes('csv')) names.push(`${stem('summary')}.csv`);
    if (formats.includes('html')) names.push(`${stem('report')}.html`);
  }
  return names.sort();
}
