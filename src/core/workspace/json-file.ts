// Reading and writing the workspace's JSON files: atomic writes, and parse errors that name a line and column.
import { readFile } from 'node:fs/promises';
import { TagfitError } from '../errors';
import { type AtomicFs, atomicWrite } from '../storage/atomic-write';
import { storageError } from '../storage/storage-error';

export type JsonRead =
  { ok: true; value: unknown; text: string } | { ok: false; reason: string; text: string };

/** Parses JSON text (a UTF-8 BOM from Notepad is tolerated); on failure, says where and what is wrong. */
export function parseJsonText(raw: string): JsonRead {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    // V8's messages do not always carry a position, so find the first error ourselves.
    const err = locateJsonError(text) ?? { offset: 0, reason: 'not valid JSON' };
    const { line, column } = lineAndColumn(text, err.offset);
    return { ok: false, reason: `line ${line}, column ${column}: ${err.reason}`, text };
  }
}

/** Reads a file; I/O errors become TagfitError('storage') naming the path. ENOENT is returned as undefined. */
export async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TagfitError('storage', `Cannot read ${path}: ${(e as Error).message}`, { path }, { cause: e });
  }
}

/** Pretty JSON with a final newline, so files diff line by line. */
export const toPrettyJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Temp file in the same folder, flushed, then renamed over the target: a reader never sees half a file. */
export async function writeFileAtomically(
  path: string,
  content: string,
  opts: { fsync?: boolean; fs?: AtomicFs } = {},
): Promise<void> {
  try {
    await atomicWrite(path, content, { fsync: opts.fsync ?? true, fs: opts.fs });
  } catch (e) {
    throw storageError('write', path, e);
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** 1-based line of the value at a path (e.g. ["weights", "velocity"]) in pretty JSON, if it can be found. */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  let from = 0;
  let found = -1;
  for (const seg of path) {
    if (typeof seg !== 'string') continue;
    const at = text.indexOf(JSON.stringify(seg), from);
    if (at < 0) break;
    found = at;
    from = at + 1;
  }
  return found < 0 ? undefined : lineAndColumn(text, found).line;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A small JSON scanner that returns the offset and reason of the first error, or undefined if the text is valid. */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly reason: string,
    ) {}
  }
  const fail = (reason: string, at = i): never => {
    throw new Stop(at, reason);
  };
  const describe = (c: string | undefined): string =>
    c === undefined ? 'the end of the file (truncated?)' : `${JSON.stringify(c)}`;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string, what: string): void => {
    ws();
    if (text[i] !== c) fail(`expected ${what}, found ${describe(text[i])}`);
    i++;
  };
  const str = (): void => {
    i++; // opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('a string is not closed (truncated?)');
      if (c === '"') {
        i++;
        return;
      }
      if (c!.charCodeAt(0) < 0x20) fail('a line break or control character inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('a bad escape in a string');
      } else i++;
    }
  };
  /** The items of an object or array, opened at `i`, up to `close`; each read by `item`. */
  const members = (close: string, item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(`expected "," or "${close}" after a value, found ${describe(text[i])}`);
    }
  };
  const member = (): void => {
    ws();
    if (text[i] !== '"') fail(`expected a quoted field name, found ${describe(text[i])}`);
    str();
    expect(':', '":" after a field name');
    value();
  };
  function value(): void {
    ws();
    const c = text[i];
    if (c === '{') return members('}', member);
    if (c === '[') return members(']', value);
    if (c === '"') return str();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    fail(`expected a value, found ${describe(c)}`);
  }
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}
