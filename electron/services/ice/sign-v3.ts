// ACS3-HMAC-SHA256, Alibaba Cloud's current request signature (see reference/signing.md).
// The client sends exactly the canonical query string it signs, so signed and sent bytes agree.

import { createHash, createHmac } from 'node:crypto';
import { canonicalQueryString } from './percent-encode';
import type { AccessKeyCredentials } from './credentials';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface V3RequestInput {
  method: string;
  /** Host header value as sent, including a non-default port. */
  host: string;
  action: string;
  version: string;
  /** Unencoded query parameters. */
  query: Readonly<Record<string, string>>;
  body?: Uint8Array | string;
  contentType?: string;
  /** x-acs-date, UTC yyyy-MM-ddTHH:mm:ssZ. */
  date: string;
  nonce: string;
  credentials: AccessKeyCredentials;
}

export interface V3Signed {
  /** Every header to send (lower-case names), Authorization included. */
  headers: Record<string, string>;
  canonicalQuery: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function signV3(input: V3RequestInput): V3Signed {
  const body = input.body ?? '';
  const signed: Record<string, string> = {
    host: input.host,
    'x-acs-action': input.action,
    'x-acs-version': input.version,
    'x-acs-date': input.date,
    'x-acs-signature-nonce': input.nonce,
    'x-acs-content-sha256': sha256Hex(body),
  };
  if (input.credentials.securityToken) {
    signed['x-acs-security-token'] = input.credentials.securityToken;
  }
  if (input.contentType !== undefined) signed['content-type'] = input.contentType;

  const names = Object.keys(signed).sort();
  const canonicalHeaders = names.map((n) => `${n}:${(signed[n] ?? '').trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalQuery = canonicalQueryString(input.query);
  const canonicalRequest = [
    input.method.toUpperCase(),
    '/',
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    signed['x-acs-content-sha256'],
  ].join('\n');
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = `${V3_ALGORITHM}\n${hashedCanonicalRequest}`;
  const signature = createHmac('sha256', input.credentials.accessKeySecret)
    .update(stringToSign)
    .digest('hex');
  const authorization =
    `${V3_ALGORITHM} Credential=${input.credentials.accessKeyId},` +
    `SignedHeaders=${signedHeaders},Signature=${signature}`;
  return {
    headers: { ...signed, authorization },
    canonicalQuery,
    canonicalRequest,
    hashedCanonicalRequest,
    stringToSign,
    signature,
  };
}
