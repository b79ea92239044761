// Turns an Alibaba Cloud error response into an AppError a designer can act on. Branches on the
// `Code` in the body, never on the HTTP status alone (documents and live responses disagree).
// The service's own Message is never shown as is: V1 SignatureDoesNotMatch echoes the
// string-to-sign, which contains the STS token.

import { AppError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';

export interface ApiErrorBody {
  code: string | null;
  message: string | null;
  requestId: string | null;
}

/** Reads `{Code, Message, RequestId}` from a JSON or XML (`<Error>…</Error>`) error body. */
export function parseErrorBody(text: string): ApiErrorBody {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      if (json && typeof json === 'object') {
        const record = json as Record<string, unknown>;
        return {
          code: stringOrNull(record.Code ?? record.code),
          message: stringOrNull(record.Message ?? record.message),
          requestId: stringOrNull(record.RequestId ?? record.requestId),
        };
      }
    } catch {
      // Fall through: not JSON after all.
    }
  }
  if (trimmed.startsWith('<')) {
    return {
      code: xmlElement(trimmed, 'Code'),
      message: xmlElement(trimmed, 'Message'),
      requestId: xmlElement(trimmed, 'RequestId'),
    };
  }
  return { code: null, message: null, requestId: null };
}

export interface ApiErrorFacts extends ApiErrorBody {
  httpStatus: number;
  /** True when the request carried no signature. */
  anonymous: boolean;
  retryAfterSeconds?: number;
  /** Measured server clock minus ours, when known (for clock-skew messages). */
  clockOffsetMs?: number;
}

/** The AppError for an error response. */
export function mapApiError(facts: ApiErrorFacts): AppError {
  const { code, requestId, httpStatus } = facts;
  const extra = {
    ...(requestId ? { requestId } : {}),
    ...(code ? { serviceCode: code } : {}),
  };
  const make = (
    appCode: ErrorCode,
    message: string,
    more: { retryAfterSeconds?: number; clockOffsetSeconds?: number } = {},
  ) => new AppError(appCode, message, { ...extra, ...more });
  const c = code ?? '';
  const serverSays = `${c}${facts.message ? `: ${facts.message}` : ''}`;

  if (c === 'InvalidAccessKeyId.Inactive') {
    return make(
      'AUTH_INVALID_KEY',
      'This AccessKey has been disabled in the Alibaba Cloud console.',
    );
  }
  if (c.startsWith('InvalidAccessKeyId')) {
    return make('AUTH_INVALID_KEY', 'This AccessKey id does not exist.');
  }
  if (c === 'SignatureDoesNotMatch') {
    return make(
      'AUTH_SIGNATURE_MISMATCH',
      'The AccessKey secret does not match this AccessKey id.',
    );
  }
  if (c === 'InvalidTimeStamp.Expired' || c.startsWith('InvalidTimeStamp')) {
    return make(
      'AUTH_CLOCK_SKEW',
      clockMessage(facts.clockOffsetMs),
      facts.clockOffsetMs === undefined
        ? {}
        : { clockOffsetSeconds: Math.round(facts.clockOffsetMs / 1000) },
    );
  }
  if (isTokenProblem(c, facts.message)) {
    return make(
      'AUTH_TOKEN_EXPIRED',
      'The temporary (STS) security token has expired or is not valid. Get a new token.',
    );
  }
  if (facts.anonymous && isMissingSignature(c, facts.message, httpStatus)) {
    return make('AUTH_REQUIRED', 'The library service requires an AccessKey for this request.');
  }
  if (c === 'IncompleteSignature') {
    return make('AUTH_SIGNATURE_MISMATCH', 'The service could not read the request signature.');
  }
  if (c.startsWith('Throttling')) {
    const wait = facts.retryAfterSeconds;
    return make(
      'THROTTLED',
      `Too many requests. Try again in ${wait !== undefined ? `${wait} seconds` : 'a moment'}.`,
      wait !== undefined ? { retryAfterSeconds: wait } : {},
    );
  }
  if (c.startsWith('Forbidden') || c === 'NoPermission') {
    return make(
      'AUTH_FORBIDDEN',
      'This AccessKey lacks the permission (RAM policy) for the request.',
    );
  }
  if (c === 'SignatureNonceUsed') {
    return make('BAD_REQUEST', 'The service rejected the request as a replay. Try again.');
  }
  if (c === 'InternalError' || c === 'ServiceUnavailable' || (!c && httpStatus >= 500)) {
    return make(
      'SERVER_ERROR',
      `The library service had a problem (${c || `HTTP ${httpStatus}`}). Try again later.`,
    );
  }
  if (c.endsWith('.NotFound') || c === 'NotFound' || (!c && httpStatus === 404)) {
    return make('NOT_FOUND', `Not found (${c || 'HTTP 404'}).`);
  }
  if (
    c.startsWith('InvalidParameter') ||
    c.startsWith('MissingParameter') ||
    c.startsWith('Invalid')
  ) {
    return make('BAD_REQUEST', `The service rejected the request (${serverSays}).`);
  }
  if (httpStatus >= 500) {
    return make(
      'SERVER_ERROR',
      `The library service had a problem (${serverSays || `HTTP ${httpStatus}`}).`,
    );
  }
  if (httpStatus === 403) {
    return make('AUTH_FORBIDDEN', `Access denied (${serverSays || 'HTTP 403'}).`);
  }
  return make(
    'BAD_REQUEST',
    `The service rejected the request (${serverSays || `HTTP ${httpStatus}`}).`,
  );
}

