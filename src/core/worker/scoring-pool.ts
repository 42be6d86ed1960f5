// The job layer's scoring workers: a run's samples are sent once, then regions are scored (and their confidence
// computed) in worker threads, split across the pool so the main process stays free to answer. A worker that
// crashes or fails answers its jobs with a typed error instead of leaving them waiting, and is started again for
// the next job. Interval jobs carry a generation: a newer one makes the older stop and resolve undefined.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { RegionCode, RegionResult, ScoreConfidence } from '../../shared/model';
import { type PackedSamples, packSamples } from '../engine/compact-samples';
import { TagfitError } from '../errors';
import type { RunSamples } from '../pipeline/run-samples';
import { unpackIntervals } from './packed-intervals';
import type { FromWorker, ScoreJob, ToWorker, WorkerStats } from './scoring-protocol';
import { keepMainHeapTight } from './main-heap';
import { startScoringWorker } from './worker-entry';

/** Each scoring worker's young generation (see workerOf). */
const WORKER_YOUNG_GENERATION_MB = 4;

export type { ScoreJob };
export type Intervals = Record<RegionCode, Map<string, ScoreConfidence>>;

export interface ScoringPool {
  /** Every region of `job` scored from `data`'s samples (and their confidence when job.confidence). */
  score(data: RunSamples, job: ScoreJob): Promise<Record<RegionCode, RegionResult>>;
  /** The confidence of every ranked tag under job.settings; undefined when a newer call made it pointless. Each
   * region is also given to `onRegion` as soon as a worker has it (while the call is still the newest). */
  intervals(
    data: RunSamples,
    job: Omit<ScoreJob, 'confidence'>,
    onRegion?: (region: RegionCode, intervals: Map<string, ScoreConfidence>) => void,
  ): Promise<Intervals | undefined>;
  /** Test hook: make a worker fail as a crash would. */
  crashForTest(): void;
  dispose(): Promise<void>;
}

interface Slot {
  worker?: Worker;
  /** Samples this worker holds, by id. */
  holds: Set<string>;
  pending: Map<
    number,
    { resolve: (m: FromWorker) => void; reject: (e: Error) => void; partial?: (m: FromWorker) => void }
  >;
}

/** Default pool size: a worker per core, at most four. The main thread mostly waits while they work, and one worker
 * on a two-core laptop took twice as long over the intervals of 200 tags × 25 regions. */
export const defaultPoolSize = (): number => Math.max(1, Math.min(4, availableParallelism()));

/** A pool as createScoringPool makes it: with a test hook the other implementations need not have. */
export interface LocalScoringPool extends ScoringPool {
  /** Test hook: what the running workers have done, summed. */
  statsForTest(): Promise<WorkerStats>;
}

