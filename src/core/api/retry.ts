// Retrying one call through the client's queue: waits by Retry-After or backoff, gives up on what repeats.
import type PQueue from 'p-queue';
import pRetry from 'p-retry';
import { backoffDelay, sleep } from './backoff';
import { cancelledError, finalError, TransientFailure } from './call-errors';
import type { DecodeContext } from './decode-context';
import type { Send } from './request';

/** A truncated or malformed body is usually a hiccup, but one that repeats is the answer: stop after this many. */
const MAX_MALFORMED_RETRIES = 2;

interface RetryDeps {
  queue: PQueue;
  send: Send;
  retries: number;
  backoff: { min: number; max: number };
  /** Takes the key out of a message. */
  safe: (text: string) => string;
}

/** The body of a usable answer; `onAttempt` sees each attempt's own promise, which goes on after a stop. */
export async function fetchWithRetries(
  deps: RetryDeps,
  url: string,
  ctx: DecodeContext,
  signal: AbortSignal,
  onAttempt: (sending: Promise<unknown>) => void,
): Promise<unknown> {
  let attempts = 0;
  let malformed = 0;
  try {
    return await pRetry(
      (attempt) => {
        attempts = attempt;
        // Retries jump ahead of fresh calls: they were first in line already.
        const attemptOnce = (): Promise<unknown> => {
          const sending = deps.send(url, ctx, signal, attempt);
          onAttempt(sending);
          return sending;
        };
        return deps.queue.add(attemptOnce, { signal, priority: attempt > 1 ? 1 : 0 });
      },
      {
        retries: deps.retries,
        // The waits are ours (full jitter, Retry-After): p-retry only counts.
        minTimeout: 0,
        maxTimeout: 0,
        signal,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (signal.aborted) throw cancelledError(ctx);
          if (!(error instanceof TransientFailure)) throw error;
          if (error.kind === 'malformed' && ++malformed > MAX_MALFORMED_RETRIES) throw error;
          if (retriesLeft <= 0) return;
          // After a 429 the queue is already paused for the wait (see request.ts); this call waits the same.
          const wait =
            error.kind === 'rate-limited'
              ? (error.retryAfterMs ?? 0)
              : backoffDelay(attemptNumber, deps.backoff);
          await sleep(wait, signal, () => cancelledError(ctx));
        },
      },
    );
  } catch (e) {
    throw finalError(e, ctx, signal, attempts, deps.safe);
  }
}
