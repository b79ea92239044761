// Runs keychain operations in a separate process, for the keytar integration tests: libsecret
// binds to a D-Bus session once per process, so "no Secret Service" and "locked keychain" need a
// process of their own. Usage: node --import tsx keychain-child.ts <op> '<json args>'.
// Prints one JSON line: { ok: true, result } or { ok: false, code, message }.

import { execFileSync } from 'node:child_process';
import { AppError } from '../../../../shared/errors';
import { AccountService } from '../../../../electron/services/account/account-service';
import { CredentialVault } from '../../../../electron/services/secrets/credential-vault';
import { KeytarStore } from '../../../../electron/services/secrets/keytar-store';
import { SettingsStore } from '../../../../electron/services/settings/settings-store';
import type { IceLibraryApi } from '../../../../electron/services/ice/ice-api';

interface ChildArgs {
  service: string;
  account?: string;
  value?: string;
  dataDir?: string;
  form?: {
    accessKeyId: string;
    accessKeySecret: string;
    region: string;
    signatureMethod: string;
  };
}

type Settled = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function settle(run: () => Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'NOT_AN_APP_ERROR';
    return { ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
}

/** An ICE client that accepts any key: these runs test the keychain, not the service. */
const acceptingClient = (): IceLibraryApi => ({
  listPublicMediaBasicInfos: async () => ({
    items: [],
    totalCount: 3,
    nextToken: null,
    pageNo: 1,
    pageSize: 1,
    requestId: 'child-request',
  }),
  listAllPublicMediaTags: async () => [],
  getPublicMediaInfo: async () => {
    throw new AppError('NOT_FOUND', 'not used here');
  },
});

async function accountService(args: ChildArgs): Promise<AccountService> {
  if (!args.dataDir) throw new Error('dataDir is required');
  const settings = new SettingsStore({ dataDir: args.dataDir });
  await settings.load();
  return new AccountService({
    keychain: new CredentialVault(new KeytarStore({ service: args.service, timeoutMs: 5_000 })),
    settings,
    createClient: acceptingClient,
  });
}

/** Locks the Secret Service's default collection, as a screen lock or "Lock keyring" would. */
function lockDefaultCollection(): void {
  const gdbus = (method: string, arg: string): string =>
    execFileSync(
      'gdbus',
      ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path'].concat([
        '/org/freedesktop/secrets',
        '--method',
        `org.freedesktop.Secret.Service.${method}`,
        arg,
      ]),
      { encoding: 'utf8', timeout: 5_000 },
    );
  const alias = gdbus('ReadAlias', 'default');
  const path = /'(\/org\/freedesktop\/secrets\/collection\/[^']+)'/.exec(alias)?.[1];
  if (!path) throw new Error(`no default collection: ${alias}`);
  gdbus('Lock', `['${path}']`);
}

async function run(op: string, args: ChildArgs): Promise<unknown> {
  const store = new KeytarStore({ service: args.service, timeoutMs: 5_000 });
  const account = args.account ?? 'test-account';
  switch (op) {
    case 'probe': {
      await store.set(account, 'probe-value');
      const back = await store.get(account);
      await store.delete(account);
      if (back !== 'probe-value') throw new Error('the keychain did not return what was stored');
      return 'ok';
    }
    case 'get':
      return store.get(account);
    case 'set':
      return store.set(account, args.value ?? '');
    case 'account-save': {
      const service = await accountService(args);
      if (!args.form) throw new Error('form is required');
      return service.save(args.form);
    }
    case 'locked-scenario': {
      await store.set(account, 'stored-before-locking');
      lockDefaultCollection();
      const service = await accountService(args);
      return {
        get: await settle(() => store.get(account)),
        set: await settle(() => store.set(account, args.value ?? '')),
        delete: await settle(() => store.delete(account)),
        save: await settle(() => service.save(args.form!)),
        status: await settle(() => service.status()),
      };
    }
    default:
      throw new Error(`unknown op ${op}`);
  }
}

const [op = '', json = '{}'] = process.argv.slice(2);
const outcome = await settle(() => run(op, JSON.parse(json) as ChildArgs));
process.stdout.write(
  `${JSON.stringify(outcome.ok ? { ok: true, result: outcome.value } : outcome)}\n`,
);
