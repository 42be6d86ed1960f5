// What an answer is about and how its defects are said: one warning per field per answer, or an error naming
// the endpoint, the subject and the field when the answer is unusable.
import type { z } from 'zod';
import { TagfitError } from '../errors';
import { describeBad, type Read } from './read-field';

/** What an answer is about, for messages: the endpoint path and e.g. "#cats", "@alice" or 'keyword "cat"'. */
export interface DecodeContext {
  endpoint: string;
  /** '' when the call has no subject (the region list). */
  subject: string;
  onWarning?: (message: string) => void;
}

/**
 * What each endpoint answers, in people's words: a message says what was asked ("the posts of #cats in US"), never
 * the API's route (the route stays in the error's details, for logs).
 */
const CALL_WORDS: Record<string, (subject: string) => string> = {
  '/challenge-info-name/': (s) => `the hashtag info of ${s}`,
  '/challenge-posts/': (s) => `the posts of ${s}`,
  '/region-list/': () => 'the region list',
  '/userinfo-by-username/': (s) => `the profile of ${s}`,
  '/user-posts/': (s) => `the posts of ${s}`,
  '/search-user/': (s) => `the account search for ${s}`,
  '/search-challenge/': (s) => `the hashtag search for ${s}`,
};

/** What an answer was, as people read it: `the posts of #cats in US`. */
export function describeCall(ctx: Pick<DecodeContext, 'endpoint' | 'subject'>): string {
  const words = CALL_WORDS[ctx.endpoint];
  if (words) return words(ctx.subject);
  return ctx.subject ? `a TikLiveAPI answer about ${ctx.subject}` : 'a TikLiveAPI answer';
}

export class FieldNotes {
  readonly #byField = new Map<string, Map<string, number>>();

  constructor(
    private readonly ctx: DecodeContext,
    /** What the answer is a list of ("videos"), when it is one. */
    private readonly unit?: { name: string; total: number },
  ) {}

  take<T>(field: string, r: Read<T>): T {
    if (r.issue) {
      const issues = this.#byField.get(field) ?? new Map<string, number>();
      issues.set(r.issue, (issues.get(r.issue) ?? 0) + 1);
      this.#byField.set(field, issues);
    }
    return r.value;
  }

  note(field: string, issue: string): void {
    this.take(field, { value: undefined, issue });
  }

  flush(): void {
    if (!this.ctx.onWarning) return;
    for (const [field, issues] of this.#byField) {
      const parts = [...issues].map(([issue, n]) =>
        this.unit ? `${issue} in ${n} of ${this.unit.total} ${this.unit.name}` : issue,
      );
      this.ctx.onWarning(`${describeCall(this.ctx)}: field ${field} was ${parts.join('; ')}`);
    }
  }
}

export function invalid(ctx: DecodeContext, field: string, problem: string): TagfitError {
  return new TagfitError('invalid-response', `${describeCall(ctx)}: ${field} ${problem}`, {
    endpoint: ctx.endpoint,
    subject: ctx.subject,
    field,
  });
}

export function parseObject<S extends z.ZodType>(
  schema: S,
  body: unknown,
  ctx: DecodeContext,
  field: string,
): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw invalid(ctx, field, `is ${describeBad(body)}, not an object`);
  return r.data;
}
