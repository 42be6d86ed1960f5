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

const ours = { id: 1 };
const mainFrame = { parent: null };
const call = (channel: string, payload: unknown, sender = ours, senderFrame: unknown = mainFrame) =>
  registered.get(channel)!({ sender, senderFrame }, payload);

describe('registerIpc', () => {
  let setKey: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    registered.clear();
    setKey = vi.fn(async () => ({ hasKey: true }));
    const handlers = {
      'app:get-status': async () => ({ hasKey: false, demo: true, keychainProblem: null, version: 't' }),
      'keychain:set-key': setKey,
      'keychain:delete-key': async () => ({ hasKey: false }),
      'lists:get-demo': async () => ({ tags: [], creators: [], regions: [] }),
      'run:start': async () => {
        throw new TagfitError('auth', 'TikLiveAPI refused the API key');
      },
      'run:cancel': async () => ({ cancelled: false }),
    };
    registerIpc(handlers as never, (wc) => (wc as { id: number }).id === 1);
  });

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual(
      [
        'app:get-status',
        'keychain:delete-key',
        'keychain:set-key',
        'lists:get-demo',
        'run:cancel',
        'run:start',
      ].sort(),
    );
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
    const r = (await call('run:start', { tags: [], regions: ['US'], creators: [], preset: 'seed' })) as {
      ok: boolean;
      error: { message: string };
    };
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/run:start: tags/);
    const extra = (await call('keychain:set-key', { key: 'abcdefgh12', path: '/etc' })) as { ok: boolean };
    expect(extra.ok).toBe(false);
  });

  it('turns a thrown error into a result with its code and message', async () => {
    const r = await call('run:start', { tags: ['a'], regions: ['US'], creators: [], preset: 'seed' });
    expect(r).toEqual({ ok: false, error: { code: 'auth', message: 'TikLiveAPI refused the API key' } });
    expect(await call('keychain:set-key', { key: 'abcdefgh12' })).toEqual({
      ok: true,
      value: { hasKey: true },
    });
  });
});
