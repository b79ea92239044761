// What the renderer may know about the account and the settings. The AccessKey secret and the
// STS token cross the bridge only inward, inside AccountFormInput; nothing here carries them out.

import type { LibrarySourceKind } from './domain';
import type { AppErrorData } from './errors';

export const REGIONS = [
  'cn-beijing',
  'cn-hangzhou',
  'cn-shanghai',
  'cn-shenzhen',
  'ap-southeast-1',
  'us-west-1',
] as const;
export type RegionId = (typeof REGIONS)[number];

/** The languages the UI is written in. */
export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
/** The language setting: the system's, or one of the UI's. */
export const LANGUAGE_PREFERENCES = ['system', ...UI_LANGUAGES] as const;
export const THEME_PREFERENCES = ['system', 'dark', 'light'] as const;

export const SIGNATURE_METHODS = ['v3', 'v1'] as const;
export type SignatureMethodId = (typeof SIGNATURE_METHODS)[number];

/** What the settings view submits. Checked in the main process (field errors) before any call. */
export interface AccountFormInput {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string | null;
  region: string;
  /** A custom http(s) endpoint; empty or null for the region's public endpoint. */
  endpoint?: string | null;
  signatureMethod: string;
}

export type AccountFormField =
  'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'region' | 'endpoint' | 'signatureMethod';

export type AccountFieldErrors = Partial<Record<AccountFormField, string>>;

export interface AccountStatus {
  configured: boolean;
  /** e.g. "LTAI****abcd"; null when not configured. */
  maskedAccessKeyId: string | null;
  hasStsToken: boolean;
  region: RegionId;
  endpoint: string | null;
  signatureMethod: SignatureMethodId;
  /** Where the active AccessKey is kept: the OS keychain, memory until quit, or nowhere. */
  storage: 'keychain' | 'session' | 'none';
  keychainAvailable: boolean;
  /** Why the keychain could not be read (locked, unavailable, unreadable entry), else null. */
  keychainProblem: AppErrorData | null;
}

export type ConnectionTestResult =
  | {
      ok: true;
      totalCount: number | null;
      requestId: string | null;
      /**
       * When the server rejected this computer's clock and the app corrected for it: the server's
       * clock minus this computer's, in seconds. Null when no correction was needed.
       */
      clockCorrectionSeconds: number | null;
    }
  | { ok: false; error: AppErrorData; fieldErrors?: AccountFieldErrors };

/** What Save answers: the stored status and the connection test that ran first. */
export interface AccountSaveResult {
  status: AccountStatus;
  totalCount: number | null;
  clockCorrectionSeconds: number | null;
}

export interface AppSettings {
  region: RegionId;
  endpoint: string | null;
  signatureMethod: SignatureMethodId;
  language: (typeof LANGUAGE_PREFERENCES)[number];
  theme: (typeof THEME_PREFERENCES)[number];
  downloadFolder: string | null;
  librarySource: LibrarySourceKind;
  /** The media cache's size limit in bytes (least recently used objects go beyond it). */
  mediaCacheLimitBytes: number;
}

export interface SettingsSnapshot {
  settings: AppSettings;
  /** A message for the user when the settings file was unreadable and set aside, else null. */
  notice: string | null;
}
