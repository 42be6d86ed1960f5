// The only place that touches ipcMain: one wrapper checks the sender and validates the payload for every
// channel, and turns thrown errors into results.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { invokeChannels, invokeRequestSchemas, type IpcResult } from '../shared/ipc-contract';
import { toErrorInfo } from '../core/errors';
import type { Handlers } from './handlers';

export function registerIpc(handlers: Handlers, isOurs: (wc: WebContents) => boolean): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
        if (!isOurs(event.sender) || event.senderFrame?.parent !== null) {
          return {
            ok: false,
            error: { code: 'input', message: `IPC ${channel} refused: unexpected sender.` },
          };
        }
        const parsed = invokeRequestSchemas[channel].safeParse(payload ?? {});
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
          const fn = handlers[channel] as (r: unknown) => Promise<unknown>;
          return { ok: true, value: await fn(parsed.data) };
        } catch (e) {
          return { ok: false, error: toErrorInfo(e) };
        }
      },
    );
  }
  return () => invokeChannels.forEach((c) => ipcMain.removeHandler(c));
}
