import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_MEDIA_ENV, prepareDemoMedia } from '../support/demo-media';

const rendererIndex = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url));

/**
 * Fails fast, with the fix, when the renderer has not been built; then generates (or reuses) the
 * demo media once for every worker of the run (workers inherit the variable naming them).
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(rendererIndex)) {
    throw new Error(
      `The e2e tests need the built renderer (${rendererIndex} is missing).\n` +
        'Run `npx electron-vite build` first, then run the tests again.',
    );
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `The e2e tests drive a system Chromium and found none at ${chromium}: ` +
        '`apt-get install chromium` on Debian/Ubuntu, or set CHROMIUM_PATH to a Chromium or Chrome.',
    );
  }
  process.env[DEMO_MEDIA_ENV] = await prepareDemoMedia();
}
