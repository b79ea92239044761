// The real Electron app, driven by Playwright's _electron. Runs only where the Electron runtime
// is installed; elsewhere every test skips with the reason printed (see global-setup.ts).

import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  // One Electron instance at a time: the app holds a single-instance lock.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron-app',
});
