// The error bodies TikLiveAPI answers instead of data, whatever the HTTP status, and the errors they stand for.
import { TagfitError } from '../errors';
import { type DecodeContext, describeCall } from './decode-context';
import { errorBodyDto } from './dto';
import { isObject } from './read-field';

const AUTH_MESSAGE = 'TikLiveAPI refused the API key (invalid key or empty balance)';

/** 401/403, or the HTTP-200 `{"message":"Api-Key is not available"}` body. */
export function authError(ctx: DecodeContext, status?: number): TagfitError {
  return new TagfitError('auth', AUTH_MESSAGE, { endpoint: ctx.endpoint, status });
}

function notFoundMessage(ctx: DecodeContext): string {
  const s = ctx.subject;
  if (s.startsWith('#')) return `No TikTok hashtag ${s.split(' ')[0]}`;
  if (s.startsWith('@')) return `No TikTok account ${s.split(' ')[0]}`;
  return `${describeCall(ctx)}: not found`;
}

/**
 * The error an answer body stands for, if it is an error body: `{"message":"Api-Key is not available"}` → auth,
 * `{"status":"error","message":"Not found ..."}` → not-found, any other `status: error` → invalid-response
 * with the API's message. `undefined` for a body that is not an error body.
 */
export function errorFromBody(body: unknown, ctx: DecodeContext): TagfitError | undefined {
  if (!isObject(body)) return undefined;
  const e = errorBodyDto.parse(body);
  const message = typeof e.message === 'string' ? e.message : '';
  const status = typeof e.status === 'string' ? e.status.toLowerCase() : undefined;
  const isError = status === 'error' || status === 'fail' || status === 'failed';
  if (/api[-_ ]?key/i.test(message) && (isError || status === undefined)) return authError(ctx);
  if (!isError) return undefined;
  if (/not\s*found|does not exist|doesn't exist/i.test(message)) {
    return new TagfitError('not-found', notFoundMessage(ctx), {
      endpoint: ctx.endpoint,
      subject: ctx.subject,
    });
  }
  return new TagfitError(
    'invalid-response',
    `${describeCall(ctx)}: TikLiveAPI answered an error: ${message || '(no message)'}`,
    { endpoint: ctx.endpoint, subject: ctx.subject },
  );
}

/** A 404 without a recognisable body. */
export function notFoundError(ctx: DecodeContext): TagfitError {
  return new TagfitError('not-found', notFoundMessage(ctx), { endpoint: ctx.endpoint, subject: ctx.subject });
}