/** Codes worth another attempt with a fresh signature. */
export function isRetryableApiCode(code: string | null, httpStatus: number): boolean {
  if (code === null) return httpStatus >= 500 || httpStatus === 429;
  return (
    code.startsWith('Throttling') ||
    code === 'InternalError' ||
    code === 'ServiceUnavailable' ||
    code === 'SignatureNonceUsed' ||
    (httpStatus >= 500 && !code.startsWith('Invalid'))
  );
}

export function clockMessage(offsetMs: number | undefined): string {
  if (offsetMs === undefined) {
    return "Your computer's clock is too far from the server's. Set it to the correct time.";
  }
  const minutes = Math.max(1, Math.round(Math.abs(offsetMs) / 60_000));
  const direction = offsetMs > 0 ? 'behind' : 'ahead of';
  return (
    `Your computer's clock is off by ${minutes} minute${minutes === 1 ? '' : 's'} ` +
    `(${direction} the server). Set it to the correct time.`
  );
}

function isTokenProblem(code: string, message: string | null): boolean {
  return (
    code.startsWith('InvalidSecurityToken') ||
    code.startsWith('SecurityToken') ||
    // An expired token arrives as InvalidParameter, a missing one as MissingParameter.
    ((code.startsWith('InvalidParameter') || code.startsWith('MissingParameter')) &&
      /SecurityToken/i.test(message ?? '')) ||
    /SecurityToken\.Expired/.test(code)
  );
}

function isMissingSignature(code: string, message: string | null, status: number): boolean {
  if (code === 'IncompleteSignature' || code.startsWith('MissingParameter')) {
    return (
      code === 'IncompleteSignature' ||
      /Signature|AccessKey|Authorization/i.test(`${code} ${message ?? ''}`)
    );
  }
  return !code && (status === 401 || status === 403);
}

/**
 * Removes secrets from text that might be shown or logged: each secret as is and in its
 * percent-encoded forms (once and twice, as they appear inside a V1 string-to-sign).
 */
export function redact(text: string, secrets: readonly string[]): string {
  // Signed-URL and RPC signing parameters, whatever their values.
  let out = text.replace(SIGNING_PARAMETER, '$1=[redacted]');
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    out = out.replace(encodedFormsOf(secret), '[redacted]');
  }
  return out;
}

const formCache = new Map<string, RegExp>();

/**
 * Matches a secret however a service may echo it back: as is, percent-encoded once or twice (in
 * upper or lower case hex), as XML/HTML numeric character references (decimal or hex), or with
 * JSON \u escapes, each character in any of these forms (services mix them).
 */
function encodedFormsOf(secret: string): RegExp {
  const cached = formCache.get(secret);
  if (cached) return cached;
  const charPattern = (char: string): string => {
    const code = char.codePointAt(0) as number;
    const bytes = [...Buffer.from(char, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
    const percentOnce = bytes.map((h) => `%${h}`).join('');
    const percentTwice = bytes.map((h) => `%25${h}`).join('');
    const forms = [
      char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'),
      percentOnce,
      percentTwice,
      `&#0*${code};`,
      `&#x0*${code.toString(16)};`,
      `\\\\u${code.toString(16).padStart(4, '0')}`,
    ];
    if (char === '/') forms.push('\\\\/');
    return `(?:${forms.join('|')})`;
  };
  const pattern = new RegExp([...secret].map(charPattern).join(''), 'gi');
  if (formCache.size > 64) formCache.clear();
  formCache.set(secret, pattern);
  return pattern;
}

const SIGNING_PARAMETER =
  /\b(Signature|SecurityToken|security-token|x-acs-security-token|OSSAccessKeyId|AccessKeySecret)(=|%3D)[^&\s"'<]*/gi;

function stringOrNull(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function xmlElement(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  if (!match?.[1]) return null;
  return match[1]
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
