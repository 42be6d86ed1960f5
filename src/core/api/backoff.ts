// How long to wait before another try: the server's Retry-After when it says one, else backoff with jitter.
import type { TagfitError } from '../errors';

/**
 * A Retry-After header in ms: delta-seconds or an HTTP date. A date is measured against the answer's own
 * `Date` header when there is one, so a skewed local clock does not stretch or skip the wait.
 */
export function parseRetryAfter(
  value: string | null,
  responseDate: string | null,
  nowMs: number,
): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  const served = responseDate === null ? Number.NaN : Date.parse(responseDate);
  return Math.max(0, at - (Number.isNaN(served) ? nowMs : served));
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, min·2^(retry-1))). */
export function backoffDelay(
  retry: number,
  backoff: { min: number; max: number },
  random = Math.random,
): number {
  return Math.floor(random() * Math.min(backoff.max, backoff.min * 2 ** Math.max(0, retry - 1)));
}

/** Waits `ms`, or rejects with `stopped()` as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal, stopped: () => TagfitError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(stopped());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(stopped());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
