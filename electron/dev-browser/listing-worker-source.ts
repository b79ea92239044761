// The catalogue sync's listing worker run from its TypeScript source (the browser preview, the
// benchmark and the tests; the Electron shell runs its bundled copy). A worker thread does not
// inherit the host's TypeScript loader (tsx, vitest or Playwright), so it registers tsx's own
// before it imports the worker.

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ListingWorkerStarter } from '../services/catalogue/worker-lister';

export function listingWorkerFromSource(): ListingWorkerStarter {
  const entry = new URL('../services/catalogue/listing-worker.ts', import.meta.url).href;
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot =
    `import(${JSON.stringify(tsxApi)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return (options) => new Worker(boot, { ...options, eval: true });
}
