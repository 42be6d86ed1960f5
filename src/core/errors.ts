// Typed errors of the engine: a code for programs, a message for people that says what and where.
import type { ErrorCode, ErrorInfo } from '../shared/model';

export class TagfitError extends Error {
  readonly code: ErrorCode;
  /** Extra context for logs (never the API key). */
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TagfitError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    // The fields an input error is about (details.fields, FieldProblem[]) cross too: a form marks each one.
    const fields = this.details.fields;
    const dir = this.details.dir;
    return {
      code: this.code,
      message: this.message,
      ...(Array.isArray(fields) ? { fields: fields as ErrorInfo['fields'] } : {}),
      // A workspace in use names its folder: the app offers to open it read-only.
      ...(this.code === 'locked' && typeof dir === 'string' ? { dir } : {}),
    };
  }
}

/** Any thrown value as an ErrorInfo: ours keep their code; anything else is `internal` with its message. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof TagfitError) return e.toInfo();
  if (e instanceof Error && e.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
