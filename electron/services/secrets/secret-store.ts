// Where secrets live: a tiny store interface (one string per account name) with a keychain and an
// in-memory implementation, and the record the app keeps in it. The interface keeps keytar
// replaceable (e.g. by Electron's safeStorage) without touching the vault or the account flow.

import type { AccessKeyCredentials } from '../ice/credentials';

export interface SecretStore {
  /** 'keychain': survives restarts in the OS keychain; 'memory': gone when the app quits. */
  readonly kind: 'keychain' | 'memory';
  /** The stored value, or null when there is none. */
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

/** An AccessKey pair, optionally with an STS token; kept as ONE keychain item (JSON). */
export type StoredCredentials = AccessKeyCredentials;

/** The keychain account under which the app's credentials are stored. */
export const CREDENTIALS_ACCOUNT = 'alibaba-cloud-access-key';

/**
 * The keychain service name. Development builds use a different one so that running the app
 * from source never reads, overwrites or deletes the AccessKey of an installed copy.
 */
export function keychainServiceName(isPackaged: boolean): string {
  return isPackaged ? 'ICE Media Library' : 'ICE Media Library (development)';
}
