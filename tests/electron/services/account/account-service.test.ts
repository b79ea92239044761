// The account flow over real settings files in a temp folder, in-memory or failing secret stores,
// and a fake ICE client factory that accepts exactly one AccessKey (the signing itself is tested
// with the ICE client).

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import type { ListMediaQuery } from '../../../../shared/domain';
import type { CallOptions, IceLibraryApi } from '../../../../electron/services/ice/ice-api';
import type {
  AccountForm,
  IceClientConfig,
} from '../../../../electron/services/account/account-form';
import { AccountService } from '../../../../electron/services/account/account-service';
import { CredentialVault } from '../../../../electron/services/secrets/credential-vault';
import { MemoryStore } from '../../../../electron/services/secrets/memory-store';
import { CREDENTIALS_ACCOUNT } from '../../../../electron/services/secrets/secret-store';
import { SettingsStore } from '../../../../electron/services/settings/settings-store';
import { FailingStore } from '../secrets/failing-store';
import { rejectionOf as appError } from '../../../support/app-error';

const ID = 'LTAI5tAbCdEfGh1234abcd';
const SECRET = 'kT9vQ2mZ7xW4pL8nR1sB6yC3dF5gH0';
const TOKEN = 'CAIS+sts/token==' + 'q'.repeat(400);

const FORM: AccountForm = {
  accessKeyId: ID,
  accessKeySecret: SECRET,
  securityToken: '',
  region: 'cn-hangzhou',
  endpoint: '',
  signatureMethod: 'v3',
};

type Behaviour = 'check-key' | 'hang' | 'crash' | 'echo-secret';

/** Builds clients that answer like ICE: the configured key works, any other is a mismatch. */
class FakeIce {
  readonly configs: IceClientConfig[] = [];
  readonly queries: ListMediaQuery[] = [];
  behaviour: Behaviour = 'check-key';
  acceptedSecret = SECRET;

