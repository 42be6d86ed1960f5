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

/** Where an answer came from, as people read it: `GET /challenge-posts/ for #cats`. */
export function describeCall(ctx: Pick<DecodeContext, 'endpoint' | 'subject'>): string {
  return ctx.subject ? `GET ${ctx.endpoint} for ${ctx.subject}` : `GET ${ctx.endpoint}`;
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
