// `auth set`, `auth show` and `auth clear`: the desktop app's AccessKey, from a terminal. The same
// keychain entry and settings.json as the app, the same validation and connection test, and the
// same rule: the secret goes into the keychain and nowhere else (no file fallback, no output).

import { AppError } from '../../shared/errors';
import { checkAccountForm } from '../services/account/account-form';
import type { AccountForm } from '../services/account/account-form';
import { AccountService } from '../services/account/account-service';
import { resolveEndpoint } from '../services/ice/endpoint';
import { createIceClient } from '../services/ice/ice-client';
import type { IceClient } from '../services/ice/ice-client';
import { maskAccessKeyId } from '../services/secrets/credentials';
import type { StoredCredentials } from '../services/secrets/secret-store';
import type { AuthSetCommand } from './auth-args';
import { credentialsFromEnv } from './cli-credentials';
import { readSecrets } from './read-secret';
import type { SecretSource } from './read-secret';
import { describeKeychainEntry, openStoredAccount } from './stored-account';
import type { StoredAccount } from './stored-account';

export interface AuthIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Where `auth set` reads the secret; required for it. */
  secrets?: SecretSource;
}

const ENV_HINT =
  'The CLI can also take the AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN) in the environment.';

export async function authSet(command: AuthSetCommand, io: AuthIo, json: boolean) {
  const stored = await open(io);
  // Checked before asking for the secret: no point typing it when it cannot be kept.
  await readExisting(stored);
  if (!io.secrets) throw new AppError('INTERNAL', 'No input to read the secret from.');
  const labels = command.sts ? ['AccessKey secret', 'STS security token'] : ['AccessKey secret'];
  const [secret = '', token] = await readSecrets(io.secrets, labels);

  const saved = stored.settings.current();
  const form: AccountForm = {
    accessKeyId: command.accessKeyId,
    accessKeySecret: secret,
    securityToken: token ?? null,
    region: command.region ?? saved.region,
    // A new region means its public endpoint, unless an endpoint is given too.
    endpoint: command.endpoint ?? (command.region !== undefined ? null : saved.endpoint),
    signatureMethod: command.signatureMethod ?? saved.signatureMethod,
  };
  const checked = checkAccountForm(form);
  if (!checked.ok) {
    throw new AppError('INVALID_INPUT', Object.values(checked.errors).join(' '));
  }
  if (command.sts && token?.trim() === '') {
    throw new AppError('INVALID_INPUT', 'With --sts, put the security token on line 2 of stdin.');
  }

  let tested: string | null = null;
  if (command.test) {
    const clients: IceClient[] = [];
    const account = new AccountService({
      keychain: stored.vault,
      settings: stored.settings,
      createClient: (config) => {
        const client = createIceClient(config);
        clients.push(client);
        return client;
      },
    });
    const result = await account.testConnection(form).finally(() => {
      for (const client of clients) client.close();
    });
    if (!result.ok) {
      const { code, message, ...extra } = result.error;
      throw new AppError(code, `The connection test failed, so nothing was saved. ${message}`, {
        ...extra,
      });
    }
    tested =
      result.totalCount === null
        ? 'Connection test passed.'
        : `Connection test passed (${result.totalCount} media).`;
  }

  const { credentials, region, endpoint, signatureMethod } = checked.value;
  await stored.vault.save(credentials).catch(withEnvHint);
  await stored.settings.update({ region, endpoint, signatureMethod, librarySource: 'account' });

  if (json) {
    io.out(
      JSON.stringify({ saved: true, tested: command.test, ...statusJson(stored, credentials) }),
    );
    return;
  }
  io.out(`Saved AccessKey ${describeKey(credentials)} in the ${describeKeychainEntry(stored)}.`);
  io.out(`${targetLine(stored)}${tested === null ? ' Not tested (--no-test).' : ` ${tested}`}`);
}

