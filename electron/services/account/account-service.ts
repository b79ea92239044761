// The account behind the library: which AccessKey is configured, where it is kept, and whether it
// works. The secret travels from the form into the vault and into the ICE client only: status()
// shows a masked id, errors are redacted, and nothing here logs.

import { AppError } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import type {
  AccountSaveResult,
  AccountStatus,
  ConnectionTestResult,
} from '../../../shared/account';
import { CredentialVault } from '../secrets/credential-vault';
import { maskAccessKeyId } from '../secrets/credentials';
import { MemoryStore } from '../secrets/memory-store';
import type { StoredCredentials } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { IceLibraryApi } from '../ice/ice-api';
import { redact } from '../ice/api-errors';
import { checkAccountForm, clientConfig } from './account-form';
import type {
  AccountFieldErrors,
  AccountForm,
  CheckedAccountForm,
  CreateIceClient,
} from './account-form';

export type { AccountStatus, ConnectionTestResult };

export interface SaveOptions {
  /** Keep the AccessKey in memory until the app quits instead of in the keychain. */
  sessionOnly?: boolean;
  /** False skips the connection test (the CLI's --no-test); the app always tests. */
  connectionTest?: boolean;
}

export interface AccountServiceOptions {
  /** The vault over the OS keychain (KeytarStore). */
  keychain: CredentialVault;
  /** The vault for "this session only"; a fresh in-memory one by default. */
  session?: CredentialVault;
  /** Loaded settings. */
  settings: SettingsStore;
  createClient: CreateIceClient;
  /** Longest wait for the connection test's one call. */
  testTimeoutMs?: number;
}

const DEFAULT_TEST_TIMEOUT_MS = 20_000;

export class AccountService {
  private readonly keychain: CredentialVault;
  private readonly session: CredentialVault;
  private readonly settings: SettingsStore;
  private readonly createClient: CreateIceClient;
  private readonly testTimeoutMs: number;

  constructor(options: AccountServiceOptions) {
    this.keychain = options.keychain;
    this.session = options.session ?? new CredentialVault(new MemoryStore());
    this.settings = options.settings;
    this.createClient = options.createClient;
    this.testTimeoutMs = options.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  }

  async status(): Promise<AccountStatus> {
    const settings = this.settings.current();
    const { credentials, storage, keychainProblem } = await this.active();
    return {
      configured: credentials !== null,
      maskedAccessKeyId: credentials === null ? null : maskAccessKeyId(credentials.accessKeyId),
      hasStsToken: credentials?.securityToken !== undefined,
      region: settings.region,
      endpoint: settings.endpoint,
      signatureMethod: settings.signatureMethod,
      storage,
      keychainAvailable: keychainProblem?.code !== 'KEYCHAIN_UNAVAILABLE',
      keychainProblem,
    };
  }

  /** Field errors (empty object when valid), before anything is called or stored. */
  validateInput(form: AccountForm): AccountFieldErrors {
    const checked = checkAccountForm(form);
    return checked.ok ? {} : checked.errors;
  }

