// Typed access to window.tagfit, turning IPC results into values or thrown errors for the stores.
import type {
  EventChannel,
  EventPayloads,
  InvokeChannel,
  InvokeRequest,
  InvokeResponses,
} from '../../shared/ipc-contract';

export class BridgeError extends Error {
  constructor(
    readonly code: string,
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
