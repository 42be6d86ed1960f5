// A test that cannot run on this machine skips with its reason; the reason rides in the task's meta, so
// `npm test` (scripts/lib/vitest-summary.mjs) prints it beside the test's name from vitest's JSON report.
import type { TestContext } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test was skipped here, with what would let it run. */
    skipReason?: string;
  }
}

/** Skips the running test, saying why. */
export function skipBecause(ctx: TestContext, reason: string): never {
  ctx.task.meta.skipReason = reason;
  return ctx.skip(reason);
}
