// The server side of request signing: verifies ACS3-HMAC-SHA256 and HMAC-SHA1 (RPC 1.0)
// requests as Alibaba Cloud's gateway does, answering with its error codes. Deliberately a
// separate code path from sign-v3.ts / sign-v1.ts (own byte-wise encoder, own canonicalization
// from the raw query), so a shared mistake cannot make a wrong client look right.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingApiRequest, RequestVerifier, VerificationOutcome } from './server-types';

export interface VerifierCredential {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set, requests with this key must carry exactly this STS token. */
  securityToken?: string;
  /** ms since epoch after which the STS token is expired. */
  securityTokenExpiresAt?: number;
  /** A disabled key answers InvalidAccessKeyId.Inactive. */
  disabled?: boolean;
}

export interface SignatureVerifierOptions {
  credentials: readonly VerifierCredential[];
  /** Unsigned requests for these actions pass (as accessKeyId null). Default: none. */
  anonymousActions?: readonly string[];
  /** Allowed distance between the request's timestamp and receivedAt. Default 15 minutes. */
  maxClockSkewMs?: number;
}

const V3_PREFIX = 'ACS3-HMAC-SHA256 ';
const V3_REQUIRED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];
const V1_REQUIRED_PARAMS = [
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
];
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

type Failure = Extract<VerificationOutcome, { ok: false }>;

const fail = (httpStatus: number, code: string, message: string): Failure => ({
  ok: false,
  httpStatus,
  code,
  message,
});
const missing = (name: string) =>
  fail(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

export function createSignatureVerifier(options: SignatureVerifierOptions): RequestVerifier {
  const keys = new Map(options.credentials.map((c) => [c.accessKeyId, c]));
  const maxSkewMs = options.maxClockSkewMs ?? 15 * 60_000;
  const anonymous = new Set(options.anonymousActions ?? []);
  const nonces = new NonceRegistry(maxSkewMs * 2);

  return (request) => {
    const query = parseRawQuery(request.rawQuery);
    if (!query.ok) return query.failure;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      if (!authorization.startsWith(V3_PREFIX)) {
        return fail(
          400,
          'IncompleteSignature',
          'The Authorization header is not ACS3-HMAC-SHA256.',
        );
      }
      return verifyV3(request, authorization, query.pairs);
    }
    if (query.pairs.some(([name]) => name === 'Signature' || name === 'AccessKeyId')) {
      return verifyV1(request, query.pairs);
    }
    const action =
      request.headers['x-acs-action'] ?? query.pairs.find(([n]) => n === 'Action')?.[1];
    if (action !== undefined && anonymous.has(action)) return { ok: true, accessKeyId: null };
    return missing('AccessKeyId');
  };

  function verifyV3(
    request: IncomingApiRequest,
    authorization: string,
    pairs: Array<[string, string]>,
  ): VerificationOutcome {
    const fields = parseAuthorization(authorization.slice(V3_PREFIX.length));
    if (!fields) {
      return fail(400, 'IncompleteSignature', 'The Authorization header is malformed.');
    }
    const key = lookUp(fields.credential);
    if ('ok' in key) return key;
    for (const name of V3_REQUIRED_HEADERS) {
      if (request.headers[name] === undefined) return missing(name);
    }
    const signedNames = fields.signedHeaders;
    for (const name of Object.keys(request.headers)) {
      const mustBeSigned =
        name.startsWith('x-acs-') ||
        name === 'host' ||
        (name === 'content-type' && request.body.length > 0);
      if (mustBeSigned && !signedNames.includes(name)) {
        return fail(400, 'IncompleteSignature', `The header ${name} must be signed.`);
      }
    }
    const stamp = checkTimestamp(request.headers['x-acs-date'] ?? '', request.receivedAt);
    if (stamp) return stamp;
    const bodyHash = createHash('sha256').update(request.body).digest('hex');
    if (request.headers['x-acs-content-sha256'] !== bodyHash) {
      return fail(400, 'IncompleteSignature', 'x-acs-content-sha256 does not match the body.');
    }

    const canonicalRequest = [
      request.method.toUpperCase(),
      request.path === '' ? '/' : request.path,
      pairs
        .slice()
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([n, v]) => `${encodeBytes(n)}=${encodeBytes(v)}`)
        .join('&'),
      signedNames.map((n) => `${n}:${(request.headers[n] ?? '').trim()}\n`).join(''),
      signedNames.join(';'),
      request.headers['x-acs-content-sha256'],
    ].join('\n');
    const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
    const expected = createHmac('sha256', key.accessKeySecret).update(stringToSign).digest('hex');
    if (!sameText(expected, fields.signature)) {
      return fail(
        400,
        'SignatureDoesNotMatch',
        'Specified signature does not match our calculation.',
      );
    }
    return (
      checkToken(key, request.headers['x-acs-security-token'], request.receivedAt) ??
      useNonce(key.accessKeyId, request.headers['x-acs-signature-nonce'] ?? '', request.receivedAt)
    );
  }

  function verifyV1(
    request: IncomingApiRequest,
    pairs: Array<[string, string]>,
  ): VerificationOutcome {
    const params = new Map<string, string>();
    for (const [name, value] of pairs) params.set(name, value);
    for (const name of V1_REQUIRED_PARAMS) {
      if (!params.has(name)) return missing(name);
    }
    const key = lookUp(params.get('AccessKeyId') ?? '');
    if ('ok' in key) return key;
    if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0') {
      return fail(
        400,
        'IncompleteSignature',
        'Only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is supported.',
      );
    }
    const stamp = checkTimestamp(params.get('Timestamp') ?? '', request.receivedAt);
    if (stamp) return stamp;

    const canonical = [...params.keys()]
      .filter((n) => n !== 'Signature')
      .sort()
      .map((n) => `${encodeBytes(n)}=${encodeBytes(params.get(n) ?? '')}`)
      .join('&');
    const stringToSign = `${request.method.toUpperCase()}&${encodeBytes('/')}&${encodeBytes(canonical)}`;
    const expected = createHmac('sha1', `${key.accessKeySecret}&`)
      .update(stringToSign)
      .digest('base64');
    if (!sameText(expected, params.get('Signature') ?? '')) {
      // Alibaba's gateway echoes its string-to-sign here; clients must not show it verbatim.
      return fail(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      );
    }
    return (
      checkToken(key, params.get('SecurityToken'), request.receivedAt) ??
      useNonce(key.accessKeyId, params.get('SignatureNonce') ?? '', request.receivedAt)
    );
  }

  function lookUp(accessKeyId: string): VerifierCredential | Failure {
    const key = keys.get(accessKeyId);
    if (!key) return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (key.disabled)
      return fail(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.');
    return key;
  }

  function checkTimestamp(value: string, receivedAt: number): Failure | null {
    const match = TIMESTAMP.exec(value);
    if (!match) {
      return fail(
        400,
        'InvalidTimeStamp.Format',
        'Specified time stamp or date value is not well formatted.',
      );
    }
    const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
    const at = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    if (Math.abs(receivedAt - at) > maxSkewMs) {
      return fail(
        400,
        'InvalidTimeStamp.Expired',
        'Specified time stamp or date value is expired.',
      );
    }
    return null;
  }

  function checkToken(
    key: VerifierCredential,
    token: string | undefined,
    receivedAt: number,
  ): Failure | null {
    if (key.securityToken === undefined) {
      return token === undefined
        ? null
        : fail(
            400,
            'InvalidSecurityToken.MismatchWithAccessKey',
            'The security token does not belong to this access key.',
          );
    }
    if (token === undefined) return missing('SecurityToken');
    if (!sameText(token, key.securityToken)) {
      return fail(
        400,
        'InvalidSecurityToken.MismatchWithAccessKey',
        'The security token does not match the access key.',
      );
    }
    if (key.securityTokenExpiresAt !== undefined && receivedAt > key.securityTokenExpiresAt) {
      return fail(
        400,
        'InvalidParameter',
        'SecurityToken.Expired: Specified SecurityToken is expired.',
      );
    }
    return null;
  }

  function useNonce(accessKeyId: string, nonce: string, receivedAt: number): VerificationOutcome {
    if (nonce === '') return missing('SignatureNonce');
    if (!nonces.add(`${accessKeyId}\n${nonce}`, receivedAt)) {
      return fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    }
    return { ok: true, accessKeyId };
  }
}