  readonly createClient = (config: IceClientConfig): IceLibraryApi => {
    this.configs.push(config);
    const list = async (query: ListMediaQuery, options?: CallOptions) => {
      this.queries.push(query);
      if (this.behaviour === 'hang') {
        return new Promise<never>((_, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      }
      if (this.behaviour === 'crash') throw new TypeError('cannot read properties of undefined');
      if (this.behaviour === 'echo-secret') {
        throw new AppError('BAD_REQUEST', `rejected ${config.credentials?.accessKeySecret}`);
      }
      if (config.credentials?.accessKeySecret !== this.acceptedSecret) {
        throw new AppError('AUTH_SIGNATURE_MISMATCH', 'The signature does not match.', {
          requestId: 'REQ-MISMATCH-1',
        });
      }
      return {
        items: [],
        totalCount: 1234,
        nextToken: null,
        pageNo: 1,
        pageSize: 1,
        requestId: 'REQ-OK-1',
      };
    };
    return {
      listPublicMediaBasicInfos: list,
      listAllPublicMediaTags: async () => [],
      getPublicMediaInfo: async () => {
        throw new AppError('NOT_FOUND', 'not used');
      },
    };
  };
}

let dataDir: string;
let ice: FakeIce;
let keychainStore: MemoryStore;
let settings: SettingsStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ice-account-'));
  ice = new FakeIce();
  keychainStore = new MemoryStore();
  settings = new SettingsStore({ dataDir });
  await settings.load();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function service(
  keychain: CredentialVault = new CredentialVault(keychainStore),
  extra: { testTimeoutMs?: number } = {},
): AccountService {
  return new AccountService({ keychain, settings, createClient: ice.createClient, ...extra });
}

async function filesContaining(needle: string): Promise<string[]> {
  const names = await readdir(dataDir, { recursive: true });
  const hits: string[] = [];
  for (const name of names) {
    const text = await readFile(join(dataDir, name), 'utf8').catch(() => '');
    if (text.includes(needle)) hits.push(name);
  }
  return hits;
}

describe('AccountService.status', () => {
  it('reports an unconfigured account with the default settings', async () => {
    expect(await service().status()).toEqual({
      configured: false,
      maskedAccessKeyId: null,
      hasStsToken: false,
      region: 'cn-shanghai',
      endpoint: null,
      signatureMethod: 'v3',
      storage: 'none',
      keychainAvailable: true,
      keychainProblem: null,
    });
  });

  it('reports a missing keychain without failing', async () => {
    const status = await service(new CredentialVault(new FailingStore())).status();
    expect(status).toMatchObject({
      configured: false,
      keychainAvailable: false,
      keychainProblem: { code: 'KEYCHAIN_UNAVAILABLE' },
    });
  });

  it('reports a locked keychain as available but with a problem', async () => {
    const status = await service(new CredentialVault(new FailingStore('KEYCHAIN_LOCKED'))).status();
    expect(status).toMatchObject({
      keychainAvailable: true,
      keychainProblem: { code: 'KEYCHAIN_LOCKED' },
    });
  });

  it('reports an unreadable keychain entry instead of crashing', async () => {
    await keychainStore.set(CREDENTIALS_ACCOUNT, '{not json');
    const status = await service().status();
    expect(status).toMatchObject({ configured: false, keychainProblem: { code: 'INTERNAL' } });
    expect(status.keychainProblem?.message).toMatch(/unreadable/);
  });
});

describe('AccountService.validateInput', () => {
  it('accepts a complete form', () => {
    expect(service().validateInput(FORM)).toEqual({});
    expect(service().validateInput({ ...FORM, endpoint: ' http://127.0.0.1:5000 ' })).toEqual({});
  });

  it('names every problem field without calling anything', () => {
    const errors = service().validateInput({
      accessKeyId: '',
      accessKeySecret: 'with space',
      region: 'moon-1',
      endpoint: 'ftp://example.com',
      signatureMethod: 'v9',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'accessKeyId',
      'accessKeySecret',
      'endpoint',
      'region',
      'signatureMethod',
    ]);
    expect(JSON.stringify(errors)).not.toContain('with space');
    expect(ice.configs).toEqual([]);
  });
});

describe('AccountService.testConnection', () => {
  it('makes one small list call with the form as entered (trimmed) and returns the count', async () => {
    const result = await service().testConnection({
      ...FORM,
      accessKeyId: ` ${ID}\n`,
      accessKeySecret: `${SECRET} `,
      securityToken: TOKEN,
    });
    expect(result).toEqual({
      ok: true,
      totalCount: 1234,
      requestId: 'REQ-OK-1',
      clockCorrectionSeconds: null,
    });
    expect(ice.queries).toEqual([{ pageNo: 1, pageSize: 1 }]);
    expect(ice.configs).toEqual([
      {
        endpoint: 'cn-hangzhou',
        credentials: { accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN },
        signatureMethod: 'v3',
      },
    ]);
  });

  it('sends a custom endpoint as scheme, host and port', async () => {
    await service().testConnection({
      ...FORM,
      endpoint: 'http://127.0.0.1:5000/',
      signatureMethod: 'v1',
    });
    expect(ice.configs[0]).toMatchObject({
      endpoint: { scheme: 'http', host: '127.0.0.1', port: 5000 },
      signatureMethod: 'v1',
    });
  });

  it('returns the service error as data, with its request id', async () => {
    const result = await service().testConnection({
      ...FORM,
      accessKeySecret: 'wrong-secret-value',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'AUTH_SIGNATURE_MISMATCH',
        message: 'The signature does not match.',
        requestId: 'REQ-MISMATCH-1',
      },
    });
  });

  it('returns field errors without creating a client for an invalid form', async () => {
    const result = await service().testConnection({ ...FORM, accessKeySecret: '' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
      fieldErrors: { accessKeySecret: expect.any(String) },
    });
    expect(ice.configs).toEqual([]);
  });

  it('redacts the secret from an error message that contains it', async () => {
    ice.behaviour = 'echo-secret';
    const result = await service().testConnection(FORM);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('reports an unexpected failure as INTERNAL without its raw text', async () => {
    ice.behaviour = 'crash';
    const result = await service().testConnection(FORM);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The request failed unexpectedly.' },
    });
  });

  it('gives up with TIMEOUT on a service that does not answer, aborting the call', async () => {
    ice.behaviour = 'hang';
    const result = await service(undefined, { testTimeoutMs: 100 }).testConnection(FORM);
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });
});

describe('AccountService.save and clear', () => {
  it('tests, stores the key in the keychain and the rest in settings', async () => {
    const saved = await service().save({
      ...FORM,
      securityToken: TOKEN,
      endpoint: 'https://ice.example.com',
    });
    expect(saved.totalCount).toBe(1234);
    expect(saved.clockCorrectionSeconds).toBeNull();
    const { status } = saved;
    expect(status).toEqual({
      configured: true,
      maskedAccessKeyId: 'LTAI****abcd',
      hasStsToken: true,
      region: 'cn-hangzhou',
      endpoint: 'https://ice.example.com',
      signatureMethod: 'v3',
      storage: 'keychain',
      keychainAvailable: true,
      keychainProblem: null,
    });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(ice.queries).toHaveLength(1);
    expect(settings.current()).toMatchObject({ region: 'cn-hangzhou', librarySource: 'account' });
    expect(await new CredentialVault(keychainStore).load()).toEqual({
      accessKeyId: ID,
      accessKeySecret: SECRET,
      securityToken: TOKEN,
    });
  });

  it('stores nothing and changes no setting when the test fails', async () => {
    const error = await appError(
      service().save({ ...FORM, accessKeySecret: 'wrong-secret-value' }),
    );
    expect(error.code).toBe('AUTH_SIGNATURE_MISMATCH');
    expect(error.requestId).toBe('REQ-MISMATCH-1');
    expect(await keychainStore.get(CREDENTIALS_ACCOUNT)).toBeNull();
    expect(settings.current().librarySource).toBe('demo');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('never falls back to memory when the keychain fails; session-only is an explicit choice', async () => {
    const accounts = service(new CredentialVault(new FailingStore()));
    const error = await appError(accounts.save(FORM));
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(await accounts.status()).toMatchObject({ configured: false, storage: 'none' });
    expect(settings.current().librarySource).toBe('demo');

    const { status } = await accounts.save(FORM, { sessionOnly: true });
    expect(status).toMatchObject({
      configured: true,
      storage: 'session',
      keychainAvailable: false,
    });
    expect(await accounts.createConfiguredClient()).not.toBeNull();
    expect(ice.configs.at(-1)?.credentials?.accessKeySecret).toBe(SECRET);
  });

  it('forgets a session key and leaves the account even when the keychain refuses to clear', async () => {
    const accounts = service(new CredentialVault(new FailingStore('KEYCHAIN_LOCKED')));
    await accounts.save(FORM, { sessionOnly: true });
    expect(settings.current().librarySource).toBe('account');

    const error = await appError(accounts.clear());
    expect(error.code).toBe('KEYCHAIN_LOCKED');
    expect(await accounts.status()).toMatchObject({ configured: false, storage: 'none' });
    expect(await accounts.createConfiguredClient()).toBeNull();
    expect(settings.current().librarySource).toBe('demo');
  });

  it('uses a session-only key over the keychain one, until a keychain save replaces it', async () => {
    const accounts = service();
    await accounts.save(FORM);
    ice.acceptedSecret = 'session-secret-value';
    await accounts.save(
      { ...FORM, accessKeySecret: 'session-secret-value' },
      { sessionOnly: true },
    );
    expect((await accounts.status()).storage).toBe('session');
    // The keychain still holds the earlier key; a restart (new service) would use it.
    expect((await service().status()).storage).toBe('keychain');

    ice.acceptedSecret = SECRET;
    await accounts.save(FORM);
    expect((await accounts.status()).storage).toBe('keychain');
  });

  it('clear forgets the key everywhere and returns the library to the demo source', async () => {
    const accounts = service();
    await accounts.save(FORM);
    await accounts.save(FORM, { sessionOnly: true });
    const status = await accounts.clear();
    expect(status).toMatchObject({ configured: false, storage: 'none', region: 'cn-hangzhou' });
    expect(settings.current().librarySource).toBe('demo');
    expect(await keychainStore.get(CREDENTIALS_ACCOUNT)).toBeNull();
    expect(await accounts.createConfiguredClient()).toBeNull();
  });

  it('leaves no file in the data folder containing the secret or token after a full cycle', async () => {
    const accounts = service();
    await accounts.testConnection({ ...FORM, securityToken: TOKEN });
    await accounts.save({ ...FORM, securityToken: TOKEN });
    await accounts.save({ ...FORM, securityToken: TOKEN }, { sessionOnly: true });
    await accounts.createConfiguredClient();
    expect(await readdir(dataDir)).toEqual(['settings.json']);
    expect(await filesContaining(SECRET)).toEqual([]);
    expect(await filesContaining(TOKEN)).toEqual([]);
    await accounts.clear();
    expect(await filesContaining(SECRET)).toEqual([]);
    expect(await filesContaining(ID)).toEqual([]);
  });
});
