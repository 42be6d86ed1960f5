#!/usr/bin/env node
// `npm test`: static checks (types, lint, format, build), then vitest (unit, integration, and the browser
// tests in test/e2e, which drive Chromium through playwright-core), and a closing `N passed, N failed` line
// that CI reads (`, N skipped` follows when tests were skipped). Each static check counts as one test; a vitest
// file that failed without a failed test (its beforeAll threw) counts as a failure, skipped tests are listed by
// name with their reason, and vitest's exit status is honoured. TAGFIT_NO_SKIPS=1 (CI) counts a skip as a failure.
//
// `--vitest-only [vitest args…]` runs just vitest with the given arguments (the runner's own test uses it);
// TAGFIT_TEST_REPORTS moves the report folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summariseVitest } from './lib/vitest-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = process.env.TAGFIT_TEST_REPORTS ?? path.join(root, '.test-reports');
const args = process.argv.slice(2);
const vitestOnly = args[0] === '--vitest-only';
const vitestArgs = vitestOnly ? args.slice(1) : [];
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, argv) {
  process.stderr.write(`\n── ${label}: ${cmd} ${argv.join(' ')}\n`);
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.error) process.stderr.write(`${label}: ${r.error.message}\n`);
  return r.status;
}

function check(label, cmd, argv) {
  if (run(label, cmd, argv) === 0) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!vitestOnly) {
  check('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
  check('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
  check('eslint', bin('eslint'), ['.']);
  check('prettier', bin('prettier'), ['--check', '.']);
  check('electron-vite build', bin('electron-vite'), ['build']);
}

/** One vitest run with its own JSON report, summarised into the totals. */
function vitest(label, args, name) {
  const json = path.join(reports, name);
  const status = run(label, bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ]);
  const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
  return summariseVitest(report, status, (f) => path.relative(root, f));
}

// The browser tests run on their own, after the rest: on a 2-core machine they are timing-sensitive when the
// fault suites run beside them. `--vitest-only` runs exactly the arguments given, in one go.
const runs = vitestOnly
  ? [vitest('vitest', vitestArgs, 'vitest.json')]
  : [
      vitest('vitest (unit, integration)', ['test/unit', 'test/integration'], 'vitest.json'),
      vitest('vitest (browser)', ['test/e2e'], 'vitest-e2e.json'),
    ];
const v = {
  passed: runs.reduce((n, r) => n + r.passed, 0),
  failed: runs.reduce((n, r) => n + r.failed, 0),
  skipped: runs.flatMap((r) => r.skipped),
  failures: runs.flatMap((r) => r.failures),
};
passed += v.passed;
failed += v.failed;
failures.push(...v.failures);

// Under CI every test must run: a skip there means a missing system package, not a choice.
const noSkips = process.env.TAGFIT_NO_SKIPS === '1';
let skipped = v.skipped.length;
if (noSkips && skipped > 0) {
  failed += skipped;
  failures.push(...v.skipped.map((s) => `skipped under TAGFIT_NO_SKIPS=1: ${s}`));
  skipped = 0;
} else if (skipped > 0) process.stderr.write(`\nSkipped (${skipped}):\n  ${v.skipped.join('\n  ')}\n`);
if (failures.length > 0) process.stderr.write(`\nFailed:\n  ${failures.join('\n  ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
