// Lenient leaves: each reads any JSON value of an answer's field and says what it had to do to get a usable one.

/** A field's value and, when it was not as documented, what was done about it ("null, used 0"). */
export interface Read<T> {
  value: T;
  issue?: string;
}

export function describeBad(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

const SUFFIX: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9 };

/** "123", "1,234" or TikTok's display form "1.2K" / "3M". */
function numberFromText(s: string): number | undefined {
  const m = /^(-?[\d,]*\.?\d+)\s*([KMB]?)$/i.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, '')) * SUFFIX[m[2]!.toUpperCase()]!;
  return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : undefined;
}

function readNumber(v: unknown): Read<number> {
  if (typeof v === 'number' && Number.isFinite(v)) return { value: v };
  const n = typeof v === 'string' ? numberFromText(v) : undefined;
  if (n !== undefined) return { value: n, issue: 'a string, coerced to a number' };
  return {
    value: 0,
    issue: `${typeof v === 'string' ? 'text that is not a number' : describeBad(v)}, used 0`,
  };
}

/**
 * Past this a count is not a count: #fyp's lifetime views are in the tens of trillions (1e13-1e14). A larger
 * value (1e307 likes) would overflow sums into Infinity and crash a run; it is the field's problem, used as 0.
 */
const MAX_COUNT = 1e15;

/** A count: likes, plays, followers... Lifetime counts can be rounded but never negative or absurd. */
export function readCount(v: unknown): Read<number> {
  const r = readNumber(v);
  if (r.value < 0) return { value: 0, issue: 'negative, used 0' };
  if (r.value > MAX_COUNT) return { value: 0, issue: `absurdly large (${r.value.toPrecision(3)}), used 0` };
  return r;
}

/** Unix seconds; a value past 1e11 can only be milliseconds (1e11 s is the year 5138). */
export function readUnixSeconds(v: unknown): Read<number> {
  const r = readCount(v);
  if (r.value > 1e11)
    return { value: Math.floor(r.value / 1000), issue: 'in milliseconds, converted to seconds' };
  return r;
}

export function readText(v: unknown): Read<string> {
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number' && Number.isFinite(v))
    return { value: String(v), issue: 'a number, coerced to text' };
  return { value: '', issue: `${describeBad(v)}, used ''` };
}

/** An id: ids are 64-bit and lose digits as JSON numbers, so a number is reported, not silently accepted. */
export function readId(v: unknown): Read<string> {
  if (typeof v === 'string' && v !== '') return { value: v };
  if (typeof v === 'number' && Number.isSafeInteger(v))
    return { value: String(v), issue: 'a number, coerced to text' };
  if (typeof v === 'number' && Number.isFinite(v)) {
    return { value: String(v), issue: 'a number beyond 2^53 (digits may be lost), coerced to text' };
  }
  return { value: '', issue: `${v === '' ? 'empty' : describeBad(v)}, used ''` };
}

export function readFlag(v: unknown): Read<boolean> {
  if (typeof v === 'boolean') return { value: v };
  if (v === 0 || v === 1 || v === '0' || v === '1' || v === 'true' || v === 'false') {
    return { value: v === 1 || v === '1' || v === 'true', issue: `${describeBad(v)}, coerced to a boolean` };
  }
  return { value: false, issue: `${describeBad(v)}, used false` };
}

/** A paging cursor: the API sends a string or a number; the next call wants it back as text. */
export function readCursor(v: unknown): Read<string> {
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { value: String(v) };
  return { value: '', issue: `${describeBad(v)}, used ''` };
}

/** What was wrong with a read value, without what was done about it ("null"). */
export const issueHead = (r: Read<unknown>): string => r.issue?.split(',')[0] ?? 'empty';

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
