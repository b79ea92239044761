// The closed list of error codes that cross IPC and reach the UI. The renderer translates
// each code into words; the message field carries detail for support and logs.

export const ERROR_CODES = [
  'INVALID_PAYLOAD', // an IPC payload failed schema validation
  'FORBIDDEN_SENDER', // an IPC message came from a frame the app did not create
  'INVALID_INPUT', // a user-entered value was rejected before any call
  'NETWORK', // connection refused, reset, DNS failure, dropped mid-body
  'TIMEOUT',
  'THROTTLED',
  'AUTH_REQUIRED', // the service refuses anonymous calls or no key is configured
  'AUTH_INVALID_KEY', // unknown or disabled AccessKey id
  'AUTH_SIGNATURE_MISMATCH', // the secret does not match
  'AUTH_CLOCK_SKEW', // the computer's clock is too far from the server's
  'AUTH_TOKEN_EXPIRED', // STS token expired
  'AUTH_FORBIDDEN', // missing RAM permission
  'BAD_REQUEST', // the service rejected a parameter
  'BAD_RESPONSE', // the response was not the documented shape
  'NOT_FOUND',
  'SERVER_ERROR', // 5xx or InternalError / ServiceUnavailable
  'URL_EXPIRED', // a signed media URL has expired
  'UNSAFE_URL', // a URL that is not http(s) or points somewhere it must not
  'UNSAFE_PATH', // a path that would escape its folder
  'FILE_EXISTS',
  'DISK_FULL',
  'PERMISSION_DENIED', // the OS refused to write or read a file or folder
  'KEYCHAIN_UNAVAILABLE', // no Secret Service / keychain on this machine
  'KEYCHAIN_LOCKED', // the keychain is locked and the user did not unlock it
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Failures that pass by themselves: worth retrying later without the user changing anything. */
export const TRANSIENT_ERROR_CODES = ['NETWORK', 'TIMEOUT', 'THROTTLED', 'SERVER_ERROR'] as const;
export type TransientErrorCode = (typeof TRANSIENT_ERROR_CODES)[number];

export function isTransientError(code: ErrorCode): code is TransientErrorCode {
  return (TRANSIENT_ERROR_CODES as readonly ErrorCode[]).includes(code);
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Alibaba Cloud RequestId, for support, when the error came from the API. */
  requestId?: string;
  /**
   * The service's own error Code (e.g. SignatureDoesNotMatch) next to ours: it is what people
   * search for in Alibaba Cloud's documentation.
   */
  serviceCode?: string;
  /** Seconds to wait before retrying, for THROTTLED. */
  retryAfterSeconds?: number;
  /** The server's clock minus this computer's, in seconds, for AUTH_CLOCK_SKEW when measured. */
  clockOffsetSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** An Error that carries a code from the closed list; thrown inside the main process only. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly requestId: string | undefined;
  readonly serviceCode: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly clockOffsetSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: {
      requestId?: string;
      serviceCode?: string;
      retryAfterSeconds?: number;
      clockOffsetSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.requestId = extra.requestId;
    this.serviceCode = extra.serviceCode;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.clockOffsetSeconds = extra.clockOffsetSeconds;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.requestId !== undefined) data.requestId = this.requestId;
    if (this.serviceCode !== undefined) data.serviceCode = this.serviceCode;
    if (this.retryAfterSeconds !== undefined) data.retryAfterSeconds = this.retryAfterSeconds;
    if (this.clockOffsetSeconds !== undefined) data.clockOffsetSeconds = this.clockOffsetSeconds;
    return data;
  }
}
