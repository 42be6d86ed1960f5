#!/usr/bin/env node
// `npm start`: builds the app and opens it with Electron. The install skips Electron's binary download
// (package.json allowScripts), so fetch it here on first start; where that fails, say why plainly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
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
const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
  stdio: 'inherit',
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(path.join(root, 'node_modules', '.bin', 'electron'), ['.'], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(run.status ?? 0);
