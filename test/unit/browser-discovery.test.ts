// The browser tests' Chromium is found in one documented order, and where there is none the error names the fix.
import { describe, expect, it } from 'vitest';
import { findBrowser, type FoundBrowser, type Machine } from '../../src/core/browser/discovery';

const SPARTICUZ: FoundBrowser = {
  source: '@sparticuz/chromium',
  executablePath: '/tmp/tagfit-chromium-1/chromium',
};

function machine(files: string[], over: Partial<Machine> = {}): Machine {
  return {
    platform: 'linux',
    arch: 'x64',
    env: { PATH: '/usr/local/bin:/usr/bin' },
    exists: (f) => files.includes(f),
    playwrightPath: () => '/root/.cache/ms-playwright/chromium-1255/chrome-linux/chrome',
    unpackSparticuz: () => SPARTICUZ,
    ...over,
  };
}

describe('browser discovery', () => {
  it('TAGFIT_CHROMIUM first, even where a system browser exists', () => {
    const m = machine(['/opt/my/chrome', '/usr/bin/chromium'], {
      env: { TAGFIT_CHROMIUM: '/opt/my/chrome' },
    });
    expect(findBrowser(m)).toEqual({ source: 'TAGFIT_CHROMIUM', executablePath: '/opt/my/chrome' });
  });

  it('a TAGFIT_CHROMIUM that does not exist is an error naming it, not a silent fallback', () => {
    const m = machine(['/usr/bin/chromium'], { env: { TAGFIT_CHROMIUM: '/opt/gone' } });
    expect(() => findBrowser(m)).toThrow(/TAGFIT_CHROMIUM is \/opt\/gone, which does not exist/);
  });

  it("Debian's /usr/bin/chromium before anything on PATH, then google-chrome on PATH", () => {
    expect(findBrowser(machine(['/usr/bin/chromium', '/usr/local/bin/chromium'])).executablePath).toBe(
      '/usr/bin/chromium',
    );
    expect(findBrowser(machine(['/usr/local/bin/google-chrome']))).toEqual({
      source: 'system',
      executablePath: '/usr/local/bin/google-chrome',
    });
  });

  it("Playwright's own download before unpacking @sparticuz/chromium", () => {
    const own = '/root/.cache/ms-playwright/chromium-1255/chrome-linux/chrome';
    expect(findBrowser(machine([own]))).toEqual({ source: 'playwright', executablePath: own });
    expect(findBrowser(machine([]))).toEqual(SPARTICUZ);
  });

  it('macOS and Windows: the standard Chrome and Edge paths', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine([mac], { platform: 'darwin', arch: 'arm64' })).executablePath).toBe(mac);
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const win = machine([edge], {
      platform: 'win32',
      env: { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
    });
    expect(findBrowser(win).executablePath).toBe(edge);
  });

  it('no browser at all: fails with the one command that fixes it (never unpacks Linux x64 Chromium elsewhere)', () => {
    let unpacked = 0;
    const none = (over: Partial<Machine>) =>
      machine([], {
        unpackSparticuz: () => {
          unpacked += 1;
          return SPARTICUZ;
        },
        ...over,
      });
    expect(() => findBrowser(none({ platform: 'darwin', arch: 'arm64' }))).toThrow(
      /run `npx playwright-core install chromium`/,
    );
    expect(() => findBrowser(none({ platform: 'linux', arch: 'arm64' }))).toThrow(
      /run `npx playwright-core install chromium`/,
    );
    expect(unpacked).toBe(0);
    expect(() => findBrowser(none({ unpackSparticuz: () => undefined }))).toThrow(/run `npm install/);
  });
});
