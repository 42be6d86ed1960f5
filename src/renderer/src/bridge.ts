// Typed access to window.tagfit (the preload in the app, the local bridge in the browser preview), turning IPC
// results into values or thrown errors for the stores.
import type {
  EventChannel,
  EventPayloads,
  InvokeChannel,
  InvokeRequest,
  InvokeResponses,
} from '../../shared/ipc-contract';
import type { ErrorCode, FieldProblem } from '../../shared/model';

export class BridgeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For an input error: each field refused, for the form to mark. */
    readonly fields: readonly FieldProblem[] = [],
    /** For a workspace in use: its folder (the alert offers to open it read-only). */
    readonly dir?: string,
  ) {
    super(message);
  }
}

/** The fields an error is about (none for an error that is not about a form's fields). */
export const fieldProblems = (e: unknown): readonly FieldProblem[] =>
  e instanceof BridgeError ? e.fields : [];

/** Told of every call that ended, answered or refused (a store that mirrors what calls change reads it again). */
const settled = new Set<(channel: InvokeChannel) => void>();

/** Listens to the calls that end (by channel); returns the unsubscribe. */
export function onInvokeSettled(listener: (channel: InvokeChannel) => void): () => void {
  settled.add(listener);
  return () => settled.delete(listener);
}

export async function invoke<C extends InvokeChannel>(
  channel: C,
  request: InvokeRequest<C>,
): Promise<InvokeResponses[C]> {
  const r = await window.tagfit.invoke(channel, request).finally(() => {
    for (const l of settled) l(channel);
  });
  if (!r.ok) throw new BridgeError(r.error.code, r.error.message, r.error.fields, r.error.dir);
  return r.value;
}

export function on<E extends EventChannel>(channel: E, listener: (p: EventPayloads[E]) => void): () => void {
  return window.tagfit.on(channel, listener);
}

/**
 * An error in words a creator understands, from what main said: its kind (`title`, null where the message says it
 * all, as a list problem does) and the message itself (`detail`), which names the cause and so the fix.
 */
export function explain(e: unknown): { title: string | null; detail: string } {
  const code = (e as { code?: unknown } | null)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  const title: Record<string, string | null> = {
    auth: 'TikLiveAPI refused the key',
    network: 'TikLiveAPI could not be reached',
    timeout: 'TikLiveAPI did not answer in time',
    offline: 'Offline: the cache does not have it',
    input: null,
    storage: 'A file could not be read or written',
    locked: 'The workspace is in use',
    budget: 'The credit budget is spent',
    keychain: null,
    'not-found': 'Not found',
    cancelled: 'Cancelled',
  };
  const kind = typeof code === 'string' ? title[code] : undefined;
  return { title: kind === undefined ? (detail ? null : 'Something went wrong') : kind, detail };
}
