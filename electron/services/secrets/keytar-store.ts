// The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service
// (GNOME Keyring, KWallet) on Linux. The only file that imports keytar. The import is lazy, so a
// missing or broken native module surfaces as KEYCHAIN_UNAVAILABLE when the keychain is first
// used instead of crashing the app at start.

import { AppError } from '../../../shared/errors';
import type { SecretStore } from './secret-store';

/**
 * The part of keytar this store uses. findPassword/findCredentials are avoided on purpose: on
 * Linux findCredentials crashes the whole process (segfault in libsecret) on a locked collection.
 */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  /** The keychain service name, see keychainServiceName(). */
  service: string;
  /** Loads keytar; tests replace it to simulate a missing module or a keychain that never answers. */
  loadKeytar?: () => Promise<KeytarApi>;
  /** Longest wait for one keychain call. Generous: the user may be typing into an unlock prompt. */
  timeoutMs?: number;
  /**
   * libsecret answers "nothing stored" (and "nothing deleted") when the collection is locked and
   * its unlock prompt was dismissed or could not be shown. With this on (the default on Linux) such
   * an answer is confirmed by writing and deleting a harmless probe item, which fails with a clear
   * "locked" error when the collection is locked.
   */
  confirmAbsence?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const PROBE_ACCOUNT = 'keychain-probe';
const PROBE_VALUE = 'probe';

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'This computer has no keychain service (Secret Service) running, so the AccessKey cannot be ' +
  'saved securely. Start the desktop keyring (for example GNOME Keyring or KWallet) and try ' +
  'again, or keep the AccessKey for this session only.';

export const KEYCHAIN_LOCKED_MESSAGE =
  'The keychain is locked and was not unlocked, so the AccessKey cannot be read or saved. ' +
  'Unlock the keychain (on Linux: the "login" keyring) when asked and try again, or keep the ' +
  'AccessKey for this session only.';

const KEYTAR_MISSING_MESSAGE =
  'The keychain module (keytar) could not be loaded on this computer, so the AccessKey cannot ' +
  'be saved securely. Keep the AccessKey for this session only, or reinstall the app.';

// Matched against the native error text. Locked is checked first: a failed unlock prompt often
// also mentions D-Bus names.
const LOCKED_PATTERN =
  /\blocked\b|cancel|dismiss|prompt|unlock|user interaction is not allowed|passphrase you entered/i;
const UNAVAILABLE_PATTERN =
  /d-?bus|autolaunch|could not connect|connection refused|no such file|not provided by any|serviceunknown|timeout was reached|did not receive a reply|secret service|org\.freedesktop|no keychain|keychain could not be found/i;

export class KeytarStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly service: string;
  private readonly loadKeytar: () => Promise<KeytarApi>;
  private readonly timeoutMs: number;
  private readonly confirmAbsence: boolean;
  private loaded: Promise<KeytarApi> | undefined;

  constructor(options: KeytarStoreOptions) {
    if (options.service.trim() === '') throw new Error('KeytarStore needs a service name.');
    this.service = options.service;
    this.loadKeytar = options.loadKeytar ?? importKeytar;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.confirmAbsence = options.confirmAbsence ?? process.platform === 'linux';
  }

  async get(account: string): Promise<string | null> {
    const value = await this.call((k) => k.getPassword(this.service, account));
    if (value === null && this.confirmAbsence) await this.confirmWritable();
    return value;
  }

  async set(account: string, value: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, account, value), value);
  }

  async delete(account: string): Promise<boolean> {
    const deleted = await this.call((k) => k.deletePassword(this.service, account));
    if (!deleted && this.confirmAbsence) await this.confirmWritable();
    return deleted;
  }

  /** Throws KEYCHAIN_LOCKED / KEYCHAIN_UNAVAILABLE unless the keychain accepts a write now. */
  private async confirmWritable(): Promise<void> {
    await this.call((k) => k.setPassword(this.service, PROBE_ACCOUNT, PROBE_VALUE));
    await this.call((k) => k.deletePassword(this.service, PROBE_ACCOUNT));
  }

  private keytar(): Promise<KeytarApi> {
    this.loaded ??= this.loadKeytar().catch((error: unknown) => {
      throw new AppError('KEYCHAIN_UNAVAILABLE', KEYTAR_MISSING_MESSAGE, { cause: error });
    });
    return this.loaded;
  }

  /** Runs one keychain call with a time limit; `value` is kept out of any error message. */
  private async call<T>(run: (keytar: KeytarApi) => Promise<T>, value?: string): Promise<T> {
    const keytar = await this.keytar();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round(this.timeoutMs / 1000);
        reject(
          new AppError(
            'KEYCHAIN_UNAVAILABLE',
            `The keychain did not answer within ${seconds} seconds. If an unlock prompt is ` +
              'open, answer it and try again; otherwise keep the AccessKey for this session only.',
          ),
        );
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([run(keytar), timeout]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw classifyKeychainError(error, value === undefined ? [] : [value]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Turns a native keychain error into KEYCHAIN_LOCKED or KEYCHAIN_UNAVAILABLE with plain words.
 * The native text is appended for support, unless it contains any of `sensitive` (or a string
 * field of them when they are JSON records): keychain errors must never carry a secret.
 */
export function classifyKeychainError(error: unknown, sensitive: readonly string[]): AppError {
  const raw = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  const detail = containsSensitive(raw, sensitive) ? '' : ` (Details: ${raw})`;
  if (LOCKED_PATTERN.test(raw)) {
    return new AppError('KEYCHAIN_LOCKED', KEYCHAIN_LOCKED_MESSAGE + detail);
  }
  if (UNAVAILABLE_PATTERN.test(raw)) {
    return new AppError('KEYCHAIN_UNAVAILABLE', KEYCHAIN_UNAVAILABLE_MESSAGE + detail);
  }
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    'The keychain refused the request, so the AccessKey cannot be saved securely. Try again, ' +
      'or keep the AccessKey for this session only.' +
      detail,
  );
}

function containsSensitive(text: string, sensitive: readonly string[]): boolean {
  const fragments = sensitive.flatMap((value) => [value, ...jsonStringFields(value)]);
  return fragments.some((fragment) => fragment.length >= 4 && text.includes(fragment));
}

function jsonStringFields(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object') return [];
    return Object.values(parsed).filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}

async function importKeytar(): Promise<KeytarApi> {
  // keytar is CommonJS: Node's ESM import exposes it as `default` (and usually as named exports).
  const mod = (await import('keytar')) as unknown as Partial<KeytarApi> & { default?: KeytarApi };
  const api = mod.default ?? mod;
  if (typeof api.getPassword !== 'function') throw new Error('keytar has no getPassword');
  return api as KeytarApi;
}
