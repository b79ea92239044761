// A SecretStore that lives only as long as the process: used when the user explicitly chooses
// "keep for this session only" (e.g. no keychain on this machine) and in tests.

import type { SecretStore } from './secret-store';

export class MemoryStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.values.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.values.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.values.delete(account);
  }
}