/** Remembers nonces long enough that a replay within the timestamp window is caught. */
class NonceRegistry {
  private readonly seen = new Map<string, number>();
  constructor(private readonly keepMs: number) {}

  add(nonce: string, now: number): boolean {
    // Insertion order is arrival order, so expired entries sit at the front.
    for (const [old, at] of this.seen) {
      if (now - at <= this.keepMs) break;
      this.seen.delete(old);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

/** RFC 3986 over UTF-8, byte by byte (independent of encodeURIComponent). */
function encodeBytes(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const unreserved =
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      (byte >= 0x30 && byte <= 0x39) ||
      byte === 0x2d ||
      byte === 0x5f ||
      byte === 0x2e ||
      byte === 0x7e;
    out += unreserved
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decodes the raw query as a server does ("+" is a space); rejects duplicates and bad escapes. */
function parseRawQuery(
  raw: string,
): { ok: true; pairs: Array<[string, string]> } | { ok: false; failure: Failure } {
  const pairs: Array<[string, string]> = [];
  const names = new Set<string>();
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const name = decodeComponent(rawName);
    const value = decodeComponent(rawValue);
    if (name === null || value === null) {
      return {
        ok: false,
        failure: fail(400, 'InvalidParameter', 'The query string is not well encoded.'),
      };
    }
    if (names.has(name)) {
      return {
        ok: false,
        failure: fail(400, 'InvalidParameter', `The parameter "${name}" is repeated.`),
      };
    }
    names.add(name);
    pairs.push([name, value]);
  }
  return { ok: true, pairs };
}

function decodeComponent(text: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === 0x2b) {
      bytes.push(0x20);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

function parseAuthorization(
  rest: string,
): { credential: string; signedHeaders: string[]; signature: string } | null {
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) return null;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) return null;
  const names = signedHeaders.split(';');
  const sortedLower = names.every(
    (n, i) => n === n.toLowerCase() && (i === 0 || names[i - 1]! < n),
  );
  if (!sortedLower) return null;
  return { credential, signedHeaders: names, signature };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
