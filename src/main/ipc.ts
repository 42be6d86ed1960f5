// The only place that touches ipcMain: every channel checks its sender (our window, main frame), then
// goes through dispatch (payload validation, errors as results).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { invokeChannels, type IpcResult } from '../shared/ipc-contract';
import { dispatch } from './dispatch';
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
        return dispatch(handlers, channel, payload);
      },
    );
  }
  return () => invokeChannels.forEach((c) => ipcMain.removeHandler(c));
}
