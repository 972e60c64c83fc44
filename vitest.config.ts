import { defineConfig } from 'vitest/config';

/** `JUMUN_TEST_REPORT=test-results/pglite` also writes test-results/pglite-unit.json (CI's summary reads it). */
const report = process.env.JUMUN_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each integration test file opens its own database; PGlite needs ~0.5 GB and a few seconds each.
    pool: 'forks',
    // migrates one template database per run, which each file's openTestDatabase() copies
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: report ? ['default', ['json', { outputFile: `${report}-unit.json` }]] : ['default'],
  },
});
