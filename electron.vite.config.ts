import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { developmentContentSecurityPolicy } from './electron/services/app/content-security-policy';

const __dirname = dirname(fileURLToPath(import.meta.url));

/**
 * `electron-vite dev` serves the page over http without the app:// protocol's CSP header: give it
 * the development policy as a meta tag (the build keeps the header, which is stricter).
 */
export function devContentSecurityPolicy(): Plugin {
  return {
    name: 'ice-dev-csp',
    apply: 'serve',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: developmentContentSecurityPolicy(),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // keytar is a native addon and must stay a runtime require; the pure-JS dependencies are
      // bundled so the packaged app does not need node_modules for them.
      externalizeDeps: {
        exclude: [
          'got',
          'zod',
          'p-limit',
          'pinyin-pro',
          'mpg123-decoder',
          '@wasm-audio-decoders/common',
          '@eshaz/web-worker',
        ],
      },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The demo media's synthesis, run in a worker thread by the main process.
          'demo-media-worker': resolve(__dirname, 'electron/demo-library/media/generate-worker.ts'),
          // The catalogue sync's listing (fetch, parse, check, normalize), in a worker thread.
          'catalogue-listing-worker': resolve(
            __dirname,
            'electron/services/catalogue/listing-worker.ts',
          ),
        },
        // package.json "type": "module" makes electron-vite emit an ES module main (Electron >= 28).
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': everything else is inlined.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules; emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [devContentSecurityPolicy(), react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
