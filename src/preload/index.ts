// The preload: exposes exactly the contract's channels as `window.tagfit`, nothing else. Bundled into one
// CommonJS file that requires only `electron`, so the renderer stays sandboxed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { TagfitBridge } from '../shared/ipc-contract';
// Channel names only: the schemas (and zod) stay in main.
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc/channels';

const allowedInvoke = new Set<string>(INVOKE_CHANNELS);
const allowedEvents = new Set<string>(EVENT_CHANNELS);

const bridge: TagfitBridge = {
  invoke(channel, request) {
    if (!allowedInvoke.has(channel)) return Promise.reject(new Error(`Unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, request);
  },
  on(channel, listener) {
    if (!allowedEvents.has(channel)) throw new Error(`Unknown event ${channel}`);
    // The renderer never sees the Electron event object.
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('tagfit', bridge);
