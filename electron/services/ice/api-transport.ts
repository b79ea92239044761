// One RPC call to ICE over node:http: signing (per attempt, so every attempt gets a fresh nonce
// and timestamp), timeouts, retries with backoff, clock-skew correction and error mapping.
// Nothing it throws carries the secret, the STS token or a signed URL: Node's own errors never
// leave this file, only AppErrors with our own wording.
// Plain node:http rather than got: a sync sends hundreds of these calls, and got's per-request
// machinery (options merging, hooks, progress events, its stream wrapper) cost about as much CPU
// as receiving the 100 KB page itself (tests/bench/sync-bench.ts). Downloads still use got.

import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { acsTimestamp } from './acs-time';
import { isRetryableApiCode, mapApiError, parseErrorBody, redact } from './api-errors';
import type { AccessKeyCredentials } from './credentials';
import { secretsOf } from './credentials';
import type { ResolvedEndpoint } from './endpoint';
import { canonicalQueryString } from './percent-encode';
import { sha256Hex, signV3 } from './sign-v3';
import { signV1 } from './sign-v1';
import { INTERNAL_ADDRESS_CODE, publicOnlyLookup } from './url-safety';

export const ICE_API_VERSION = '2020-11-09';

export type SignatureMethod = 'v3' | 'v1';

export interface TimeoutConfig {
  /** TCP (and TLS) connection set-up. */
  connectMs: number;
  /** From request sent to the first response byte. */
  responseMs: number;
  /** A whole attempt, body included. */
  totalMs: number;
}

export interface RetryConfig {
  /** Further attempts after the first. */
  limit: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After than this is not waited for: THROTTLED goes to the caller instead. */
  maxRetryAfterSeconds: number;
}

export interface TransportConfig {
  endpoint: ResolvedEndpoint;
  credentials?: AccessKeyCredentials;
  signatureMethod: SignatureMethod;
  httpMethod: 'GET' | 'POST';
  timeouts: TimeoutConfig;
  retry: RetryConfig;
  /** Local clock, ms since epoch. */
  clock: () => number;
  /** In [0, 1): jitter source. */
  random: () => number;
  maxResponseBytes: number;
}

export interface ApiResult {
  body: unknown;
  requestId: string | null;
}

export interface ApiTransport {
  call(action: string, params: Record<string, string>, signal?: AbortSignal): Promise<ApiResult>;
  /** Server clock minus local clock, learnt from an InvalidTimeStamp.Expired answer. */
  readonly clockOffsetMs: number;
  close(): void;
}

interface SigningContext {
  action: string;
  params: Record<string, string>;
}

type Attempt =
  | { ok: true; result: ApiResult }
  | {
      ok: false;
      error: AppError;
      retryable: boolean;
      retryAfterMs?: number;
      /** Server clock minus ours, measured when the server rejected our timestamp. */
      measuredOffsetMs?: number;
    };

