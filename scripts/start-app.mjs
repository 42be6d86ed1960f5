#!/usr/bin/env node
// `npm start`: builds the app and opens it with Electron. The install skips Electron's binary download
// (package.json allowScripts), so fetch it here on first start; where that fails, say why plainly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binaryPresent = () =>
  existsSync(pathFile) && existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));

if (!binaryPresent()) {
  console.error('Electron binary missing: downloading it (node node_modules/electron/install.js)…');
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (r.status !== 0 || !binaryPresent()) {
    console.error(
      'The Electron binary could not be downloaded, so the window cannot open on this machine.\n' +
        'Everything else works without it: `npm run demo`, `npx tagfit score …` and `npm test`.',
    );
    process.exit(1);
  }
}
// The app takes its key from the keychain: neither the build nor the app inherits a TIKLIVE_KEY set here.
const env = { ...process.env };
delete env.TIKLIVE_KEY;
// On Windows the .bin launchers are .cmd shims, which only a shell can start.
const win = process.platform === 'win32';
const bin = (name) => path.join(root, 'node_modules', '.bin', win ? `${name}.cmd` : name);
const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit', cwd: root, shell: win, env });
if (build.status !== 0) process.exit(build.status ?? 1);
// Arguments after `npm start --` (a workspace folder) go to the app.
const run = spawnSync(bin('electron'), ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  shell: win,
  env,
});
process.exit(run.status ?? 0);
