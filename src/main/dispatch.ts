// Validation and result-wrapping of one IPC call, without Electron: the app's ipcMain wiring and the browser
// test harness both go through it, so the renderer under test meets exactly what it meets in the app.
import { invokeRequestSchemas, type InvokeChannel, type IpcResult } from '../shared/ipc-contract';
import { fieldLabel } from '../shared/scoring-registry';
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
    // Every field refused, each named as the app labels it (never the channel or the field's name in the
    // request, which people do not see), so a form can mark them all and the alert says them all.
    const fields = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      label: fieldLabel(issue.path) ?? (issue.path.map(String).join('.') || 'The request'),
      message: issue.message,
    }));
    return {
      ok: false,
      error: {
        code: 'input',
        message: fields.map((f) => `${f.label}: ${f.message}`).join('; '),
        fields,
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
