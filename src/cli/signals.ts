// Ctrl-C in the terminal: the first stops the run cleanly (what was fetched stays in the cache), a second ends
// the process at once.
import { writeErr } from './output';

/** Aborts `controller` on SIGINT or SIGTERM; returns the function that removes the listeners. */
function stopOnSignals(controller: AbortController): () => void {
  // `on`, not `once`: signal-exit (inside proper-lockfile and write-file-atomic) re-raises a signal that it
  // finds no other listener for, so a `once` listener gone mid-emit let one Ctrl-C during a cache write kill
  // the run before its reports. A second signal still ends the process at once.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.kill(process.pid, signal);
      return;
    }
    writeErr('\ntagfit: stopping; what was fetched is kept in the cache…\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** Runs `job` with a signal that Ctrl-C aborts; the listeners are removed when it ends. */
export async function withStopSignals<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stopListening = stopOnSignals(controller);
  try {
    return await job(controller.signal);
  } finally {
    stopListening();
  }
}
