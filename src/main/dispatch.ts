// Validation and result-wrapping of one IPC call, without Electron: the app's ipcMain wiring and the browser
// test harness both go through it, so the renderer under test meets exactly what it meets in the app.
import { invokeRequestSchemas, type InvokeChannel, type IpcResult } from '../shared/ipc-contract';
import { toErrorInfo } from '../core/errors';
import type { Handlers } from './handlers';

const known = new Set<string>(Object.keys(invokeRequestSchemas));

export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!known.has(channel))
    return { ok: false, error: { code: 'input', message: `IPC: unknown channel ${channel}.` } };
  const c = channel as InvokeChannel;
  const parsed = invokeRequestSchemas[c].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'input',
        message: `IPC ${channel}: ${issue?.path.join('.') || 'payload'}: ${issue?.message}`,
      },
    };
  }
  try {
    const fn = handlers[c] as (r: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed.data) };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}
