// The client's one queue: requests start strictly spaced under the plan's rate, and a 429 pauses them all.
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';

/** Pace a few percent under the plan so clock drift and the server's window edges never add up to a 429. */
const PACING_MARGIN = 0.05;

interface PacedQueue {
  queue: PQueue;
  /** Holds every queued call until `ms` from now (or a later pause's end); a stop releases them at once. */
  pauseFor(ms: number): void;
}

export function createPacedQueue(opts: {
  concurrency: number;
  requestsPerMinute: number;
  signal: AbortSignal | undefined;
}): PacedQueue {
  const rpm = opts.requestsPerMinute;
  // One start per slot, strictly spaced: a sliding 60 s window on the server never sees a burst.
  const pacing =
    Number.isFinite(rpm) && rpm > 0
      ? { intervalCap: 1, interval: Math.ceil((60_000 / rpm) * (1 + PACING_MARGIN)), strict: true }
      : {};
  const queue = new PQueue({ concurrency: Math.max(1, opts.concurrency), ...pacing });

  // A 429 is about the client, not the request: the whole queue waits until the latest Retry-After ends.
  let resumeAt = 0;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  const pauseFor = (ms: number): void => {
    const until = performance.now() + ms;
    if (until <= resumeAt) return;
    resumeAt = until;
    queue.pause();
    clearTimeout(resumeTimer);
    resumeTimer = setTimeout(() => {
      resumeAt = 0;
      queue.start();
    }, ms);
    // Hold the process open only while calls wait on the pause; a cancelled or finished run exits at once.
    if (queue.size === 0) resumeTimer.unref?.();
  };
  queue.on('add', () => {
    if (resumeAt > 0) resumeTimer?.ref?.();
  });
  // Every queued call listens to the run's signal: hundreds of listeners are expected, not a leak.
  if (opts.signal) setMaxListeners(0, opts.signal);
  opts.signal?.addEventListener(
    'abort',
    () => {
      clearTimeout(resumeTimer);
      queue.start();
    },
    { once: true },
  );
  return { queue, pauseFor };
}
