import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

/**
 * Browser tests of the admin (e2e/): one real server per run on a free port over a fresh database
 * (e2e/support/start-server.ts; PGlite in memory, or a new database on DATABASE_URL's server),
 * shared by every test, in Debian's Chromium (never a downloaded browser).
 */

/** A port nobody listens on, found once: the workers inherit it through the environment. */
function freePort(): string {
  const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_STOREFRONT_PORT ??= freePort();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
export const storefrontURL = `http://127.0.0.1:${process.env.E2E_STOREFRONT_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One browser at a time: on CI's two cores, two Chromiums rendering 100-row lists beside the
  // server starved each other (load ≈ 7) until 10-second expectations failed at random; one worker
  // finishes the suite in the same ~7½ minutes with the machine no longer oversubscribed.
  workers: 1,
  retries: 0,
  // JUMUN_TEST_REPORT=test-results/pglite also writes test-results/pglite-e2e.json for CI's summary
  reporter: process.env.JUMUN_TEST_REPORT ? [['list'], ['json', { outputFile: `${process.env.JUMUN_TEST_REPORT}-e2e.json` }]] : [['list']],
  use: {
    baseURL,
    locale: 'ko-KR',
    // not Seoul on purpose: the list must show Seoul times whatever the browser's zone
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
    // a failed test's trace keeps the DOM before and after each action (and the failure's screenshot
    // below), but not the screencast: filming every test to keep the film of the few that fail cost
    // the whole suite CPU that the browser and server need on CI's two cores
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // the web apps are built only when their sources changed (the second database's run reuses them)
      command: 'node --import tsx scripts/build-if-changed.ts && node --import tsx e2e/support/start-server.ts',
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      // SIGTERM lets the server drop its PostgreSQL database before it exits
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      // the demo storefront, a separate app on Jumun's public API (examples/storefront)
      command: 'node --import tsx e2e/support/start-storefront.ts',
      url: storefrontURL,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
