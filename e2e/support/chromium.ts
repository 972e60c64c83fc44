import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium (never a downloaded browser) as the browser tests and the bench's first-screen
 * measurement launch it: no sandbox (root in a container), no GPU, none of its background traffic.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
