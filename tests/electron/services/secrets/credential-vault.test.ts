import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { CredentialVault } from '../../../../electron/services/secrets/credential-vault';
import { MemoryStore } from '../../../../electron/services/secrets/memory-store';
import { CREDENTIALS_ACCOUNT } from '../../../../electron/services/secrets/secret-store';
import { FailingStore } from './failing-store';

const ID = 'LTAI5tAbCdEfGh1234abcd';
const SECRET = 'q8ZbN3vK1pLmR7sT0uW2xY4zA6cE9f';

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('CredentialVault', () => {
  it('saves trimmed credentials as one entry and loads them back', async () => {
    const store = new MemoryStore();
    const vault = new CredentialVault(store);
    const saved = await vault.save({
      accessKeyId: ` ${ID} `,
      accessKeySecret: `${SECRET}\n`,
      securityToken: 'CAIS+tok/en==',
    });
    expect(saved).toEqual({
      accessKeyId: ID,
      accessKeySecret: SECRET,
      securityToken: 'CAIS+tok/en==',
    });
    expect(await vault.load()).toEqual(saved);
    const raw = await store.get(CREDENTIALS_ACCOUNT);
    expect(JSON.parse(raw!)).toMatchObject({ accessKeyId: ID, accessKeySecret: SECRET });
  });

  it('replaces earlier credentials, dropping a token that is no longer given', async () => {
    const vault = new CredentialVault(new MemoryStore());
    await vault.save({ accessKeyId: ID, accessKeySecret: SECRET, securityToken: 'CAIStoken' });
    await vault.save({ accessKeyId: ID, accessKeySecret: 'another-secret-value' });
    expect(await vault.load()).toEqual({
      accessKeyId: ID,
      accessKeySecret: 'another-secret-value',
    });
  });

  it('refuses invalid input without storing anything or echoing the secret', async () => {
    const store = new MemoryStore();
    const vault = new CredentialVault(store);
    const error = await expectAppError(
      vault.save({ accessKeyId: ID, accessKeySecret: 'has inner space' }),
      'INVALID_INPUT',
    );
    expect(error.message).not.toContain('inner space');
    expect(await store.get(CREDENTIALS_ACCOUNT)).toBeNull();
  });

  it('returns null when nothing is stored, and clear reports whether it removed something', async () => {
    const vault = new CredentialVault(new MemoryStore());
    expect(await vault.load()).toBeNull();
    expect(await vault.clear()).toBe(false);
    await vault.save({ accessKeyId: ID, accessKeySecret: SECRET });
    expect(await vault.clear()).toBe(true);
    expect(await vault.load()).toBeNull();
  });

  it.each([
    ['not JSON', 'LTAI5tAbCdEfGh1234abcd:secret'],
    ['JSON of the wrong shape', '{"id":"x"}'],
    [
      'an unknown format version',
      JSON.stringify({ v: 9, accessKeyId: ID, accessKeySecret: SECRET }),
    ],
    ['invalid values', JSON.stringify({ v: 1, accessKeyId: ID, accessKeySecret: 'a b' })],
  ])('reports an entry holding %s as unreadable instead of crashing', async (_, raw) => {
    const store = new MemoryStore();
    await store.set(CREDENTIALS_ACCOUNT, raw);
    const error = await expectAppError(new CredentialVault(store).load(), 'INTERNAL');
    expect(error.message).toMatch(/unreadable/);
    expect(error.message).not.toContain(raw);
    expect(error.message).not.toContain(SECRET);
  });

  it('passes keychain failures on and never falls back to another store', async () => {
    const store = new FailingStore('KEYCHAIN_UNAVAILABLE');
    const vault = new CredentialVault(store);
    await expectAppError(
      vault.save({ accessKeyId: ID, accessKeySecret: SECRET }),
      'KEYCHAIN_UNAVAILABLE',
    );
    await expectAppError(vault.load(), 'KEYCHAIN_UNAVAILABLE');
    expect(store.calls).toBe(2);
    expect(vault.kind).toBe('keychain');
  });
});
