#!/usr/bin/env node
// `npm test`: static checks (types, lint, format, build), then vitest (unit, integration, and the browser
// tests in test/e2e, which drive Chromium through playwright-core), and a closing `N passed, N failed` line
// that CI reads. Each static check counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = path.join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  process.stderr.write(`\n── ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

check('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
check('eslint', bin('eslint'), ['.']);
check('prettier', bin('prettier'), ['--check', '.']);
check('electron-vite build', bin('electron-vite'), ['build']);

const vitestJson = path.join(reports, 'vitest.json');
run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  // A file that fails to load has no tests: count it as a failure so it cannot hide.
  for (const file of v.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed += 1;
      failures.push(`vitest file ${path.relative(root, file.name)}: ${String(file.message).split('\n')[0]}`);
    }
    for (const a of file.assertionResults ?? [])
      if (a.status === 'failed') failures.push(`vitest: ${a.fullName}`);
  }
} else {
  failed += 1;
  failures.push('vitest wrote no report');
}

if (failures.length > 0) process.stderr.write(`\nFailed:\n  ${failures.join('\n  ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
