// Where the CLI finds an AccessKey: the standard Alibaba Cloud environment variables, then the
// AccessKey saved by the desktop app or `auth set` (OS keychain), else none (anonymous calls).

import { AppError } from '../../shared/errors';
import { credentialsFromEnv as readEnvCredentials } from '../services/ice/credentials';
import type { AccessKeyCredentials } from '../services/ice/credentials';
import type { Settings } from '../services/settings/settings';
import { UsageError } from './args';
import { openStoredAccount } from './stored-account';

export function credentialsFromEnv(env: NodeJS.ProcessEnv): AccessKeyCredentials | null {
  try {
    return readEnvCredentials(env);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export interface StoredCliCredentials {
  credentials: AccessKeyCredentials;
  /** The settings saved with it: region, endpoint and signature method are used with this key. */
  settings: Settings;
  /** A sentence when settings.json had to be repaired, else null. */
  notice: string | null;
}

/**
 * The AccessKey in the app's keychain entry, with the app's settings; null when none is saved.
 * Throws KEYCHAIN_UNAVAILABLE / KEYCHAIN_LOCKED, or INTERNAL for an unreadable entry.
 */
export async function loadStoredCredentials(
  env: NodeJS.ProcessEnv,
): Promise<StoredCliCredentials | null> {
  const stored = await openStoredAccount(env);
  const credentials = await stored.vault.load();
  if (credentials === null) return null;
  return { credentials, settings: stored.settings.current(), notice: stored.settingsNotice };
}

export type ResolvedCredentials =
  | { source: 'env'; credentials: AccessKeyCredentials }
  | ({ source: 'keychain' } & StoredCliCredentials)
  /** `problem`: why the keychain could not be read, or null when it simply holds no key. */
  | { source: 'none'; problem: AppError | null };

/** Environment variables win; a keychain that cannot be read is reported, not thrown. */
export async function resolveCliCredentials(env: NodeJS.ProcessEnv): Promise<ResolvedCredentials> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv) return { source: 'env', credentials: fromEnv };
  try {
    const stored = await loadStoredCredentials(env);
    return stored === null ? { source: 'none', problem: null } : { source: 'keychain', ...stored };
  } catch (error) {
    if (error instanceof AppError) return { source: 'none', problem: error };
    throw error;
  }
}
