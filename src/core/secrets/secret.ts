// A value that holds the API key and refuses to print it: logs, JSON and inspect all see "[redacted]".
const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The key itself: call only where it is put on the wire. */
  reveal(): string {
    return this.#value;
  }

  /** Replace every occurrence of the key in a text (for errors and logs). */
  redact(text: string): string {
    return this.#value.length > 0 ? text.split(this.#value).join(REDACTED) : text;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