export async function authShow(io: AuthIo, json: boolean) {
  const stored = await open(io);
  const credentials = await stored.vault.load().catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'INTERNAL') {
      throw new AppError('INTERNAL', `${error.message} "auth clear" removes it.`);
    }
    return withEnvHint(error);
  });
  const envKey = credentialsFromEnv(io.env) !== null;
  if (json) {
    io.out(JSON.stringify({ ...statusJson(stored, credentials), environmentCredentials: envKey }));
    return;
  }
  const settings = stored.settings.current();
  const lines = [
    `AccessKey ID:  ${credentials === null ? 'not configured' : describeKey(credentials)}`,
    `Region:        ${settings.region}`,
    `Endpoint:      ${settings.endpoint ?? `${regionOrigin(stored)} (the region's public endpoint)`}`,
    `Signature:     ${settings.signatureMethod}`,
    `Stored in:     ${credentials === null ? 'not configured' : describeKeychainEntry(stored)}`,
    `Settings file: ${stored.settings.filePath}`,
  ];
  if (envKey) {
    lines.push(
      '',
      'ALIBABA_CLOUD_ACCESS_KEY_ID is set in this environment: list, tags, info and download ' +
        'use that instead of the saved AccessKey.',
    );
  }
  io.out(lines.join('\n'));
}

export async function authClear(io: AuthIo, json: boolean) {
  const stored = await open(io);
  // Read first only to name what is removed; an unreadable entry is removed all the same.
  const existing = await readExisting(stored);
  const removed = await stored.vault.clear().catch(withEnvHint);
  // As the app does: without a key, the library goes back to the demo source.
  if (stored.settings.current().librarySource === 'account') {
    await stored.settings.update({ librarySource: 'demo' });
  }
  const entry = describeKeychainEntry(stored);
  if (json) {
    io.out(JSON.stringify({ removed, keychainService: stored.service, account: stored.account }));
  } else if (removed) {
    const what = existing === null ? 'the unreadable AccessKey entry' : describeKey(existing);
    io.out(`Removed AccessKey ${what} from the ${entry}.`);
  } else {
    io.out(`No AccessKey is saved in the ${entry}; nothing to remove.`);
  }
}

async function open(io: AuthIo): Promise<StoredAccount> {
  const stored = await openStoredAccount(io.env);
  if (stored.settingsNotice !== null) io.err(`ice: note: ${stored.settingsNotice}`);
  return stored;
}

/** The saved key, or null (also for an unreadable entry, which may be replaced or removed). */
async function readExisting(stored: StoredAccount): Promise<StoredCredentials | null> {
  try {
    return await stored.vault.load();
  } catch (error) {
    if (error instanceof AppError && error.code === 'INTERNAL') return null;
    return withEnvHint(error);
  }
}

function withEnvHint(error: unknown): never {
  if (error instanceof AppError && error.code.startsWith('KEYCHAIN_')) {
    throw new AppError(error.code, `${error.message} ${ENV_HINT}`);
  }
  throw error;
}

function describeKey(credentials: StoredCredentials): string {
  const sts = credentials.securityToken === undefined ? '' : ' (with STS token)';
  return `${maskAccessKeyId(credentials.accessKeyId)}${sts}`;
}

function regionOrigin(stored: StoredAccount): string {
  return resolveEndpoint(stored.settings.current().region).origin;
}

function targetLine(stored: StoredAccount): string {
  const { region, endpoint, signatureMethod } = stored.settings.current();
  return `Region ${region}, endpoint ${endpoint ?? regionOrigin(stored)}, signature ${signatureMethod}.`;
}

function statusJson(stored: StoredAccount, credentials: StoredCredentials | null) {
  const settings = stored.settings.current();
  return {
    configured: credentials !== null,
    maskedAccessKeyId: credentials === null ? null : maskAccessKeyId(credentials.accessKeyId),
    hasStsToken: credentials?.securityToken !== undefined,
    region: settings.region,
    endpoint: settings.endpoint,
    effectiveEndpoint: settings.endpoint ?? regionOrigin(stored),
    signatureMethod: settings.signatureMethod,
    storage: credentials === null ? 'none' : 'keychain',
    keychainService: stored.service,
    keychainAccount: stored.account,
    settingsFile: stored.settings.filePath,
  };
}
