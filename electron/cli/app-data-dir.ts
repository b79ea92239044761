// The desktop app's data folder and keychain service name as seen from the CLI, so that both read
// and write the same settings.json and the same keychain entry. The CLI has no Electron, so it
// mirrors app.getPath('userData'): <appData>/<app name>, where the app name is package.json's
// productName, else its name (what Electron's app.getName() returns when run from a checkout).

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { keychainServiceName } from '../services/secrets/secret-store';

/** Overrides the data folder (tests, or a user with a non-standard profile location). */
export const DATA_DIR_ENV = 'ICE_MEDIA_LIBRARY_DATA_DIR';
/** Overrides the keychain service name (tests use a unique one, never the developer's entry). */
export const KEYCHAIN_SERVICE_ENV = 'ICE_MEDIA_LIBRARY_KEYCHAIN_SERVICE';

/** Used only when package.json cannot be read; equal to its "name" field. */
const FALLBACK_APP_NAME = 'ice-media-library';

const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/** package.json's productName, else name: the folder Electron puts userData in. */
export function appFolderName(packageJsonText?: string): string {
  try {
    const text = packageJsonText ?? readFileSync(PACKAGE_JSON, 'utf8');
    const pkg = JSON.parse(text) as { productName?: unknown; name?: unknown };
    for (const candidate of [pkg.productName, pkg.name]) {
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
    }
  } catch {
    // Fall through: a CLI run outside a checkout still finds the usual folder.
  }
  return FALLBACK_APP_NAME;
}

export interface PlatformInfo {
  platform: NodeJS.Platform;
  home: string;
}

/** Electron's appData folder: %APPDATA%, ~/Library/Application Support or $XDG_CONFIG_HOME. */
export function electronAppDataDir(env: NodeJS.ProcessEnv, os: PlatformInfo): string {
  switch (os.platform) {
    case 'win32':
      return env.APPDATA || join(os.home, 'AppData', 'Roaming');
    case 'darwin':
      return join(os.home, 'Library', 'Application Support');
    default:
      // Chromium's GetXDGDirectory: the variable when set and non-empty, else ~/.config.
      return env.XDG_CONFIG_HOME || join(os.home, '.config');
  }
}

/** The folder holding settings.json: the override, else <appData>/<app name>. */
export function appDataDir(
  env: NodeJS.ProcessEnv,
  os: PlatformInfo = { platform: process.platform, home: homedir() },
): string {
  return nonEmpty(env[DATA_DIR_ENV]) ?? join(electronAppDataDir(env, os), appFolderName());
}

/** The development build's service name (the CLI runs from a checkout), unless overridden. */
export function cliKeychainService(env: NodeJS.ProcessEnv): string {
  return nonEmpty(env[KEYCHAIN_SERVICE_ENV]) ?? keychainServiceName(false);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
