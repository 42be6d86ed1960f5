// The OS keychain through keytar against a real Secret Service (gnome-keyring in a D-Bus session the test starts
// itself), and the error paths a keychain-less Linux user sees: no session bus, keytar missing. Where no Secret
// Service can be had the real test is skipped with its reason; under TAGFIT_REQUIRE_KEYCHAIN=1 (.ci/run) it fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli';
import { runWithSecretService, secretServiceProblem } from '../support/secret-service';
import { skipBecause } from '../support/skip';

const KEYCHAIN_MODULE = JSON.stringify(path.join(ROOT, 'src/core/secrets/keychain.ts'));
const SECRET_MODULE = JSON.stringify(path.join(ROOT, 'src/core/secrets/secret.ts'));

/** Asks the keychain, in a child process with the given environment, why it cannot be used. */
function problemIn(env: NodeJS.ProcessEnv, prelude = ''): string | null {
  const script = `${prelude}
    const { createSystemKeychain } = await import(${KEYCHAIN_MODULE});
    console.log(JSON.stringify({ problem: await createSystemKeychain('tagfit-test', 'probe').unavailable() }));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { problem: string | null }).problem;
}

describe('OS keychain', () => {
  it('stores, reads back and deletes the key (real Secret Service)', (ctx) => {
    const missing = secretServiceProblem();
    if (missing) {
      if (process.env.TAGFIT_REQUIRE_KEYCHAIN === '1') {
        expect.fail(`TAGFIT_REQUIRE_KEYCHAIN=1 but no Secret Service can be started: ${missing}`);
      }
      skipBecause(ctx, missing);
    }
    const script = `
      const { createSystemKeychain } = await import(${KEYCHAIN_MODULE});
      const { Secret } = await import(${SECRET_MODULE});
      const kc = createSystemKeychain('tagfit-test', 'key-' + process.pid);
      const problem = await kc.unavailable();
      await kc.set(new Secret('keychain-test-key-123456'));
      const read = (await kc.get())?.reveal();
      const deleted = await kc.delete();
      const after = (await kc.get()) ?? null;
      console.log(JSON.stringify({ problem, read, deleted, after }));
    `;
    const r = runWithSecretService(script);
    expect(r.status, `${r.stderr}${r.error?.message ?? ''}`).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toEqual({
      problem: null,
      read: 'keychain-test-key-123456',
      deleted: true,
      after: null,
    });
  }, 60_000);

  it('without a session bus it says plainly that the keychain is unavailable and to use TIKLIVE_KEY', () => {
    // No bus address and no display: libsecret then tries to autolaunch a bus, as on a keychain-less Linux box.
    const problem = problemIn({ DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: '' });
    expect(problem).toMatch(/^The system keychain is not available on this machine: /);
    expect(problem).toContain('TIKLIVE_KEY');
    // Where keytar built, the failure is the bus itself ("Cannot autolaunch D-Bus without X11 $DISPLAY").
    if (secretServiceProblem()?.startsWith('keytar') !== true)
      expect(problem).toMatch(/no keyring service \(Secret Service\) is running/);
  });

  it('with keytar missing it says the keychain support did not install (no module name, no path), and to use TIKLIVE_KEY', () => {
    // A resolve hook hides keytar, as on a machine where its native build failed during npm install.
    const hook =
      'export async function resolve(s, c, next) { if (s === "keytar") throw new Error("Cannot find package \'keytar\'"); return next(s, c); }';
    const problem = problemIn(
      {},
      `import { register } from 'node:module';
       register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`,
    );
    expect(problem).toMatch(
      /^The system keychain is not available on this machine: this copy of Tagfit was installed without its keychain support/,
    );
    // No module name, no source path.
    expect(problem).not.toMatch(/keytar|imported from|\//);
    expect(problem).toContain('TIKLIVE_KEY');
  });
});
