// Keeps the app's AccessKey in one SecretStore entry. The vault writes only to the store it was
// given: when the keychain fails it throws, and it is the caller's explicit choice (a second vault
// over a MemoryStore) to keep the key for this session only. Nothing is ever written elsewhere.

import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { checkCredentials } from './credentials';
import type { CredentialInput } from './credentials';
import { CREDENTIALS_ACCOUNT } from './secret-store';
import type { SecretStore, StoredCredentials } from './secret-store';

const STORED_FORMAT_VERSION = 1;

const storedRecord = z.object({
  v: z.literal(STORED_FORMAT_VERSION),
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  securityToken: z.string().optional(),
});

const UNREADABLE_MESSAGE =
  'The AccessKey saved in the keychain is unreadable (it may have been changed by another ' +
  'program). Remove it and enter the AccessKey again.';

export class CredentialVault {
  constructor(
    readonly store: SecretStore,
    private readonly account: string = CREDENTIALS_ACCOUNT,
  ) {}

  get kind(): SecretStore['kind'] {
    return this.store.kind;
  }

  /** Validates (trimming pasted whitespace) and stores; returns what was stored. */
  async save(input: CredentialInput): Promise<StoredCredentials> {
    const checked = checkCredentials(input);
    if (!checked.ok) {
      throw new AppError('INVALID_INPUT', Object.values(checked.errors).join(' '));
    }
    const record = { v: STORED_FORMAT_VERSION, ...checked.value };
    await this.store.set(this.account, JSON.stringify(record));
    return checked.value;
  }

  /** The stored credentials, null when none; an unreadable entry is an INTERNAL error, not a crash. */
  async load(): Promise<StoredCredentials | null> {
    const raw = await this.store.get(this.account);
    if (raw === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new AppError('INTERNAL', UNREADABLE_MESSAGE);
    }
    const record = storedRecord.safeParse(parsed);
    if (!record.success) throw new AppError('INTERNAL', UNREADABLE_MESSAGE);
    const checked = checkCredentials(record.data);
    if (!checked.ok) throw new AppError('INTERNAL', UNREADABLE_MESSAGE);
    return checked.value;
  }

  /** True when an entry was removed. */
  clear(): Promise<boolean> {
    return this.store.delete(this.account);
  }
}
