// A scoring worker (node:worker_threads): holds a run's samples compact and scores regions from them, with their
// confidence, off the main thread. The draws the bootstrap remembers stay here, so a re-weighting reuses them.
import { parentPort, workerData } from 'node:worker_threads';
import type { RegionCode, RegionResult } from '../../shared/model';
import { type CompactRun, unpackSamples } from '../engine/compact-samples';
import { TagfitError, toErrorInfo } from '../errors';
import { scoreRun } from '../pipeline/score-run';
import { regionIntervals } from './region-intervals';
import { packIntervals } from './packed-intervals';
import type { FromWorker, ScoreJob, ToWorker, WorkerData } from './scoring-protocol';

const port = parentPort!;
const generation = new Int32Array((workerData as WorkerData).generation);
/** The last runs' samples (a re-score of the last run, a retry merged into it). */
const runs = new Map<string, CompactRun>();
const targetSets = new Map<string, ReadonlySet<string>>();
/** Regions whose intervals this worker computed (the stats a test reads: a stale job must compute none). */
let intervalRegions = 0;

/** One Set per target list, so the author keys worked out for it are reused (they are memoised by the set). */
function targetSet(targets: readonly string[]): ReadonlySet<string> {
  const key = targets.join('\u0000');
  let set = targetSets.get(key);
  if (!set) {
    if (targetSets.size >= 8) targetSets.clear();
    targetSets.set(key, (set = new Set(targets)));
  }
  return set;
}

function samplesOf(id: string): CompactRun {
  const run = runs.get(id);
  if (!run) throw new Error(`the scoring worker holds no samples "${id}"`);
  return run;
}

const scoreRegion = (run: CompactRun, job: ScoreJob, region: RegionCode): RegionResult =>
  scoreRun(job.candidates, targetSet(job.targets), [region], job.settings, job.nowSec, run, {
    confidence: job.confidence,
  })[region]!;

function handle(msg: ToWorker): FromWorker | undefined {
  if (msg.type === 'crash') throw new Error('scoring worker crash requested');
  if (msg.type === 'stats') return { id: msg.id, ok: true, stats: { intervalRegions } };
  if (msg.type === 'samples') {
    if (runs.size >= 2) runs.delete(runs.keys().next().value!);
    runs.set(msg.samplesId, unpackSamples(msg.packed));
    return undefined;
  }
  const run = samplesOf(msg.samplesId);
  if (msg.type === 'score') {
    const regions: Record<RegionCode, RegionResult> = {};
    for (const r of msg.job.regions) regions[r] = scoreRegion(run, msg.job, r);
    return { id: msg.id, ok: true, regions };
  }
  // A newer edit asked for other intervals: this one's would never be shown. Asked before each region and within
  // one (a region of 200 tags is about 10 ms of ranking, a new preset's draws about 100 ms).
  const stale = (): boolean => Atomics.load(generation, 0) !== msg.generation;
  for (const r of msg.job.regions) {
    if (stale()) return { id: msg.id, ok: true, cancelled: true };
    let rows: ReturnType<typeof regionIntervals>;
    try {
      rows = regionIntervals(run, msg.job, targetSet(msg.job.targets), r, stale);
    } catch (e) {
      if (e instanceof TagfitError && e.code === 'cancelled')
        return { id: msg.id, ok: true, cancelled: true };
      throw e;
    }
    intervalRegions += 1;
    // Each region as it is done (the one on screen need not wait for the other 24), and only then: sent again
    // in the job's answer, every region was taken in twice by the main thread.
    const packed = packIntervals(rows);
    const moved = [packed.numbers.buffer, packed.flags.buffer] as ArrayBuffer[];
    port.postMessage({ id: msg.id, ok: true, partial: r, packed } satisfies FromWorker, moved);
  }
  return { id: msg.id, ok: true, intervals: [...msg.job.regions] };
}

port.on('message', (msg: ToWorker) => {
  let reply: FromWorker | undefined;
  try {
    reply = handle(msg);
  } catch (e) {
    if (msg.type === 'crash') throw e;
    reply = 'id' in msg ? { id: msg.id, ok: false, error: toErrorInfo(e) } : undefined;
  }
  if (reply) port.postMessage(reply);
});
