// The errors a call ends with when it is not sent (budget), stopped (cancelled) or out of tries.
import { TagfitError } from '../errors';
import { type DecodeContext, describeCall } from './decode-context';

/** A failed attempt worth another try; unwrapped into its TagfitError when the tries run out. */
type FailureKind = 'rate-limited' | 'server' | 'network' | 'timeout' | 'malformed';

export class TransientFailure extends Error {
  constructor(
    readonly error: TagfitError,
    readonly kind: FailureKind,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
    this.name = 'TransientFailure';
  }
}

/**
 * A call the budget leaves unsent. The message says no count of its moment: the run's own totals (its credits line,
 * printed after the requests under way have ended) are the figures, and a snapshot beside them read as a contradiction.
 */
export const budgetError = (ctx: DecodeContext, maxCredits: number): TagfitError =>
  new TagfitError(
    'budget',
    `Credit budget of ${maxCredits} reached: ${describeCall(ctx)} not sent (the ${maxCredits} requests it allows are sent or under way; every request sent counts, as TikLiveAPI may bill it)`,
    { endpoint: ctx.endpoint, subject: ctx.subject, maxCredits },
  );

export const cancelledError = (ctx: DecodeContext): TagfitError =>
  new TagfitError('cancelled', `Cancelled: ${describeCall(ctx)}`, {
    endpoint: ctx.endpoint,
    subject: ctx.subject,
  });

/** The error a call ends with, once retries are over or the run is cancelled; `safe` takes the key out. */
export function finalError(
  e: unknown,
  ctx: DecodeContext,
  signal: AbortSignal,
  attempts: number,
  safe: (text: string) => string,
): TagfitError {
  if (signal.aborted) return cancelledError(ctx);
  if (e instanceof TransientFailure) {
    const after = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
    if (e.kind === 'rate-limited') {
      return new TagfitError(
        'rate-limited',
        `${describeCall(ctx)}: still rate limited (HTTP 429)${after}`,
        e.error.details,
      );
    }
    return new TagfitError(e.error.code, `${e.error.message}${after}`, e.error.details);
  }
  if (e instanceof TagfitError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new TagfitError('network', `${describeCall(ctx)}: ${safe(message)}`, {
    endpoint: ctx.endpoint,
    subject: ctx.subject,
  });
}
