// The demo library's generated media, made at most once per test run and shared: generating them
// costs several seconds of CPU (far more on a loaded machine), and every test that starts a demo
// server or the app would otherwise pay for it. The vitest and Playwright global setups call
// prepareDemoMedia(); tests read the folder from the run (inject / the environment) and copy it
// where a test needs a folder of its own (the app's userData).
// The folder is this checkout's own (node_modules/.cache, private to the user, never the shared
// temp folder); the generator's version stamp, checked against every file's size, decides whether
// the media there can be reused, so a fresh checkout generates them once and later runs reuse them.

import { cp, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../electron/demo-library/index';

/** Set by the Playwright global setup for its workers. */
export const DEMO_MEDIA_ENV = 'ICE_TEST_DEMO_MEDIA_DIR';

const CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/ice-test-demo-media/', import.meta.url),
);

/** Both media sets (the demo catalogue's and the generated catalogues'), generated or reused. */
export async function prepareDemoMedia(dir = CACHE_DIR): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const started = performance.now();
  for (const catalogue of ['demo', { generated: 1 }] as const) {
    const server = await startDemoServer({ mediaDir: dir, catalogue });
    await server.close();
  }
  console.log(
    `demo media for this run ready in ${Math.round(performance.now() - started)} ms (${dir})`,
  );
  return dir;
}

/** A private copy of the run's media (a few dozen MB, copied in well under a second). */
export async function copyDemoMedia(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}

/** The run's media folder, for Playwright workers. */
export function demoMediaDirFromEnv(): string {
  const dir = process.env[DEMO_MEDIA_ENV];
  if (dir === undefined || dir === '') {
    throw new Error(`${DEMO_MEDIA_ENV} is not set: run the tests through their config.`);
  }
  return dir;
}
