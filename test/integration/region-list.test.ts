// The Regions view's list: with no key (or no keychain) the built-in ISO 3166 list, offline and free, so a workspace
// can be prepared before a plan is bought; with a key, TikLiveAPI's own list (then its cached copy) refines it.
import { describe, expect, it } from 'vitest';
import { createMemoryKeychain, keychainReason, keychainUnavailable } from '../../src/core/secrets/keychain';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

describe('the region list', () => {
  it('no key: the built-in list, said so, with no call', async () => {
    const ws = await bed.workspace(['founderlife']);
    const a = await bed.app({ keychain: createMemoryKeychain() });
    await a.value('workspace:open', { dir: ws });
    const r = await a.value('lists:regions', {});
    expect(r.source).toBe('built-in');
    expect(Object.keys(r.regions)).toHaveLength(249);
    expect(r.regions).toMatchObject({ US: 'United States', DE: 'Germany', JP: 'Japan', BR: 'Brazil' });
    expect(r.note).toMatch(/^The built-in list of countries \(ISO 3166\): no TikLiveAPI key is set yet\./);
    expect(bed.sim.stats().requests).toBe(0);
  });

  it('a keychain that cannot be used: the built-in list too', async () => {
    const ws = await bed.workspace(['founderlife']);
    const broken = {
      ...createMemoryKeychain(),
      get: async () => {
        throw keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
    };
    const a = await bed.app({ keychain: broken });
    await a.value('workspace:open', { dir: ws });
    expect((await a.value('lists:regions', {})).source).toBe('built-in');
  });

  it('with a key: TikLiveAPI’s list (1 credit, in the ledger), then its cached copy (free)', async () => {
    const ws = await bed.workspace(['founderlife']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const first = await a.value('lists:regions', {});
    expect(first.source).toBe('api');
    expect(first.note).toBe("TikLiveAPI's region list: 1 credit.");
    expect(Object.keys(first.regions).length).toBeLessThan(249);
    const again = await a.value('lists:regions', {});
    expect(again).toMatchObject({ source: 'cache', fromCache: true });
    expect((await a.value('history:credits', {})).weekByJob).toEqual({ regions: 1 });
  });

  it('keychain messages name no module and no source path', () => {
    expect(
      keychainReason(
        "keytar did not load (Cannot find package 'keytar' imported from /home/a/tagfit/src/core/secrets/keychain.ts)",
      ),
    ).toBe('this copy of Tagfit was installed without its keychain support (it did not build here)');
    expect(keychainReason('Failed at C:\\Users\\a\\node_modules\\x.node')).not.toMatch(/\\|node_modules/);
    // libsecret's words when no session bus answers.
    expect(keychainReason('Could not connect: No such file or directory')).toBe(
      'no keyring service (Secret Service) is running',
    );
    expect(keychainReason('the keyring is locked (org.freedesktop.Secret.Error.IsLocked)')).toBe(
      'the keyring is locked: unlock it and try again',
    );
  });
});
