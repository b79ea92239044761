// Finds the Electron executable the way node_modules/electron/index.js does, but without ever
// starting its download: requiring that file fetches the binary from GitHub when it is missing,
// and these machines reach only the npm registry.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronRuntime = { ok: true; executablePath: string } | { ok: false; reason: string };

function missing(detail: string): ElectronRuntime {
  return {
    ok: false,
    reason:
      `Electron runtime not installed: ${detail} (cannot be downloaded on this machine; where ` +
      'GitHub is reachable, `node node_modules/electron/install.js` or `npm start` fetches it)',
  };
}

export function findElectronRuntime(env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return missing('the electron npm package is not installed');
  }
  const pathFile = join(packageDir, 'path.txt');
  const relativeExecutable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';

  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const executablePath = join(override, relativeExecutable || 'electron');
    return existsSync(executablePath)
      ? { ok: true, executablePath }
      : missing(`ELECTRON_OVERRIDE_DIST_PATH names ${executablePath}, which does not exist`);
  }
  if (relativeExecutable === '') {
    return missing(`${pathFile} does not exist, so the binary was never downloaded`);
  }
  const executablePath = join(packageDir, 'dist', relativeExecutable);
  return existsSync(executablePath)
    ? { ok: true, executablePath }
    : missing(`${executablePath} does not exist`);
}
