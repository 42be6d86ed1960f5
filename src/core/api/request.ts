// One request to TikLiveAPI: the key in its header only, a time-out, a capped body, and the answer judged:
// usable, worth another try (TransientFailure) or final (AbortError around a TagfitError).
import { AbortError } from 'p-retry';
import { TagfitError } from '../errors';
import {
  AnswerTooLarge,
  describeBadBody,
  describeFetchError,
  parseJson,
  readBounded,
  redactDeep,
} from './answer-body';
import { backoffDelay, parseRetryAfter } from './backoff';
import { budgetError, cancelledError, TransientFailure } from './call-errors';
import { type DecodeContext, describeCall } from './decode-context';
import { authError, errorFromBody, notFoundError } from './error-bodies';
import type { ClientOptions } from './types';

type RequestEvent = Parameters<NonNullable<ClientOptions['onRequest']>>[0];

interface RequestDeps {
  key: ClientOptions['key'];
  timeoutMs: number;
  maxAnswerBytes: number;
  maxCredits: number | undefined;
  backoff: { min: number; max: number };
  maxRetryAfterMs: number;
  /** The client's counters: requests sent, retries and 429s are counted here. */
  counters: { used: number; calls: number; retries: number; rateLimited: number };
  /** A 429 pauses the client's whole queue (see paced-queue.ts). */
  pauseQueueFor: (ms: number) => void;
  emit: (e: RequestEvent) => void;
  /** "Not found" bodies answered with HTTP 2xx, with their body: the client caches them as answers. */
  answeredNotFound: WeakMap<TagfitError, unknown>;
}

/** Sends one attempt: resolves with the parsed body of a usable answer; throws TransientFailure or AbortError. */
export type Send = (
  url: string,
  ctx: DecodeContext,
  signal: AbortSignal,
  attempt: number,
) => Promise<unknown>;

export function createSender(deps: RequestDeps): Send {
  const { key, timeoutMs, counters, emit } = deps;
  const safe = (text: string): string => key.redact(text);

  return async function send(url, ctx, signal, attempt) {
    if (signal.aborted) throw new AbortError(cancelledError(ctx));
    const where = describeCall(ctx);
    // The budget counts every request sent: an error body or a time-out may still be billed by the API.
    if (deps.maxCredits !== undefined && counters.calls >= deps.maxCredits)
      throw new AbortError(budgetError(ctx, deps.maxCredits));
    counters.calls++;
    if (attempt > 1) counters.retries++;
    const timeout = AbortSignal.timeout(timeoutMs);
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    let res: Response | undefined;
    let text: string;
    // A stop (Ctrl-C, the budget) cancels a request until its answer starts coming. An answer under way is paid
    // for: it is read to the end (within the time-out) so the caller can keep it for the next run.
    const beforeAnswer = new AbortController();
    const cancel = (): void => beforeAnswer.abort();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      res = await fetch(url, {
        headers: { 'X-Api-Key': key.reveal(), Accept: 'application/json' },
        signal: AbortSignal.any([beforeAnswer.signal, timeout]),
        // A redirect would carry X-Api-Key to wherever it points: refuse it instead of following.
        redirect: 'manual',
      });
      signal.removeEventListener('abort', cancel);
      text = await readBounded(res, deps.maxAnswerBytes);
    } catch (err) {
      signal.removeEventListener('abort', cancel);
      const details = { endpoint: ctx.endpoint, subject: ctx.subject };
      if (err instanceof AnswerTooLarge) {
        // Not a hiccup: the same request would bring the same flood. Not read further, not retried.
        emit({ endpoint: ctx.endpoint, status: res?.status ?? 'network-error', attempt, ms: ms() });
        const mb = Math.round(err.limit / 1_048_576);
        throw new AbortError(
          new TagfitError(
            'invalid-response',
            `${where}: TikLiveAPI's answer is larger than ${mb} MB (answers are normally well under 1 MB); it was not read or retried`,
            { ...details, limitBytes: err.limit },
          ),
        );
      }
      if (signal.aborted) throw new AbortError(cancelledError(ctx));
      if (timeout.aborted) {
        emit({ endpoint: ctx.endpoint, status: 'timeout', attempt, ms: ms() });
        const what = res ? 'the answer stopped coming' : 'no answer';
        throw new TransientFailure(
          new TagfitError('timeout', `${where}: ${what} within ${timeoutMs} ms`, details),
          'timeout',
        );
      }
      emit({ endpoint: ctx.endpoint, status: 'network-error', attempt, ms: ms() });
      const what = res ? 'the connection broke while the answer was coming' : 'the connection failed';
      throw new TransientFailure(
        new TagfitError('network', `${where}: ${what} (${safe(describeFetchError(err))})`, details),
        'network',
      );
    }
    const status = res.status;
    let rateLimitWait: number | undefined;
    if (status === 429) {
      // Pause before anything else runs, so no call queued meanwhile slips out into the same wall.
      const said = parseRetryAfter(res.headers.get('retry-after'), res.headers.get('date'), Date.now());
      rateLimitWait =
        said === undefined ? backoffDelay(attempt, deps.backoff) : Math.min(said, deps.maxRetryAfterMs);
      deps.pauseQueueFor(rateLimitWait);
    }
    emit({ endpoint: ctx.endpoint, status, attempt, ms: ms() });
    const parsed = parseJson(text);
    // An answer that names the key (a cha_name, a caption) would carry it into reports, cache and history.
    const json =
      parsed.ok && text.includes(key.reveal())
        ? { ok: true as const, value: redactDeep(parsed.value, safe) }
        : parsed;
    const bodyError = json.ok ? errorFromBody(json.value, ctx) : undefined;
    const details = { endpoint: ctx.endpoint, subject: ctx.subject, status };

    if (bodyError?.code === 'auth') throw new AbortError(bodyError);
    if (status === 401 || status === 403) throw new AbortError(authError(ctx, status));
    if (rateLimitWait !== undefined) {
      counters.rateLimited++;
      throw new TransientFailure(
        new TagfitError('rate-limited', `${where}: TikLiveAPI answered HTTP 429 (rate limited)`, details),
        'rate-limited',
        rateLimitWait,
      );
    }
    if (status >= 500) {
      const said = bodyError
        ? ` (${bodyError.message})`
        : json.ok
          ? ''
          : ` with ${describeBadBody(text, res.headers.get('content-type'))}`;
      throw new TransientFailure(
        new TagfitError('network', `${where}: TikLiveAPI answered HTTP ${status}${said}`, details),
        'server',
      );
    }
    if (bodyError) {
      if (bodyError.code === 'not-found' && status >= 200 && status < 300)
        deps.answeredNotFound.set(bodyError, json.ok ? json.value : undefined);
      throw new AbortError(bodyError);
    }
    if (status === 404) throw new AbortError(notFoundError(ctx));
    if (status < 200 || status >= 300) {
      const said =
        status >= 300 && status < 400 ? 'a redirect (not followed, to keep the key here)' : `HTTP ${status}`;
      throw new AbortError(
        new TagfitError('invalid-response', `${where}: TikLiveAPI answered ${said}`, details),
      );
    }
    if (!json.ok) {
      const what = describeBadBody(text, res.headers.get('content-type'));
      throw new TransientFailure(
        new TagfitError('invalid-response', `${where}: TikLiveAPI answered ${what}`, details),
        'malformed',
      );
    }
    return json.value;
  };
}
