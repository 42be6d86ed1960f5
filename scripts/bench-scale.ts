// `npm run bench -- --scale`: the workbench at agency scale. For 50 × 4 up to 500 × 25 tags × regions (synthetic
// samples of 90 posts, seeded, built in memory), each in a process of its own: a cold score from the samples, a
// weights edit through the app's handlers (dispatch, validation, the re-rank) and its intervals, drags of 20 edits
// and the intervals after the last, the main thread's answer to app:get-status while a preset edit re-scores, and
// the process's peak memory. The goals are the issue's; the tests check what these paths answer, not their time.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createScaleApp, type Edit, type ScaleApp } from './bench/scale-app';
import { buildScaleSamples } from './bench/scale-samples';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES: [tags: number, regions: number][] = [
  [50, 4],
  [50, 25],
  [200, 25],
  [500, 25],
];
const EDITS = 21;
/** Drags measured: one drag's figure is a single sample on a noisy machine. */
const DRAGS = 7;

export interface ScaleRow {
  tags: number;
  regions: number;
  posts: number;
  workers: number;
  /** Cold score from the samples in the scoring workers: ranks only, and with the confidence. */
  coldRanks: number;
  coldConfidence: number;
  /** A weights edit through the handlers: its answer (ranks and scores), median and slowest of EDITS. */
  rerankMedian: number;
  rerankMax: number;
  /** CPU time of the whole process (every thread) for an edit's answer, median of EDITS. */
  rerankCpu: number;
  /** From a weights edit to its intervals, median of EDITS (each edit waited for). */
  intervalsMedian: number;
  /** CPU time of the whole process (main and workers) from the edit to its intervals, median of EDITS. */
  intervalsCpu: number;
  /** From a weights edit to its first region's intervals, median of EDITS. */
  firstRegionMedian: number;
  /** A drag: 20 edits 16 ms apart; from the last edit to its intervals, its first region's and all, median of
   * DRAGS, and the slowest drag's all. */
  dragFirstRegion: number;
  dragIntervals: number;
  dragIntervalsMax: number;
  drags: number;
  /** app:get-status answered while a preset edit re-scores (metrics, then new draws and intervals). */
  statusMedian: number;
  statusMax: number;
  statusCount: number;
  /** Peak resident memory of the process (all threads), and of the main thread's heap, garbage included. */
  peakRss: number;
  peakHeap: number;
  /** The largest resident memory right after a full collection in the main thread (--expose-gc): what the data
   * held takes, without the garbage the heap has not collected yet. */
  liveRss: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One size, in this process: every figure of its row. */
async function measure(tags: number, regions: number): Promise<ScaleRow> {
  let peakRss = 0;
  let peakHeap = 0;
  let phase = 'samples';
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > peakRss && process.env.TAGFIT_BENCH_PHASES)
      process.stderr.write(
        `peak ${phase}: rss ${(m.rss / 2 ** 20).toFixed(0)} MB heap ${(m.heapUsed / 2 ** 20).toFixed(0)} ab ${(m.arrayBuffers / 2 ** 20).toFixed(0)}\n`,
      );
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  let liveRss = 0;
  const live = (): void => {
    (globalThis as { gc?: () => void }).gc?.();
    liveRss = Math.max(liveRss, process.memoryUsage().rss);
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-bench-scale-'));
  let app: ScaleApp | undefined;
  try {
    const run = buildScaleSamples(tags, regions);
    sample();
    phase = 'app';
    app = await createScaleApp(dir, run);
    phase = 'cold';
    const cold = await app.coldScore();
    phase = 'edits';
    sample();
    live();

    const weights = (i: number) => {
      const v = 0.1 + ((i * 37) % 80) / 100;
      return { velocity: v, density: (1 - v) / 2, overlap: (1 - v) / 2 };
    };
    // Warm-up: the first edit scores the metrics in hand once (a weights edit after it never does).
    await app.edit({ weights: weights(200) }, true);
    const rerank: number[] = [];
    const intervals: number[] = [];
    const rerankCpu: number[] = [];
    const firstRegion: number[] = [];
    const intervalsCpu: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const e = await app.edit({ weights: weights(i) }, true);
      rerank.push(e.answerMs);
      intervals.push(e.intervalsMs!);
      rerankCpu.push(e.answerCpu);
      firstRegion.push(e.firstRegionMs!);
      intervalsCpu.push(e.intervalsCpu!);
    }
    phase = 'drag';
    // Drags: edits as a slider sends them, the intervals of all but the last cancelled.
    const dragFirst: number[] = [];
    const dragAll: number[] = [];
    for (let d = 0; d < DRAGS; d++) {
      const drag: Promise<Edit>[] = [];
      for (let i = 0; i < 20; i++) {
        drag.push(app.edit({ weights: weights(100 + 20 * d + i) }, i === 19));
        await sleep(16);
      }
      const last = await drag.at(-1)!;
      await Promise.all(drag);
      dragFirst.push(last.firstRegionMs!);
      dragAll.push(last.intervalsMs!);
    }
    live();

    phase = 'preset';
    // Another request while a re-score runs: a preset edit (new metrics in a worker, then new draws).
    const status: number[] = [];
    let busy = true;
    const going = app.edit({ preset: 'paid' }, true).finally(() => (busy = false));
    while (busy) {
      status.push(await app.statusMs());
      await sleep(10);
    }
    await going;
    sample();
    live();
    return {
      tags,
      regions,
      posts: run.posts,
      workers: app.workers,
      coldRanks: cold.ranksMs,
      coldConfidence: cold.confidenceMs,
      rerankMedian: median(rerank),
      rerankMax: Math.max(...rerank),
      rerankCpu: median(rerankCpu),
      intervalsMedian: median(intervals),
      intervalsCpu: median(intervalsCpu),
      firstRegionMedian: median(firstRegion),
      dragFirstRegion: median(dragFirst),
      dragIntervals: median(dragAll),
      dragIntervalsMax: Math.max(...dragAll),
      drags: DRAGS,
      statusMedian: median(status),
      statusMax: Math.max(...status),
      statusCount: status.length,
      peakRss,
      peakHeap,
      liveRss,
    };
  } finally {
    clearInterval(sampler);
    await app?.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each size in a child process of its own, so one size's memory does not count in the next one's. */
function child(tags: number, regions: number): Promise<ScaleRow> {
  const args = ['--expose-gc', 'bin/run-ts.mjs', 'scripts/bench-scale.ts', '--size', `${tags}x${regions}`];
  const c = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  c.stdout.setEncoding('utf8');
  c.stdout.on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    c.once('error', reject);
    c.once('close', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`bench --scale ${tags}x${regions} exited with code ${code}`));
      else resolve(JSON.parse(line) as ScaleRow);
    });
  });
}

