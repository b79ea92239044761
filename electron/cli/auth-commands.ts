// `auth set`, `auth show` and `auth clear`: the desktop app's AccessKey, from a terminal. The same
// keychain entry and settings.json as the app, the same validation and connection test, and the
// same rule: the secret goes into the keychain and nowhere else (no file fallback, no output).

import type { AccountStatus } from '../../shared/account';
import { AppError } from '../../shared/errors';
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

  const current = stored.settings.current();
  const form: AccountForm = {
    accessKeyId: command.accessKeyId,
    accessKeySecret: secret,
    securityToken: token ?? null,
    region: command.region ?? current.region,
    // A new region means its public endpoint, unless an endpoint is given too.
    endpoint: command.endpoint ?? (command.region !== undefined ? null : current.endpoint),
    signatureMethod: command.signatureMethod ?? current.signatureMethod,
  };
  if (command.sts && token?.trim() === '') {
    throw new AppError('INVALID_INPUT', 'With --sts, put the security token on line 2 of stdin.');
  }
  // The app's own save: checks, the connection test (unless --no-test), keychain, settings.
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
  const saved = await account
    .save(form, { connectionTest: command.test })
    .catch(withEnvHint)
    .finally(() => {
      for (const client of clients) client.close();
    });
  const tested = !command.test
    ? null
    : saved.totalCount === null
      ? 'Connection test passed.'
      : `Connection test passed (${saved.totalCount} media).`;
  if (json) {
    io.out(
      JSON.stringify({ saved: true, tested: command.test, ...statusJson(stored, saved.status) }),
    );
    return;
  }
  io.out(
    `Saved AccessKey ${describeStatus(saved.status)} in the ${describeKeychainEntry(stored)}.`,
  );
  io.out(`${targetLine(stored)}${tested === null ? ' Not tested (--no-test).' : ` ${tested}`}`);
}

export async function authShow(io: AuthIo, json: boolean) {
  const stored = await open(io);
  // The app's own status read: the keychain entry and the saved settings.
  const status = await new AccountService({
    keychain: stored.vault,
    settings: stored.settings,
    createClient: createIceClient,
  }).status();
  const problem = status.keychainProblem;
  if (problem !== null) {
    const extra = problem.code === 'INTERNAL' ? ' "auth clear" removes it.' : ` ${ENV_HINT}`;
    throw new AppError(problem.code, `${problem.message}${extra}`);
  }
  const envKey = credentialsFromEnv(io.env) !== null;
  if (json) {
    io.out(JSON.stringify({ ...statusJson(stored, status), environmentCredentials: envKey }));
    return;
  }
  const settings = stored.settings.current();
  const lines = [
    `AccessKey ID:  ${status.configured ? describeStatus(status) : 'not configured'}`,
    `Region:        ${settings.region}`,
    `Endpoint:      ${settings.endpoint ?? `${regionOrigin(stored)} (the region's public endpoint)`}`,
    `Signature:     ${settings.signatureMethod}`,
    `Stored in:     ${status.configured ? describeKeychainEntry(stored) : 'not configured'}`,
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

function describeStatus(status: AccountStatus): string {
  return `${status.maskedAccessKeyId ?? '****'}${status.hasStsToken ? ' (with STS token)' : ''}`;
}

function statusJson(stored: StoredAccount, status: AccountStatus) {
  const settings = stored.settings.current();
  return {
    configured: status.configured,
    maskedAccessKeyId: status.maskedAccessKeyId,
    hasStsToken: status.hasStsToken,
    region: settings.region,
    endpoint: settings.endpoint,
    effectiveEndpoint: settings.endpoint ?? regionOrigin(stored),
    signatureMethod: settings.signatureMethod,
    storage: status.storage,
    keychainService: stored.service,
    keychainAccount: stored.account,
    settingsFile: stored.settings.filePath,
  };
}
