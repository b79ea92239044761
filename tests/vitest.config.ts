import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/electron-app/**', 'node_modules/**'],
    environment: 'node',
    // The demo media are generated once per run and shared (tests/support/demo-media.ts).
    globalSetup: ['tests/vitest.global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // leaving a core idle while files wait on servers and subprocesses. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
