// Everything the CLI prints goes through here: names from the API or the user's files can carry terminal
// control sequences (colours, OSC titles, a carriage return) or direction overrides; they are printed inert.
import { terminalSafe } from '../core/text/safe-text';

/** Streams whose reader has gone (`tagfit … | head`): nothing more is written to them. */
const closed = new WeakSet<NodeJS.WritableStream>();
const watched = new WeakSet<NodeJS.WritableStream>();

/**
 * A reader that stops reading (`| head`, a closed log pipe) is not the run's failure: the run goes on to its end
 * (its reports, history and ledger written, its lock released) and exits as it would have; only what is printed
 * to that stream is dropped. Any other write error is still thrown.
 */
export function dropWritesAfterClosedPipe(stream: NodeJS.WritableStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed.add(stream);
  });
}

/** Writes `text` to `stream` with control and direction characters shown as `\uXXXX` escapes. */
export const safeWrite = (stream: NodeJS.WritableStream, text: string): boolean =>
  closed.has(stream) ? false : stream.write(terminalSafe(text));

export const writeOut = (text: string): boolean => safeWrite(process.stdout, text);
export const writeErr = (text: string): boolean => safeWrite(process.stderr, text);
