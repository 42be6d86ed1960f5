// Turns vitest's JSON report and exit status into the counts `npm test` prints. Nothing slips through: a file
// that failed without a failed assertion (a suite whose beforeAll threw, a file that did not load) counts as a
// failure, a skipped test is listed by name with its reason (`meta.skipReason`, set by test/support/skip.ts), and a
// non-zero exit of vitest with no failure found is one.

/**
 * @param {unknown} report vitest's JSON report, or undefined when it wrote none
 * @param {number | null} status vitest's exit status
 * @param {(file: string) => string} rel shortens a file path for messages
 * @returns {{ passed: number, failed: number, skipped: string[], failures: string[] }}
 */
export function summariseVitest(report, status, rel = (f) => f) {
  const failures = [];
  const skipped = [];
  if (!report || typeof report !== 'object') {
    return { passed: 0, failed: 1, skipped, failures: ['vitest wrote no report'] };
  }
  const r = /** @type {any} */ (report);
  let passed = 0;
  let failed = 0;
  for (const file of r.testResults ?? []) {
    const asserts = file.assertionResults ?? [];
    let failedHere = 0;
    const skippedHere = [];
    for (const a of asserts) {
      if (a.status === 'passed') passed += 1;
      else if (a.status === 'failed') {
        failedHere += 1;
        failures.push(`vitest: ${a.fullName}`);
      } else {
        const why = a.meta?.skipReason ? `: ${a.meta.skipReason}` : '';
        skippedHere.push(`${rel(file.name)} > ${a.fullName} (${a.status}${why})`);
      }
    }
    failed += failedHere;
    // The file failed but no assertion did: its setup threw or it did not load. Its tests never ran: they are
    // that one failure, not skips.
    if (file.status !== 'failed' || failedHere > 0) skipped.push(...skippedHere);
    if (file.status === 'failed' && failedHere === 0) {
      failed += 1;
      const why = String(file.message ?? 'failed without a failed test').split('\n')[0];
      failures.push(`vitest file ${rel(file.name)}: ${why}`);
    }
  }
  if (status !== 0 && failed === 0) {
    failed += 1;
    failures.push(`vitest exited with status ${status} although no test failed`);
  }
  return { passed, failed, skipped, failures };
}
