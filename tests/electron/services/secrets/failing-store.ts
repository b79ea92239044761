// A keychain that fails every call the way KeytarStore reports it (unavailable or locked), for
// tests of what the callers do then. The real failures are produced in keytar-store.test.ts.

import { AppError } from '../../../../shared/errors';
import type { ErrorCode } from '../../../../shared/errors';
import type { SecretStore } from '../../../../electron/services/secrets/secret-store';

export class FailingStore implements SecretStore {
  readonly kind = 'keychain' as const;
  calls = 0;

  constructor(private readonly code: ErrorCode = 'KEYCHAIN_UNAVAILABLE') {}

  private fail(): never {
    this.calls += 1;
    throw new AppError(this.code, `simulated ${this.code}`);
  }
  async get(): Promise<string | null> {
    return this.fail();
  }
  async set(): Promise<void> {
    this.fail();
  }
  async delete(): Promise<boolean> {
    return this.fail();
  }
}
