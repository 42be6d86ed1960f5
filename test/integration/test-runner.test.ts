// `npm test` must not lie: a planted suite whose beforeAll throws makes the runner exit non-zero and count it;
// the same runner over a passing suite exits 0 (so the check can fail both ways); a skip is counted and says why,
// and under TAGFIT_NO_SKIPS=1 (CI) it is a failure.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Runs `scripts/run-tests.mjs --vitest-only` over one planted test file in a folder of its own. */
async function runPlanted(
  source: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tagfit-planted-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'planted.test.js'), source);
  // A plain object config: the planted folder has no node_modules to import vitest/config from.
  await writeFile(
    path.join(dir, 'vitest.config.mjs'),
    `export default { test: { globals: true, root: ${JSON.stringify(dir)}, include: ['planted.test.js'] } };\n`,
  );
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts/run-tests.mjs'),
      '--vitest-only',
      '--config',
      path.join(dir, 'vitest.config.mjs'),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // TAGFIT_NO_SKIPS only as each test sets it: CI sets it for the whole run.
      env: { ...process.env, TAGFIT_TEST_REPORTS: path.join(dir, 'reports'), TAGFIT_NO_SKIPS: '', ...env },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One passing test, one skipped outright, one that skips itself with a reason as test/support/skip.ts does. */
const SKIPPING =
  "it('runs', () => { expect(1 + 1).toBe(2); });\n" +
  "it.skip('skipped: no printer on this machine', () => {});\n" +
  "it('needs a keyring', (ctx) => { ctx.task.meta.skipReason = 'gnome-keyring is not installed'; ctx.skip(); });\n";

describe('the test runner', () => {
  it('a suite whose beforeAll throws: exit 1, counted as failed, named', async () => {
    const r = await runPlanted(
      "beforeAll(() => { throw new Error('planted setup failure'); });\n" +
        "it('never runs', () => { expect(1).toBe(1); });\n",
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(r.stderr).toMatch(/vitest file \S*planted\.test\.js: /);
    expect(r.stderr).toContain('planted setup failure');
  }, 60_000);

  it('a passing suite: exit 0 and its tests counted; a skipped test is counted and listed by name with its reason', async () => {
    const r = await runPlanted(SKIPPING);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed, 2 skipped');
    expect(r.stderr).toContain('Skipped (2):');
    expect(r.stderr).toContain('skipped: no printer on this machine');
    expect(r.stderr).toMatch(
      /planted\.test\.js > needs a keyring \(skipped: gnome-keyring is not installed\)/,
    );
  }, 60_000);

  it('under TAGFIT_NO_SKIPS=1 a skipped test is a failure, named with its reason', async () => {
    const r = await runPlanted(SKIPPING, { TAGFIT_NO_SKIPS: '1' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 passed, 2 failed');
    expect(r.stderr).toMatch(
      /skipped under TAGFIT_NO_SKIPS=1: \S*planted\.test\.js > needs a keyring .*gnome-keyring/,
    );
  }, 60_000);

  it('a failed assertion: exit 1, counted once', async () => {
    const r = await runPlanted("it('fails', () => { expect(1).toBe(2); });\n");
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  }, 60_000);
});
