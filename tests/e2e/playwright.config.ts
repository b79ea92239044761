// End-to-end tests of the renderer in Debian's Chromium, against the browser preview (the same
// services and bridge code as the app, hosted in the test worker). Build first:
//   npx electron-vite build && npx playwright test -c tests/e2e/playwright.config.ts

import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Debian's Chromium by default; CHROMIUM_PATH names another Chromium or Chrome (macOS, Windows). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e',
  // Files run in parallel, two at a time: each worker hosts its own preview and demo server over
  // the run's shared demo media (global-setup.ts), and most of a test's time is spent waiting for
  // the page, so a second worker overlaps that waiting even on two cores. Tests within a file keep
  // their order. E2E_WORKERS=1 runs them one at a time.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    colorScheme: 'dark',
    // As with the system's "reduce motion": transitions and the loading shimmer end at once, so
    // each click does not wait for its target to stop moving (a quarter of the suite's time on
    // two loaded cores). Behaviour is the same; search.spec.ts's journey keeps full motion so the
    // default path is still driven end to end.
    reducedMotion: 'reduce',
    // Recording a trace (screencast and DOM snapshots of every action) costs Chromium CPU in every
    // test, kept or not, and CI keeps no artefacts: E2E_TRACE=1 records them and keeps the failed
    // tests' traces under test-results/ (npx playwright show-trace <zip>).
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
