import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    // Limits for a hang, not for speed: a test that spawns CLI runs can take minutes on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a user would see happen; its 1 s default is a wall-clock bound that a busy
    // 2-core machine overruns (a theme change through the bridge, a grid refresh). Success never waits longer.
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
  },
});
