// The keychain handlers: an unavailable or locked keychain said as such (never a demo run in disguise); set, test
// and delete, the key never coming back.
import { describe, expect, it } from 'vitest';
import { createMemoryKeychain, type Keychain, keychainUnavailable } from '../../src/core/secrets/keychain';
import { KEY } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app, workspace } = bed;
const TAGS = ['founderlife', 'smallbusinesscheck', 'saasmarketing', 'uxdesign'];

describe('the key', () => {
  it('unavailable keychain: said in the state; a run says so instead of passing simulated data off as real', async () => {
    const broken: Keychain = {
      unavailable: async () => keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY').message,
      get: async () => {
        throw keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      set: async () => {
        throw keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      delete: async () => false,
    };
    const ws = await workspace(TAGS);
    const a = await app({ keychain: broken });
    await a.value('workspace:open', { dir: ws });
    expect(await a.value('keychain:get-state', {})).toEqual({
      state: 'unavailable',
      source: null,
      message: expect.stringMatching(
        /^The system keychain is not available on this machine: no keyring service \(Secret Service\) is running/,
      ),
    });
    const r = await a.call('run:start', {});
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'input',
        message: expect.stringContaining(
          'No TikLiveAPI key: TIKLIVE_KEY is not set, and the system keychain is not available on this machine',
        ),
      },
    });
    expect(await a.call('keychain:set-key', { key: 'abcdefgh1234' })).toMatchObject({
      ok: false,
      error: { code: 'keychain' },
    });
    expect(bed.sim.stats().requests).toBe(0);
  });

  it('a keychain that fails at run time (a locked keyring) is said, never turned into a demo run on simulated data', async () => {
    const locked: Keychain = {
      ...createMemoryKeychain(KEY),
      get: async () => {
        throw keychainUnavailable('the keyring is locked (org.freedesktop.Secret.Error.IsLocked)');
      },
    };
    const ws = await workspace(TAGS);
    const a = await app({ keychain: locked });
    await a.value('workspace:open', { dir: ws });
    const r = await a.call('run:start', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'input',
        message:
          'No TikLiveAPI key: TIKLIVE_KEY is not set, and the system keychain is not available on this machine: the keyring is locked: unlock it and try again. Give the key in the TIKLIVE_KEY environment variable instead (the command line and the browser preview read it), or start a keyring (GNOME Keyring, KWallet) and try again.',
      },
    });
    expect(a.events).toEqual([]);
    expect(bed.sim.stats().requests).toBe(0);
  });

  it('set, test (one call, the answer in words), delete; the key never comes back', async () => {
    const a = await app({ keychain: createMemoryKeychain() });
    expect((await a.value('keychain:get-state', {})).state).toBe('not-set');
    expect(await a.value('keychain:set-key', { key: 'wrong-key-0123456789' })).toMatchObject({
      state: 'set',
    });
    const bad = await a.value('keychain:test-key', {});
    expect(bad).toMatchObject({
      ok: false,
      key: { state: 'rejected' },
      message: 'TikLiveAPI refused the key: check it, or the balance of credits.',
    });
    await a.value('keychain:set-key', { key: KEY });
    const good = await a.value('keychain:test-key', {});
    expect(good).toMatchObject({ ok: true, key: { state: 'set' } });
    expect(good.message).toMatch(/^TikLiveAPI accepted the key \(it knows \d+ regions; 1 credit\)\.$/);
    expect(JSON.stringify([bad, good])).not.toContain(KEY);
    expect(await a.value('keychain:delete-key', {})).toMatchObject({ state: 'not-set' });
  });
});
