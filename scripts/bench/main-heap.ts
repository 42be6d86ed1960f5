// What the main process retains of a run's samples at scale: `node --expose-gc bin/run-ts.mjs
// scripts/bench/main-heap.ts 500x25` builds the scale bench's synthetic samples as a run holds them after its fetch
// and prints the heap and resident memory after a full collection (MB), so a change to what a run keeps per post
// is measured on its own, without the workers and the handlers of the full scale bench.
import { buildScaleSamples } from './scale-samples';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (x: number): number => Math.round(x / 2 ** 20);
const size = process.argv[2] ?? '200x25';
const [tags, regions] = size.split('x').map(Number);
gc();
const base = process.memoryUsage();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
const run = buildScaleSamples(tags!, regions!);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);
gc();
const m = process.memoryUsage();
console.log(
  JSON.stringify({
    size,
    posts: run.posts,
    retainedHeapMB: mb(m.heapUsed - base.heapUsed),
    bytesPerPost: Math.round((m.heapUsed - base.heapUsed) / run.posts),
    rssAfterGcMB: mb(m.rss),
    peakRssMB: mb(peakRss),
  }),
);
