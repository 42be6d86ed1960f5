// Reading and judging an answer's body: a size cap while reading, JSON or not, and the key taken out of it.

/** TikLiveAPI's answers are tens to hundreds of KB; anything past this is not an answer worth holding in memory. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The body was larger than the cap: reading stopped there. */
export class AnswerTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${limit} bytes`);
  }
}

/** Reads a body as UTF-8 text, refusing it (and cancelling the rest) once it passes `limit` bytes. */
export async function readBounded(res: Response, limit: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => {});
    throw new AnswerTooLarge(limit);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => {});
      throw new AnswerTooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Every string in an answer with the key replaced: an API that echoes it (in a name) must not carry it into data. */
export function redactDeep(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)]));
  }
  return value;
}

/** The cause of a fetch failure in a few words (undici hides the useful part in `cause`). */
export function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  return [err.message, code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ');
}

export function describeBadBody(text: string, contentType: string | null): string {
  if (text.trim() === '') return 'an empty body instead of JSON';
  if (/html/i.test(contentType ?? '') || text.trimStart().startsWith('<'))
    return 'an HTML page instead of JSON';
  return `malformed or truncated JSON (${text.length} characters)`;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
