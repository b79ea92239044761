// The desktop app's account as the CLI opens it: the same keychain entry (CredentialVault over
// KeytarStore, same service, account and record format) and the same settings.json.

import { CredentialVault } from '../services/secrets/credential-vault';
import { KeytarStore } from '../services/secrets/keytar-store';
import { CREDENTIALS_ACCOUNT } from '../services/secrets/secret-store';
import { SettingsStore } from '../services/settings/settings-store';
import { appDataDir, cliKeychainService } from './app-data-dir';

export interface StoredAccount {
  vault: CredentialVault;
  settings: SettingsStore;
  /** The keychain service name, shown to the user so they can find the entry. */
  service: string;
  account: string;
  dataDir: string;
  /** A sentence when settings.json had to be repaired on load, else null. */
  settingsNotice: string | null;
}

export async function openStoredAccount(env: NodeJS.ProcessEnv): Promise<StoredAccount> {
  const dataDir = appDataDir(env);
  const service = cliKeychainService(env);
  const settings = new SettingsStore({ dataDir });
  const { notice } = await settings.load();
  return {
    vault: new CredentialVault(new KeytarStore({ service }), CREDENTIALS_ACCOUNT),
    settings,
    service,
    account: CREDENTIALS_ACCOUNT,
    dataDir,
    settingsNotice: notice,
  };
}

/** "system keychain (service "…", account "…")" */
export function describeKeychainEntry(stored: Pick<StoredAccount, 'service' | 'account'>): string {
  return `system keychain (service "${stored.service}", account "${stored.account}")`;
}
