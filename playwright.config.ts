/**
 * Playwright e2e: the same specs in two projects.
 * - chromium: the browser host (electron/cli/web.ts) in the system Chromium (/usr/bin/chromium).
 * - electron: the built app through Playwright's _electron.launch with the project folder as the
 *   app path (its package.json "main", name and productName, as `npm start`) and a temp data folder
 *   as userData (e2e/support/electron-binary.ts electronLaunchArgs), under xvfb-run in CI, when an
 *   Electron binary is installed; otherwise its tests are skipped with the reason, and this file
 *   prints why once.
 * Each test gets a fresh data folder and its own fixture news server (e2e/support/fixtures.ts).
 */
import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './e2e/support/electron-binary';
import type { AppHostOptions } from './e2e/support/fixtures';

const electron = findElectronBinary(import.meta.dirname);
// The config is loaded by the runner and by every worker; say it once, from the runner.
if (!electron.exists && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`Electron project skipped: no Electron binary at ${electron.path}`);
}

const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
};

export default defineConfig<AppHostOptions>({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // Overridable so two runs in one checkout do not wipe each other's artifacts.
  outputDir: process.env.PW_OUTPUT_DIR || 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  // "list" ends with the summary line ("N passed, M skipped").
  reporter: [['list'], ['html', { open: 'never', outputFolder: process.env.PW_REPORT_DIR || 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', appHost: 'browser' },
    },
    {
      name: 'electron',
      use: {
        browserName: 'chromium',
        appHost: 'electron',
        electronPath: electron.exists ? electron.path : null,
        electronMissingReason: electron.exists ? null : `no Electron binary at ${electron.path}`,
      },
    },
  ],
});
