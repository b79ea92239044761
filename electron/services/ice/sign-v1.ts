// HMAC-SHA1 RPC signature (SignatureVersion 1.0), the legacy method some SDKs still use.
// Everything, the signature included, travels in the query string.

import { createHmac } from 'node:crypto';
import { canonicalQueryString, percentEncode } from './percent-encode';
import type { AccessKeyCredentials } from './credentials';

export interface V1RequestInput {
  method: string;
  action: string;
  version: string;
  /** The operation's own parameters, unencoded. */
  params: Readonly<Record<string, string>>;
  /** UTC yyyy-MM-ddTHH:mm:ssZ. */
  timestamp: string;
  nonce: string;
  credentials: AccessKeyCredentials;
}

export interface V1Signed {
  /** All parameters to send, Signature included. */
  params: Record<string, string>;
  /** The query string to send: canonical parameters plus the encoded Signature. */
  query: string;
  stringToSign: string;
  signature: string;
}

/** The common RPC parameters plus the operation's, before signing. */
export function v1Parameters(input: V1RequestInput): Record<string, string> {
  const params: Record<string, string> = {
    ...input.params,
    Action: input.action,
    Version: input.version,
    Format: 'JSON',
    AccessKeyId: input.credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: input.nonce,
    Timestamp: input.timestamp,
  };
  if (input.credentials.securityToken) params.SecurityToken = input.credentials.securityToken;
  return params;
}

export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const withoutSignature = { ...params };
  delete withoutSignature.Signature;
  const canonical = canonicalQueryString(withoutSignature);
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export function v1Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

export function signV1(input: V1RequestInput): V1Signed {
  const params = v1Parameters(input);
  const stringToSign = v1StringToSign(input.method, params);
  const signature = v1Signature(stringToSign, input.credentials.accessKeySecret);
  const query = `${canonicalQueryString(params)}&Signature=${percentEncode(signature)}`;
  return { params: { ...params, Signature: signature }, query, stringToSign, signature };
}
