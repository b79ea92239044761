// The app's non-secret settings: their schema, defaults and the rules for a custom endpoint.
// Secrets (AccessKey secret, STS token) live in the keychain only; SECRET_LIKE_KEY is how the
// settings store recognises and refuses anything that looks like one.

import { z } from 'zod';
import {
  LANGUAGE_PREFERENCES,
  REGIONS,
  SIGNATURE_METHODS,
  THEME_PREFERENCES,
} from '../../../shared/account';
import { LIBRARY_SOURCE_KINDS } from '../../../shared/domain';
import type { RegionId, SignatureMethodId } from '../../../shared/account';
import {
  DEFAULT_MEDIA_CACHE_LIMIT,
  MAX_MEDIA_CACHE_LIMIT,
  MIN_MEDIA_CACHE_LIMIT,
} from '../../../shared/domain';
import { endpointRule } from '../../../shared/account-rules';
import type { EndpointRule } from '../../../shared/account-rules';

export { REGIONS, SIGNATURE_METHODS };
export type Region = RegionId;
export type SignatureMethod = SignatureMethodId;

export type EndpointCheck = { ok: true; value: string } | { ok: false; error: string };

/** The main process's words for each endpoint rule (shared/account-rules.ts). */
const ENDPOINT_RULE_MESSAGES: Record<EndpointRule, string> = {
  endpointNotUrl: 'Enter a full address such as https://ice.cn-shanghai.aliyuncs.com.',
  endpointScheme: 'The endpoint must start with https://.',
  endpointCredentials: 'The endpoint must not contain a user name or password.',
  endpointPath: 'The endpoint is only scheme, host and port, without a path.',
  endpointPlainHttp: 'The endpoint must use https:// (http:// only for a server on this computer).',
};

/** A custom endpoint, normalized (lower-case host, no trailing slash), or why it is refused. */
export function checkEndpointUrl(text: string): EndpointCheck {
  const rule = text.trim() === '' ? 'endpointNotUrl' : endpointRule(text);
  if (rule !== null) return { ok: false, error: ENDPOINT_RULE_MESSAGES[rule] };
  return { ok: true, value: new URL(text.trim()).origin };
}

const endpointSchema = z.string().transform((text, ctx) => {
  const checked = checkEndpointUrl(text);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: checked.error });
    return z.NEVER;
  }
  return checked.value;
});

export const settingsShape = {
  region: z.enum(REGIONS),
  /** A custom http(s) endpoint, or null for the region's public one. */
  endpoint: endpointSchema.nullable(),
  signatureMethod: z.enum(SIGNATURE_METHODS),
  language: z.enum(LANGUAGE_PREFERENCES),
  theme: z.enum(THEME_PREFERENCES),
  /** Where "Save to…" starts and drag-out files are kept; null for the system's Downloads. */
  downloadFolder: z.string().min(1).max(4096).nullable(),
  librarySource: z.enum(LIBRARY_SOURCE_KINDS),
  mediaCacheLimitBytes: z.number().int().min(MIN_MEDIA_CACHE_LIMIT).max(MAX_MEDIA_CACHE_LIMIT),
};

export const settingsSchema = z.object(settingsShape);
export type Settings = z.output<typeof settingsSchema>;

/** A change to some settings; unknown keys (and so any secret) are refused. */
export const settingsPatchSchema = z.strictObject(settingsShape).partial();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  region: 'cn-shanghai',
  endpoint: null,
  signatureMethod: 'v3',
  language: 'system',
  theme: 'system',
  downloadFolder: null,
  librarySource: 'demo',
  mediaCacheLimitBytes: DEFAULT_MEDIA_CACHE_LIMIT,
});

/** Keys that look like they hold a secret and so never belong in the settings file. */
export const SECRET_LIKE_KEY = /secret|token|passw|credential|access.?key|private.?key/i;
