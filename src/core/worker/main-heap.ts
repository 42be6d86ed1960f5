// The heap of the process that holds a run's samples and re-scores them (the app's main process, the preview, the
// CLI): let grow to half again what it holds after a collection, not the up to four times V8 allows a process that
// allocates fast. A dragged slider at 500 × 25 makes about 35 MB of short-lived answers an edit (rows, intervals,
// tag sets) that outlive a young collection; with V8's default the main heap reached 645-770 MB of its 205 MB live
// before a full collection, the process 1.16-1.24 GB (the scale bench, seven drags); with 50 %, 364 MB and
// 871-880 MB, the answers as fast (collections run concurrently with the thread).
import v8 from 'node:v8';

export const MAIN_HEAP_GROWING_PERCENT = 50;

let set = false;

/** Sets the growth once per process (V8's flags are the process's: its workers' heaps grow by it too). */
export function keepMainHeapTight(): void {
  if (set) return;
  set = true;
  v8.setFlagsFromString(`--heap-growing-percent=${MAIN_HEAP_GROWING_PERCENT}`);
}