export function createScoringPool(opts: { size?: number } = {}): LocalScoringPool {
  const size = Math.max(1, opts.size ?? defaultPoolSize());
  const generation = new Int32Array(new SharedArrayBuffer(4));
  const slots: Slot[] = Array.from({ length: size }, () => ({ holds: new Set(), pending: new Map() }));
  // Samples by run data object: packed once, kept to send again to a restarted worker.
  const packed = new WeakMap<RunSamples, { id: string; packed: PackedSamples }>();
  let nextId = 0;
  let nextSamples = 0;
  let disposed = false;

  function fail(slot: Slot, why: string): void {
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    slot.worker = undefined;
    slot.holds.clear();
    for (const p of pending)
      p.reject(
        new TagfitError('internal', `The scoring worker stopped (${why}): the scores were not computed.`),
      );
  }

  function workerOf(slot: Slot): Worker {
    if (disposed) throw new TagfitError('cancelled', 'The scoring workers were closed.');
    if (slot.worker) return slot.worker;
    const w = startScoringWorker({
      workerData: { generation: generation.buffer },
      // A worker's big data are typed arrays outside its heap, and what it allocates dies young: a small young
      // generation is collected sooner. At 500 × 25 the default kept about 100 MB more resident across the two
      // workers (the scale bench, after a full collection: 805 MB instead of 896-923), at no measurable CPU cost.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    w.unref();
    w.on('message', (m: FromWorker) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      if (m.ok && 'partial' in m) return void p.partial?.(m);
      slot.pending.delete(m.id);
      if (slot.pending.size === 0) w.unref();
      p.resolve(m);
    });
    w.on('error', (e) => {
      if (slot.worker === w) fail(slot, e.message);
    });
    w.on('exit', (code) => {
      if (slot.worker === w) fail(slot, `exit code ${code}`);
    });
    slot.worker = w;
    return w;
  }

  function samplesFor(data: RunSamples): { id: string; packed: PackedSamples } {
    let p = packed.get(data);
    if (!p) packed.set(data, (p = { id: `s${++nextSamples}`, packed: packSamples(data) }));
    return p;
  }

  function send(
    slot: Slot,
    data: RunSamples,
    msg: (samplesId: string, id: number) => ToWorker,
    partial?: (m: FromWorker) => void,
  ): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      try {
        const w = workerOf(slot);
        const s = samplesFor(data);
        if (!slot.holds.has(s.id)) {
          w.postMessage({ type: 'samples', samplesId: s.id, packed: s.packed } satisfies ToWorker);
          slot.holds.add(s.id);
        }
        const id = ++nextId;
        slot.pending.set(id, { resolve, reject, partial });
        // Held while a job is out, so a CLI run waits for its answer; let go when idle, so it can exit.
        w.ref();
        w.postMessage(msg(s.id, id));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  const failed = (m: FromWorker): never => {
    throw new TagfitError(
      m.ok ? 'internal' : m.error.code,
      m.ok ? 'The scoring worker answered out of turn.' : m.error.message,
    );
  };

  /** Regions split across the workers by their place in alphabetical order, each worker's in the job's order: a
   * region goes to the same worker whatever the order it is asked in (so the draws it remembers are reused), and
   * the job's first region (the one the grid shows) is the first its worker computes. */
  const shares = (regions: readonly RegionCode[]): RegionCode[][] => {
    const slotOf = new Map([...regions].sort().map((r, i) => [r, i % size] as const));
    return slots.map((_, i) => regions.filter((r) => slotOf.get(r) === i)).filter((s) => s.length > 0);
  };

  return {
    async score(data, job) {
      const parts = await Promise.all(
        shares(job.regions).map((regions, i) =>
          send(slots[i]!, data, (samplesId, id) => ({
            type: 'score',
            id,
            samplesId,
            job: { ...job, regions },
          })),
        ),
      );
      const out: Record<RegionCode, RegionResult> = {};
      const byRegion = Object.assign(
        {},
        ...parts.map((m) => (m.ok && 'regions' in m ? m.regions : failed(m))),
      );
      for (const r of job.regions) if (byRegion[r]) out[r] = byRegion[r];
      return out;
    },

    async intervals(data, job, onRegion) {
      const g = Atomics.add(generation, 0, 1) + 1;
      // Sent on the next turn of the event loop, if still the newest: calls made back to back (edits that queued
      // up behind each other) leave only the last to reach the workers, and the others never start.
      await new Promise<void>((next) => setImmediate(next));
      if (Atomics.load(generation, 0) !== g) return undefined;
      // The regions come once each, as the workers finish them; the answer is made of them.
      const got: Intervals = {};
      const partial = (m: FromWorker): void => {
        if (!m.ok || !('partial' in m) || Atomics.load(generation, 0) !== g) return;
        got[m.partial] = unpackIntervals(m.packed);
        onRegion?.(m.partial, got[m.partial]!);
      };
      const parts = await Promise.all(
        shares(job.regions).map((regions, i) =>
          send(
            slots[i]!,
            data,
            (samplesId, id) => ({
              type: 'intervals',
              id,
              samplesId,
              generation: g,
              job: { ...job, regions, confidence: true },
            }),
            partial,
          ),
        ),
      );
      if (Atomics.load(generation, 0) !== g || parts.some((m) => m.ok && 'cancelled' in m)) return undefined;
      for (const m of parts) if (!m.ok || !('intervals' in m)) failed(m);
      const out: Intervals = {};
      for (const r of job.regions) {
        if (!got[r])
          throw new TagfitError('internal', `The scoring worker sent no intervals for region ${r}.`);
        out[r] = got[r];
      }
      return out;
    },

    async statsForTest() {
      const answers = await Promise.all(
        slots
          .filter((slot) => slot.worker)
          .map(
            (slot) =>
              new Promise<FromWorker>((resolve, reject) => {
                const id = ++nextId;
                slot.pending.set(id, { resolve, reject });
                slot.worker!.ref();
                slot.worker!.postMessage({ type: 'stats', id } satisfies ToWorker);
              }),
          ),
      );
      const stats: WorkerStats = { intervalRegions: 0 };
      for (const m of answers) stats.intervalRegions += m.ok && 'stats' in m ? m.stats.intervalRegions : 0;
      return stats;
    },

    crashForTest() {
      workerOf(slots[0]!).postMessage({ type: 'crash' } satisfies ToWorker);
    },

    async dispose() {
      disposed = true;
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          fail(slot, 'closed');
          await w?.terminate();
        }),
      );
    },
  };
}

let shared: ScoringPool | undefined;

/** The process's scoring pool (the CLI's runs, the app's handlers): started on first use; its idle workers do not
 * keep a process alive. */
export function sharedScoringPool(): ScoringPool {
  if (!shared) {
    // The process that scores holds the run's samples and answers its edits: its heap kept tight (main-heap.ts).
    keepMainHeapTight();
    shared = createScoringPool();
  }
  return shared;
}
