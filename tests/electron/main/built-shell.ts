// Loads the BUILT shell (out/main/index.js, out/preload/index.cjs) against the fake electron
// module, so the tests check what actually ships, not the TypeScript sources.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { vi } from 'vitest';
import type { FakeElectron } from './fake-electron';

// Belt and braces: if the real `electron` package were ever loaded by mistake, this makes it
// return a path instead of starting its download (node_modules/electron/index.js honours it).
process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent/electron-runtime-not-installed';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const OUT_DIR = resolve(REPO_ROOT, 'out');
export const MAIN_BUNDLE = resolve(OUT_DIR, 'main/index.js');
export const PRELOAD_BUNDLE = resolve(OUT_DIR, 'preload/index.cjs');
export const RENDERER_DIR = resolve(OUT_DIR, 'renderer');

export function requireBuilt(path: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build the app first (npx electron-vite build).`);
  }
}

/** Evaluates the main bundle afresh with `electron` resolved to the fake. */
export async function loadMainBundle(fake: FakeElectron): Promise<void> {
  requireBuilt(MAIN_BUNDLE);
  vi.resetModules();
  vi.doMock('electron', () => fake.mainModule());
  await import(/* @vite-ignore */ pathToFileURL(MAIN_BUNDLE).href);
}

/**
 * Runs the preload the way Electron runs a sandboxed preload: a CommonJS wrapper whose `require`
 * knows only 'electron' (Electron's sandbox offers a few more; the app needs none of them).
 * Returns every module name the preload asked for.
 */
export function runPreloadBundle(fake: FakeElectron): string[] {
  requireBuilt(PRELOAD_BUNDLE);
  const code = readFileSync(PRELOAD_BUNDLE, 'utf8');
  const required: string[] = [];
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return fake.preloadModule();
    throw new Error(`module not found: ${name} (a sandboxed preload can only require electron)`);
  };
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    { filename: PRELOAD_BUNDLE },
  ) as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module, PRELOAD_BUNDLE, dirname(PRELOAD_BUNDLE));
  return required;
}