export function createApiTransport(config: TransportConfig): ApiTransport {
  const secrets = secretsOf(config.credentials);
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
  };
  let clockOffsetMs = 0;

  async function attempt(context: SigningContext, signal?: AbortSignal): Promise<Attempt> {
    const anonymous = !config.credentials;
    let response: RawResponse;
    try {
      const now = acsTimestamp(config.clock() + clockOffsetMs);
      const nonce = randomBytes(16).toString('hex');
      const { query, headers } = signedParts(config, context, now, nonce);
      response = await send({
        url: query ? `${config.endpoint.origin}/?${query}` : `${config.endpoint.origin}/`,
        method: config.httpMethod,
        headers: { ...BASE_HEADERS, ...headers },
        agents,
        timeouts: config.timeouts,
        maxResponseBytes: config.maxResponseBytes,
        // A public endpoint's name must not resolve to an internal address (unless it is internal).
        ...(config.endpoint.internal ? {} : { lookup: publicOnlyLookup }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (error instanceof TooLarge && !signal?.aborted) {
        const message = 'The library service sent a response that is too large.';
        return { ok: false, retryable: false, error: new AppError('BAD_RESPONSE', message) };
      }
      return networkFailure(error, config.endpoint.host, signal);
    }
    const requestIdHeader = header(response.headers['x-acs-request-id']);
    const status = response.statusCode;
    if (status >= 200 && status < 300) {
      try {
        const body: unknown = JSON.parse(response.body);
        const requestId = extractRequestId(body) ?? requestIdHeader ?? null;
        return { ok: true, result: { body, requestId } };
      } catch {
        // A JSON body cut short (or a proxy's HTML page): another attempt usually succeeds.
        return {
          ok: false,
          retryable: true,
          error: new AppError(
            'BAD_RESPONSE',
            'The library service sent an incomplete or unreadable response.',
            requestIdHeader ? { requestId: requestIdHeader } : {},
          ),
        };
      }
    }
    if (status >= 300 && status < 400) {
      return {
        ok: false,
        retryable: false,
        error: new AppError(
          'BAD_RESPONSE',
          `The library service answered with a redirect (HTTP ${status}).`,
        ),
      };
    }
    const parsed = parseErrorBody(response.body);
    const retryAfterSeconds = retryAfter(response.headers);
    const code = parsed.code;
    let measuredOffsetMs: number | undefined;
    if (code?.startsWith('InvalidTimeStamp')) {
      const serverDate = Date.parse(header(response.headers.date) ?? '');
      if (!Number.isNaN(serverDate)) measuredOffsetMs = serverDate - config.clock();
    }
    // Every field that reaches the user is redacted: services echo tokens in odd places.
    const requestId = parsed.requestId ?? requestIdHeader ?? null;
    const error = mapApiError({
      ...parsed,
      code: parsed.code === null ? null : redact(parsed.code, secrets).slice(0, 200),
      requestId: requestId === null ? null : redact(requestId, secrets).slice(0, 200),
      message: parsed.message === null ? null : redact(parsed.message, secrets).slice(0, 300),
      httpStatus: status,
      anonymous,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(measuredOffsetMs !== undefined ? { clockOffsetMs: measuredOffsetMs } : {}),
    });
    const tooLong =
      retryAfterSeconds !== undefined && retryAfterSeconds > config.retry.maxRetryAfterSeconds;
    return {
      ok: false,
      error,
      retryable: isRetryableApiCode(code, status) && !tooLong,
      ...(retryAfterSeconds !== undefined ? { retryAfterMs: retryAfterSeconds * 1000 } : {}),
      ...(measuredOffsetMs !== undefined ? { measuredOffsetMs } : {}),
    };
  }

  async function call(
    action: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<ApiResult> {
    const context: SigningContext = { action, params };
    let correctedClock = false;
    for (let retries = 0; ;) {
      if (signal?.aborted) throw cancelled();
      const outcome = await attempt(context, signal);
      if (outcome.ok) return outcome.result;
      if (outcome.measuredOffsetMs !== undefined && !correctedClock) {
        // Sign again at the server's time; the offset stays for later calls too.
        correctedClock = true;
        clockOffsetMs = outcome.measuredOffsetMs;
        continue;
      }
      if (!outcome.retryable || retries >= config.retry.limit) {
        throw scrub(outcome.error, secrets);
      }
      retries += 1;
      await wait(backoffMs(config, retries, outcome.retryAfterMs), signal);
    }
  }

  return {
    call,
    get clockOffsetMs() {
      return clockOffsetMs;
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** The query string and headers of one attempt, signed or (without credentials) anonymous. */
function signedParts(
  config: TransportConfig,
  context: SigningContext,
  timestamp: string,
  nonce: string,
): { query: string; headers: Record<string, string> } {
  const { credentials } = config;
  const method = config.httpMethod;
  if (config.signatureMethod === 'v1') {
    if (credentials) {
      const signed = signV1({
        method,
        action: context.action,
        version: ICE_API_VERSION,
        params: context.params,
        timestamp,
        nonce,
        credentials,
      });
      return { query: signed.query, headers: {} };
    }
    const params = {
      ...context.params,
      Action: context.action,
      Version: ICE_API_VERSION,
      Format: 'JSON',
      SignatureNonce: nonce,
      Timestamp: timestamp,
    };
    return { query: canonicalQueryString(params), headers: {} };
  }
  if (credentials) {
    const signed = signV3({
      method,
      host: config.endpoint.host,
      action: context.action,
      version: ICE_API_VERSION,
      query: context.params,
      date: timestamp,
      nonce,
      credentials,
    });
    return { query: signed.canonicalQuery, headers: signed.headers };
  }
  return {
    query: canonicalQueryString(context.params),
    headers: {
      host: config.endpoint.host,
      'x-acs-action': context.action,
      'x-acs-version': ICE_API_VERSION,
      'x-acs-date': timestamp,
      'x-acs-signature-nonce': nonce,
      'x-acs-content-sha256': sha256Hex(''),
    },
  };
}

const BASE_HEADERS = {
  accept: 'application/json',
  'user-agent': 'ice-media-library',
  'accept-encoding': 'gzip, deflate, br',
};

interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface SendOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  agents: { http: HttpAgent; https: HttpsAgent };
  timeouts: TimeoutConfig;
  maxResponseBytes: number;
  lookup?: typeof publicOnlyLookup;
  signal?: AbortSignal;
}

/** The response was over maxResponseBytes (on the wire or decompressed). */
class TooLarge extends Error {}

/** A Node-style network error with a code, for networkFailure. */
function codedError(code: string, message: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(message);
  error.code = code;
  return error;
}

/**
 * One HTTP exchange with the whole body read and decoded. Timeouts: connectMs until the socket
 * is connected (name lookup included), responseMs from the request sent to the response head,
 * totalMs for the whole exchange; each fails with code ETIMEDOUT. A body cut short fails with
 * ECONNRESET; every failure leaves the socket destroyed, never back in the pool.
 */
function send(options: SendOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const secure = options.url.startsWith('https:');
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const finish = (error: Error | null, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(response!);
    };
    const timeout = (ms: number, what: string) => {
      const timer = setTimeout(
        () => finish(codedError('ETIMEDOUT', `Timed out waiting for the ${what}.`)),
        ms,
      );
      timers.push(timer);
      return timer;
    };
    const requestOptions = {
      method: options.method,
      headers: {
        ...options.headers,
        ...(options.method === 'POST' ? { 'content-length': '0' } : {}),
      },
      agent: secure ? options.agents.https : options.agents.http,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    };
    const request = secure
      ? httpsRequest(options.url, requestOptions)
      : httpRequest(options.url, requestOptions);
    timeout(options.timeouts.totalMs, 'whole response');
    const onAbort = () => finish(codedError('ABORT_ERR', 'The request was cancelled.'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = () => options.signal?.removeEventListener('abort', onAbort);
    request.once('close', cleanUp);
    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = timeout(options.timeouts.connectMs, 'connection');
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connect));
    });
    request.once('finish', () => timeout(options.timeouts.responseMs, 'response'));
    request.once('error', (error) => finish(error));
    request.once('response', (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      incoming.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > options.maxResponseBytes) return finish(new TooLarge());
        chunks.push(chunk);
      });
      incoming.once('error', (error) => finish(error));
      incoming.once('close', () => {
        if (!incoming.complete) finish(codedError('ECONNRESET', 'The response was cut short.'));
      });
      incoming.once('end', () => {
        try {
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes);
          const body = decode(raw, incoming.headers['content-encoding'], options.maxResponseBytes);
          finish(null, { statusCode: incoming.statusCode ?? 0, headers: incoming.headers, body });
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    request.end();
  });
}

/** The body as text, decompressed as its Content-Encoding says (at most `limit` bytes). */
function decode(raw: Buffer, encoding: string | undefined, limit: number): string {
  const kind = (encoding ?? '').trim().toLowerCase();
  if (kind === '' || kind === 'identity') return raw.toString('utf8');
  const options = { maxOutputLength: limit };
  try {
    if (kind === 'gzip' || kind === 'x-gzip') return gunzipSync(raw, options).toString('utf8');
    if (kind === 'deflate') return inflateSync(raw, options).toString('utf8');
    if (kind === 'br') return brotliDecompressSync(raw, options).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    // A compressed body cut short: another attempt usually succeeds.
    throw codedError('ECONNRESET', 'The compressed response was cut short.');
  }
  // An encoding we did not ask for: the bytes as they are (JSON.parse then says whether usable).
  return raw.toString('utf8');
}

function networkFailure(error: unknown, host: string, signal?: AbortSignal): Attempt {
  if (signal?.aborted) return { ok: false, retryable: false, error: cancelled() };
  const code =
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
      ? (error as NodeJS.ErrnoException).code
      : undefined;
  if (code === INTERNAL_ADDRESS_CODE) {
    return {
      ok: false,
      retryable: false,
      error: new AppError(
        'UNSAFE_URL',
        `The library service at ${host} resolves to a loopback, private or link-local address.`,
      ),
    };
  }
  if (code === 'ETIMEDOUT') {
    return {
      ok: false,
      retryable: true,
      error: new AppError('TIMEOUT', `The library service at ${host} did not answer in time.`),
    };
  }
  const detail = code ? ` (${code})` : '';
  const hint =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'Check the address and your internet connection.'
      : code === 'ECONNREFUSED'
        ? 'Nothing is listening there.'
        : 'The connection was interrupted.';
  // Refused connections and unknown hosts do not heal in a second: fail fast with the reason.
  const permanent = code === 'ECONNREFUSED' || code === 'ENOTFOUND';
  return {
    ok: false,
    retryable: !permanent,
    error: new AppError(
      'NETWORK',
      `Could not reach the library service at ${host}${detail}. ${hint}`,
    ),
  };
}

function backoffMs(config: TransportConfig, retry: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) {
    // Honour the server's wait, with a little jitter so parallel callers do not stampede.
    return retryAfterMs + Math.floor(config.random() * Math.min(250, config.retry.baseDelayMs));
  }
  const ceiling = Math.min(config.retry.maxDelayMs, config.retry.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(ceiling / 2 + config.random() * (ceiling / 2));
}

async function wait(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch {
    throw cancelled();
  }
}

function retryAfter(headers: Record<string, string | string[] | undefined>): number | undefined {
  const raw = header(headers['x-acs-retry-after']) ?? header(headers['retry-after']);
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function extractRequestId(body: unknown): string | null {
  if (body && typeof body === 'object' && 'RequestId' in body) {
    const id = (body as { RequestId: unknown }).RequestId;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The request was cancelled.');
}

function scrub(error: AppError, secrets: readonly string[]): AppError {
  const message = redact(error.message, secrets);
  const requestId = error.requestId === undefined ? undefined : redact(error.requestId, secrets);
  if (message === error.message && requestId === error.requestId) return error;
  return new AppError(error.code, message, {
    ...(requestId !== undefined ? { requestId } : {}),
    ...(error.serviceCode !== undefined ? { serviceCode: error.serviceCode } : {}),
    ...(error.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: error.retryAfterSeconds }
      : {}),
  });
}
