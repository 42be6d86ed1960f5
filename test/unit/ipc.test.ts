// The one IPC wrapper: a message from another window or a sub-frame is refused, a bad payload is refused
// with the field named, and a handler's thrown error crosses as { ok: false, error } (never a rejection).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) =>
      registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc } = await import('../../src/main/ipc');
const { TagfitError } = await import('../../src/core/errors');
const { invokeChannels, invokeRequestSchemas } = await import('../../src/shared/ipc-contract');
const { INVOKE_CHANNELS } = await import('../../src/shared/ipc/channels');

const ours = { id: 1 };
const mainFrame = { parent: null };
const call = (channel: string, payload: unknown, sender = ours, senderFrame: unknown = mainFrame) =>
  registered.get(channel)!({ sender, senderFrame }, payload);

describe('registerIpc', () => {
  let setKey: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    registered.clear();
    setKey = vi.fn(async () => ({ state: 'set', source: 'keychain', message: 'Key stored.' }));
    // Every channel answers something; two are the ones under test.
    const handlers: Record<string, unknown> = Object.fromEntries(
      invokeChannels.map((c) => [c, async () => ({ channel: c })]),
    );
    handlers['keychain:set-key'] = setKey;
    handlers['run:start'] = async () => {
      throw new TagfitError('auth', 'TikLiveAPI refused the API key');
    };
    registerIpc(handlers as never, (wc) => (wc as { id: number }).id === 1);
  });

  it('registers exactly the contract channels: the zod-free name list and the schemas agree', () => {
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeRequestSchemas).sort());
    expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(invokeRequestSchemas).sort());
    // No channel named twice (a count here went stale with every domain that added one).
    expect(registered.size).toBe(new Set(INVOKE_CHANNELS).size);
    expect(INVOKE_CHANNELS).toHaveLength(registered.size);
  });

  it('refuses another window and a sub-frame without running the handler', async () => {
    expect(await call('keychain:set-key', { key: 'abcdefgh12' }, { id: 2 })).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    expect(await call('keychain:set-key', { key: 'abcdefgh12' }, ours, { parent: {} })).toMatchObject({
      ok: false,
    });
    expect(setKey).not.toHaveBeenCalled();
  });

  it('validates the payload and names the field', async () => {
    const r = (await call('run:start', { overrides: { weights: { velocity: 1e308 } } })) as {
      ok: boolean;
      error: { message: string };
    };
    expect(r.ok).toBe(false);
    expect(r.error.message).toBe('Velocity weight: must be 10 or less');
    const extra = (await call('keychain:set-key', { key: 'abcdefgh12', path: '/etc' })) as { ok: boolean };
    expect(extra.ok).toBe(false);
  });

  it('turns a thrown error into a result with its code and message', async () => {
    const r = await call('run:start', {});
    expect(r).toEqual({ ok: false, error: { code: 'auth', message: 'TikLiveAPI refused the API key' } });
    expect(await call('keychain:set-key', { key: 'abcdefgh12' })).toEqual({
      ok: true,
      value: { state: 'set', source: 'keychain', message: 'Key stored.' },
    });
  });
});