const ms = (x: number): string => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));
const mb = (x: number): string => `${Math.round(x / 2 ** 20).toLocaleString('en')} MB`;

export function scaleTable(rows: readonly ScaleRow[]): string {
  const load = os.loadavg()[0]!.toFixed(1);
  const lines = rows.map((r) =>
    [
      `${r.tags} × ${r.regions}`,
      `${(r.posts / 1000).toFixed(0)}k`,
      `${ms(r.coldRanks)} / ${ms(r.coldConfidence)}`,
      `${ms(r.rerankMedian)} (max ${ms(r.rerankMax)}; CPU ${ms(r.rerankCpu)})`,
      `${ms(r.firstRegionMedian)} / ${ms(r.intervalsMedian)} (CPU ${ms(r.intervalsCpu)}, all threads)`,
      `${ms(r.dragFirstRegion)} / ${ms(r.dragIntervals)} (max ${ms(r.dragIntervalsMax)}, n ${r.drags})`,
      `${ms(r.statusMedian)} (max ${ms(r.statusMax)}, n ${r.statusCount})`,
      `${mb(r.peakRss)} (heap ${mb(r.peakHeap)}); after GC ${mb(r.liveRss)}`,
    ].join(' | '),
  );
  return [
    `== scale: the workbench's answers by list size (ms; ${rows[0]?.workers ?? '?'} scoring workers; load ${load} on ${os.cpus().length} cores) ==`,
    'goals at 200 × 25: re-rank < 16 ms (median); intervals < 250 ms after the last edit (medians); app:get-status < 50 ms while re-scoring; at 500 × 25 peak memory < 1 GB',
    '| tags × regions | posts | cold score: ranks / with confidence | weights edit → ranks | → intervals: first region / all | drags: last edit → intervals: first region / all | app:get-status during a re-score | peak memory (RSS, all threads) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lines.map((l) => `| ${l} |`),
  ].join('\n');
}

/** "500x25" or "200x25,500x25": the sizes asked for (`--sizes`), each tags × regions. */
export function parseSizes(text: string): [tags: number, regions: number][] {
  return text.split(',').map((one) => {
    const m = /^\s*(\d+)x(\d+)\s*$/.exec(one);
    if (!m) throw new Error(`--sizes: "${one}" is not tags x regions, e.g. 500x25`);
    return [Number(m[1]), Number(m[2])];
  });
}

/** The scale table, of every size or of `sizes` (e.g. "500x25"). */
export async function scaleSection(sizes?: string): Promise<string> {
  const rows: ScaleRow[] = [];
  for (const [tags, regions] of sizes ? parseSizes(sizes) : SIZES) {
    process.stderr.write(`scale: ${tags} tags × ${regions} regions…\n`);
    rows.push(await child(tags, regions));
  }
  return scaleTable(rows);
}

// Run directly: `--size 200x25` measures one size and prints its row as JSON (the parent's child); `--sizes
// 200x25,500x25` the table of those sizes; no flag: all.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { size: { type: 'string' }, sizes: { type: 'string' } },
    strict: false,
  });
  if (typeof values.size === 'string') {
    const [t, r] = values.size.split('x').map(Number);
    const row = await measure(t!, r!);
    process.stdout.write(`${JSON.stringify(row)}\n`);
    process.exit(0);
  } else {
    console.log(await scaleSection(typeof values.sizes === 'string' ? values.sizes : undefined));
  }
}
