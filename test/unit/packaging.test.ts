// Packaging cannot run here (no Electron binary), so its configuration is checked instead: electron-builder's own
// schema accepts it, every file it names exists, the targets are the four the README promises, the icon is
// Tagfit's at 512 × 512 or more.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli';

const config = JSON.parse(readFileSync(path.join(ROOT, 'electron-builder.json'), 'utf8')) as {
  appId: string;
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  icon: string;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
  electronFuses?: Record<string, boolean>;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('packaging (electron-builder)', () => {
  it('the configuration passes electron-builder’s own schema', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, log: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow(/notAnOption/);
  });

  it('names files that exist: the icon (512 × 512 or larger), build resources, the demo lists, the built app', () => {
    expect(existsSync(path.join(ROOT, config.directories.buildResources))).toBe(true);
    const icon = pngSize(path.join(ROOT, config.icon));
    expect(icon.width).toBeGreaterThanOrEqual(512);
    expect(icon.height).toBe(icon.width);
    for (const r of config.extraResources) expect(existsSync(path.join(ROOT, r.from)), r.from).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.files).toContain('out/**');
    expect(pkg.scripts.dist).toContain('electron-builder');
  });

  it('targets AppImage and deb, dmg, nsis', () => {
    expect(config.linux.target.sort()).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('flips the Electron fuses that let a local process run the app as Node, inspect it, or load code outside its asar', () => {
    // Security pass item 9: without these, `ELECTRON_RUN_AS_NODE=1 Tagfit -e …`, NODE_OPTIONS=--require or
    // --inspect run any code with the app's keychain entry and signature, and a swapped app folder is loaded.
    expect(config.electronFuses).toEqual(
      expect.objectContaining({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
      }),
    );
  });
});
