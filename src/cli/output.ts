// Everything the CLI prints goes through here: names from the API or the user's files can carry terminal
// control sequences (colours, OSC titles, a carriage return) or direction overrides; they are printed inert.
import { terminalSafe } from '../core/text/safe-text';

/** Writes `text` to `stream` with control and direction characters shown as `\uXXXX` escapes. */
export const safeWrite = (stream: NodeJS.WritableStream, text: string): boolean =>
  stream.write(terminalSafe(text));

export const writeOut = (text: string): boolean => safeWrite(process.stdout, text);
export const writeErr = (text: string): boolean => safeWrite(process.stderr, text);
