// Runs once before the Electron app suite: says loudly when the suite cannot run here, and
// makes sure there is a build to launch when it can.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime, runtimeAdvice } from '../../electron/launcher/electron-runtime';

const MAIN_BUNDLE = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

export default function globalSetup(): void {
  const runtime = findElectronRuntime();
  if (!runtime.ok) {
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\nSKIPPING the Electron app suite: ${runtime.reason}.\n${runtimeAdvice()}\n${line}\n`,
    );
    return;
  }
  if (!existsSync(MAIN_BUNDLE)) {
    throw new Error(`${MAIN_BUNDLE} is missing: build the app first (npm run build).`);
  }
  console.log(`Electron runtime: ${runtime.executablePath}`);
}