  /** One small list call with the form's settings; failures come back as data, redacted. */
  async testConnection(form: AccountForm): Promise<ConnectionTestResult> {
    const checked = checkAccountForm(form);
    if (!checked.ok) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: Object.values(checked.errors).join(' ') },
        fieldErrors: checked.errors,
      };
    }
    return this.runTest(checked.value);
  }

  /** Tests the form first; only a working AccessKey is stored. Throws the test's error otherwise. */
  async save(form: AccountForm, options: SaveOptions = {}): Promise<AccountSaveResult> {
    const checked = checkAccountForm(form);
    if (!checked.ok) {
      throw new AppError('INVALID_INPUT', Object.values(checked.errors).join(' '));
    }
    const test: ConnectionTestResult =
      options.connectionTest === false
        ? { ok: true, totalCount: null, requestId: null, clockCorrectionSeconds: null }
        : await this.runTest(checked.value);
    if (!test.ok) {
      const { code, message, ...extra } = test.error;
      throw new AppError(
        code,
        `The connection test failed, so nothing was saved. ${message}`,
        extra,
      );
    }
    if (options.sessionOnly) {
      await this.session.save(checked.value.credentials);
    } else {
      // Never falls back to the session vault on its own: a keychain error reaches the caller,
      // who may then ask for sessionOnly explicitly.
      await this.keychain.save(checked.value.credentials);
      await this.session.clear();
    }
    await this.settings.update({
      region: checked.value.region,
      endpoint: checked.value.endpoint,
      signatureMethod: checked.value.signatureMethod,
      librarySource: 'account',
    });
    return {
      status: await this.status(),
      totalCount: test.totalCount,
      clockCorrectionSeconds: test.clockCorrectionSeconds,
    };
  }

  /** Forgets the AccessKey everywhere it is kept; the library goes back to the demo source. */
  async clear(): Promise<AccountStatus> {
    await this.session.clear();
    // The keychain may refuse (locked, unavailable): the session copy is gone and the library
    // leaves the account all the same, then the keychain's error reaches the caller.
    let keychainError: unknown = null;
    try {
      await this.keychain.clear();
    } catch (error) {
      keychainError = error;
    }
    if (this.settings.current().librarySource === 'account') {
      await this.settings.update({ librarySource: 'demo' });
    }
    if (keychainError !== null) throw keychainError;
    return this.status();
  }

  /**
   * A client for the configured account and the AccessKey ID it signs with (not a secret: what
   * the account's own local data, such as its favourites, is kept under), or null when no
   * AccessKey is configured.
   */
  async createConfiguredClient(): Promise<{ api: IceLibraryApi; accessKeyId: string } | null> {
    const { credentials } = await this.active();
    if (credentials === null) return null;
    return {
      api: this.createClient(clientConfig(this.settings.current(), credentials)),
      accessKeyId: credentials.accessKeyId,
    };
  }

  private async active(): Promise<{
    credentials: StoredCredentials | null;
    storage: AccountStatus['storage'];
    keychainProblem: AppErrorData | null;
  }> {
    const session = await this.session.load();
    let keychain: StoredCredentials | null = null;
    let keychainProblem: AppErrorData | null = null;
    try {
      keychain = await this.keychain.load();
    } catch (error) {
      keychainProblem = safeErrorData(error, []);
    }
    if (session !== null) return { credentials: session, storage: 'session', keychainProblem };
    if (keychain !== null) return { credentials: keychain, storage: 'keychain', keychainProblem };
    return { credentials: null, storage: 'none', keychainProblem };
  }

  private async runTest(form: CheckedAccountForm): Promise<ConnectionTestResult> {
    const secrets = [form.credentials.accessKeySecret, form.credentials.securityToken ?? ''];
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Rejected before aborting, so the race reports TIMEOUT rather than the abort's error.
        reject(
          new AppError(
            'TIMEOUT',
            `The service did not answer within ${Math.round(this.testTimeoutMs / 1000)} seconds.`,
          ),
        );
        controller.abort();
      }, this.testTimeoutMs);
    });
    let client: IceLibraryApi | undefined;
    try {
      client = this.createClient(clientConfig(form, form.credentials));
      const page = await Promise.race([
        client.listPublicMediaBasicInfos({ pageNo: 1, pageSize: 1 }, { signal: controller.signal }),
        timeout,
      ]);
      const offsetMs = client.clockOffsetMs ?? 0;
      return {
        ok: true,
        totalCount: page.totalCount,
        requestId: page.requestId,
        clockCorrectionSeconds: offsetMs === 0 ? null : Math.round(offsetMs / 1000),
      };
    } catch (error) {
      return { ok: false, error: safeErrorData(error, secrets) };
    } finally {
      clearTimeout(timer);
      client?.close?.();
    }
  }
}

/** Error data for the UI: AppErrors keep their code, anything else is INTERNAL; secrets redacted. */
function safeErrorData(error: unknown, secrets: readonly string[]): AppErrorData {
  if (!(error instanceof AppError)) {
    return { code: 'INTERNAL', message: 'The request failed unexpectedly.' };
  }
  const data = error.toData();
  const present = secrets.filter((secret) => secret.length > 0);
  data.message = redact(data.message, present);
  if (data.requestId !== undefined) data.requestId = redact(data.requestId, present);
  return data;
}
