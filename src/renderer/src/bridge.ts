// Typed access to window.tagfit (the preload in the app, the local bridge in the browser preview), turning IPC
// results into values or thrown errors for the stores.
import type {
  EventChannel,
  EventPayloads,
  InvokeChannel,
  InvokeRequest,
  InvokeResponses,
} from '../../shared/ipc-contract';
import type { ErrorCode } from '../../shared/model';

export class BridgeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function invoke<C extends InvokeChannel>(
  channel: C,
  request: InvokeRequest<C>,
): Promise<InvokeResponses[C]> {
  const r = await window.tagfit.invoke(channel, request);
  if (!r.ok) throw new BridgeError(r.error.code, r.error.message);
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
