// The app's non-secret settings: their schema, defaults and the rules for a custom endpoint.
// Secrets (AccessKey secret, STS token) live in the keychain only; SECRET_LIKE_KEY is how the
// settings store recognises and refuses anything that looks like one.

import { z } from 'zod';
import { REGIONS, SIGNATURE_METHODS } from '../../../shared/account';
import type { RegionId, SignatureMethodId } from '../../../shared/account';
import {
  DEFAULT_MEDIA_CACHE_LIMIT,
  MAX_MEDIA_CACHE_LIMIT,
  MIN_MEDIA_CACHE_LIMIT,
} from '../../../shared/domain';
import { isLoopbackHost } from '../ice/url-safety';

export { REGIONS, SIGNATURE_METHODS };
export type Region = RegionId;
export type SignatureMethod = SignatureMethodId;

export type EndpointCheck = { ok: true; value: string } | { ok: false; error: string };

/**
 * A custom endpoint is an http(s) origin: scheme, host and optional port. Returned normalized
 * (lower-case host, no trailing slash). Credentials in the URL are refused: they would end up in
 * the settings file.
 */
export function checkEndpointUrl(text: string): EndpointCheck {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      error: 'Enter a full address such as https://ice.cn-shanghai.aliyuncs.com.',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'The endpoint must start with https:// or http://.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'The endpoint must not contain a user name or password.' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      error: 'The endpoint must use https:// (http:// only for a server on this computer).',
    };
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(trimmed)) {
    return { ok: false, error: 'The endpoint is only scheme, host and port, without a path.' };
  }
  return { ok: true, value: url.origin };
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
  language: z.enum(['system', 'en', 'zh-CN']),
  theme: z.enum(['system', 'dark', 'light']),
  /** Where "Save to…" starts and drag-out files are kept; null for the system's Downloads. */
  downloadFolder: z.string().min(1).max(4096).nullable(),
  librarySource: z.enum(['demo', 'account', 'anonymous']),
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
