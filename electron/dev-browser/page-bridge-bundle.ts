// Builds page-bridge.ts (and the shared bridge code it imports) into one classic script with
// esbuild, which vite and tsx already bring along. Done once per preview start, in memory.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function bundlePageBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'page-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no page bridge bundle.');
  return output.text;
}
