// The one home of the rules an AccessKey and a custom endpoint must pass. They return rule codes,
// never words: the renderer turns a code into the user's language (i18n fieldErrors), the main
// process into an English message (secrets/credentials.ts, settings/settings.ts). Pure (no Node,
// no DOM), so both sides run exactly the same checks.

/** Why a credential field is refused. */
export type CredentialRule =
  | 'idEmpty'
  | 'idInvisible'
  | 'idShape'
  | 'secretEmpty'
  | 'secretInvisible'
  | 'secretTooLong'
  | 'tokenInvisible'
  | 'tokenTooLong'
  | 'tokenNeeded';

/** Why a custom endpoint is refused. */
export type EndpointRule =
  | 'endpointNotUrl'
  | 'endpointScheme'
  | 'endpointCredentials'
  | 'endpointPath'
  | 'endpointPlainHttp';

export type AccountRule = CredentialRule | EndpointRule | 'regionUnknown' | 'signatureUnknown';

// Whitespace plus the zero-width characters that web pages and chat apps slip into copied text.
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
// Permanent ids look like "LTAI5t…", temporary (STS) ones like "STS.NUgY…".
const ACCESS_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{7,127}$/;
export const MAX_SECRET_LENGTH = 256;
export const MAX_TOKEN_LENGTH = 16_384;

/** Removes what pasting brings along around a value; what is inside it stays (and is refused). */
export function trimPasted(value: string): string {
  return value.replace(EDGE_JUNK, '');
}

export interface CredentialValues {
  accessKeyId: string;
  accessKeySecret: string;
  /** '' for a permanent AccessKey. */
  securityToken: string;
}

/** Checks already-trimmed credentials; the result names the broken rule per field. */
export function credentialRules(
  values: CredentialValues,
): Partial<Record<'accessKeyId' | 'accessKeySecret' | 'securityToken', CredentialRule>> {
  const errors: Partial<
    Record<'accessKeyId' | 'accessKeySecret' | 'securityToken', CredentialRule>
  > = {};
  const { accessKeyId: id, accessKeySecret: secret, securityToken: token } = values;

  if (id === '') errors.accessKeyId = 'idEmpty';
  else if (!PRINTABLE_ASCII.test(id)) errors.accessKeyId = 'idInvisible';
  else if (!ACCESS_KEY_ID.test(id)) errors.accessKeyId = 'idShape';

  if (secret === '') errors.accessKeySecret = 'secretEmpty';
  else if (!PRINTABLE_ASCII.test(secret)) errors.accessKeySecret = 'secretInvisible';
  else if (secret.length > MAX_SECRET_LENGTH) errors.accessKeySecret = 'secretTooLong';

  if (token !== '' && !PRINTABLE_ASCII.test(token)) errors.securityToken = 'tokenInvisible';
  else if (token.length > MAX_TOKEN_LENGTH) errors.securityToken = 'tokenTooLong';
  else if (token === '' && /^STS\./i.test(id)) errors.securityToken = 'tokenNeeded';
  return errors;
}

/** This computer only: plain http never leaves it (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (host === '[::1]') return true;
  // IPv4-mapped loopback as URL writes it: [::ffff:7f00:1] .. [::ffff:7fff:ffff].
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/**
 * A custom endpoint is an https origin (scheme, host, optional port); plain http only to this
 * computer, since the signature and STS token would otherwise cross the network in clear.
 * Credentials in the URL are refused: they would end up in the settings file. '' is no endpoint.
 */
export function endpointRule(text: string): EndpointRule | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'endpointNotUrl';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'endpointScheme';
  if (url.username !== '' || url.password !== '') return 'endpointCredentials';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(trimmed)) {
    return 'endpointPath';
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) return 'endpointPlainHttp';
  return null;
}
