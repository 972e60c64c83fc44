import { defineConfig } from 'vitest/config';

/** `JUMUN_TEST_REPORT=test-results/pglite` also writes test-results/pglite-unit.json (CI's summary reads it). */
const report = process.env.JUMUN_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each integration test file opens its own database; PGlite needs ~0.5 GB and a few seconds each.
    pool: 'forks',
    // A worker keeps its loaded modules from one file to the next: every file imports the whole
    // server, and loading it again per file was about half of the run's time (10 → 5½ minutes).
    // Safe because the server keeps no state in process memory (ARCHITECTURE.md; the two module
    // caches are pure: the status table's moves, a decoy password hash) and every file opens a
    // database of its own; the one test that sets an environment variable puts it back.
    isolate: false,
    // migrates one template database per run, which each file's openTestDatabase() copies
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: report ? ['default', ['json', { outputFile: `${report}-unit.json` }]] : ['default'],
  },
});
