import { defineConfig } from '@playwright/test';

/**
 * One worker: the machine has two cores, and every test starts its own app, fake API server and library.
 * The global setup prints which driver (real Electron or Debian's Chromium) runs the specs.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
