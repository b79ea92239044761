// KeytarStore's failure handling, on any machine: the native texts below are the ones libsecret,
// macOS and gnome-keyring really produce (the integration tests in keytar-store.test.ts produce
// the Linux ones for real). Situations no machine can be put in on demand (keytar's native module
// missing, a keychain that never answers) are simulated through the loadKeytar seam.

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import {
  classifyKeychainError,
  KeytarStore,
  type KeytarApi,
} from '../../../../electron/services/secrets/keytar-store';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('classifyKeychainError', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'KEYCHAIN_UNAVAILABLE'],
    ['Could not connect: No such file or directory', 'KEYCHAIN_UNAVAILABLE'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'KEYCHAIN_UNAVAILABLE',
    ],
    ['Error calling StartServiceByName: Timeout was reached', 'KEYCHAIN_UNAVAILABLE'],
    ['Cannot create an item in a locked collection', 'KEYCHAIN_LOCKED'],
    ['User canceled the operation.', 'KEYCHAIN_LOCKED'],
    ['User interaction is not allowed.', 'KEYCHAIN_LOCKED'],
    ['Something nobody anticipated', 'KEYCHAIN_UNAVAILABLE'],
  ])('maps %j to %s with plain words and the detail', (raw, code) => {
    const error = classifyKeychainError(new Error(raw), []);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/session only/);
    expect(error.message).toContain(raw);
  });

  it('drops a native detail that would reveal the stored value or a field of it', () => {
    const value = JSON.stringify({
      v: 1,
      accessKeyId: 'LTAI5tAbCdEfGh1234abcd',
      accessKeySecret: 'TopSecret123',
    });
    const error = classifyKeychainError(new Error('failed to store TopSecret123: locked'), [value]);
    expect(error.code).toBe('KEYCHAIN_LOCKED');
    expect(error.message).not.toContain('TopSecret123');
  });
});

describe('KeytarStore failures', () => {
  it('reports a keytar module that cannot be loaded as KEYCHAIN_UNAVAILABLE on every call', async () => {
    const store = new KeytarStore({
      service: 'test',
      loadKeytar: () => Promise.reject(new Error('Cannot find module keytar.node')),
    });
    for (const call of [store.get('a'), store.set('a', 'v'), store.delete('a')]) {
      const error = await failure(call);
      expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(error.message).toMatch(/keychain module/);
    }
  });

  it('gives up on a keychain that never answers', async () => {
    const never = (): Promise<never> => new Promise(() => undefined);
    const store = new KeytarStore({
      service: 'test',
      timeoutMs: 200,
      loadKeytar: async () => ({ getPassword: never, setPassword: never, deletePassword: never }),
    });
    const started = Date.now();
    const error = await failure(store.get('a'));
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/did not answer/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not take "nothing stored" at face value when the keychain refuses writes (locked)', async () => {
    const locked: KeytarApi = {
      getPassword: async () => null,
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
      deletePassword: async () => false,
    };
    const confirming = new KeytarStore({
      service: 'test',
      confirmAbsence: true,
      loadKeytar: async () => locked,
    });
    expect((await failure(confirming.get('a'))).code).toBe('KEYCHAIN_LOCKED');
    expect((await failure(confirming.delete('a'))).code).toBe('KEYCHAIN_LOCKED');
    const trusting = new KeytarStore({
      service: 'test',
      confirmAbsence: false,
      loadKeytar: async () => locked,
    });
    expect(await trusting.get('a')).toBeNull();
  });
});
