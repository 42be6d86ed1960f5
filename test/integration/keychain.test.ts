// The OS keychain through keytar against a real Secret Service (gnome-keyring in a throw-away D-Bus session,
// as .ci/run starts it), and the error path a keychain-less Linux user sees.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSystemKeychain } from '../../src/core/secrets/keychain';
import { Secret } from '../../src/core/secrets/secret';
import { ROOT } from '../support/cli';

const hasBus =
  Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) &&
  !process.env.DBUS_SESSION_BUS_ADDRESS?.includes('nonexistent');

describe('OS keychain', () => {
  it.skipIf(!hasBus)('stores, reads back and deletes the key (real Secret Service)', async () => {
    const kc = createSystemKeychain('tagfit-test', `key-${process.pid}`);
    expect(await kc.unavailable()).toBeNull();
    await kc.set(new Secret('keychain-test-key-123456'));
    expect((await kc.get())?.reveal()).toBe('keychain-test-key-123456');
    expect(await kc.delete()).toBe(true);
    expect(await kc.get()).toBeUndefined();
  });

  it('without a session bus it says plainly that the keychain is unavailable, and the CLI falls back to TIKLIVE_KEY', () => {
    const script = `
      const { createSystemKeychain } = await import(${JSON.stringify(path.join(ROOT, 'src/core/secrets/keychain.ts'))});
      const kc = createSystemKeychain('tagfit-test', 'nobus');
      console.log(JSON.stringify({ problem: await kc.unavailable() }));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const { problem } = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(problem).toMatch(/^OS keychain unavailable: /);
  });
});
