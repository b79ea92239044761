// One RPC call to ICE over got: signing (in a beforeRequest hook, so every attempt gets a fresh
// nonce and timestamp), timeouts, retries with backoff, clock-skew correction and error mapping.
// Nothing it throws carries the secret, the STS token or a signed URL: got's own errors (which
// hold the request options) never leave this file, only AppErrors with our own wording.

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import got, { RequestError } from 'got';
import type { BeforeRequestHook, Got } from 'got';
import { AppError } from '../../../shared/errors';
import { acsTimestamp } from './acs-time';
import { isRetryableApiCode, mapApiError, parseErrorBody, redact } from './api-errors';
import { parseJsonBytes } from './json-body';
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

/**
 * Waits for a place among the requests allowed in flight and returns its release. A call takes
 * its place before its first attempt and keeps it through failed attempts and their back-off
 * (a throttled service gets no more requests for it), and gives it up once a successful answer
 * has arrived, before that answer is parsed.
 */
export type RequestSlot = () => Promise<() => void>;

export interface ApiTransport {
  call(
    action: string,
    params: Record<string, string>,
    signal?: AbortSignal,
    slot?: RequestSlot,
  ): Promise<ApiResult>;
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

  const signRequest: BeforeRequestHook = (options) => {
    const context = options.context.ice as SigningContext;
    const now = acsTimestamp(config.clock() + clockOffsetMs);
    const nonce = randomBytes(16).toString('hex');
    const { query, headers } = signedParts(config, context, now, nonce);
    options.url = new URL(
      query ? `${config.endpoint.origin}/?${query}` : `${config.endpoint.origin}/`,
    );
    Object.assign(options.headers, headers);
  };

  const client: Got = got.extend({
    agent: agents,
    timeout: {
      lookup: config.timeouts.connectMs,
      connect: config.timeouts.connectMs,
      secureConnect: config.timeouts.connectMs,
      response: config.timeouts.responseMs,
      request: config.timeouts.totalMs,
    },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    headers: { accept: 'application/json', 'user-agent': 'ice-media-library' },
    hooks: { beforeRequest: [signRequest] },
    // A public endpoint's name must not resolve to an internal address (unless it is internal).
    ...(config.endpoint.internal ? {} : { dnsLookup: publicOnlyLookup }),
  });

  /** `received` is called once a successful answer's whole body is here, before it is parsed. */
  async function attempt(
    context: SigningContext,
    signal?: AbortSignal,
    received?: () => void,
  ): Promise<Attempt> {
    const anonymous = !config.credentials;
    let response;
    let tooLarge = false;
    try {
      const request = client(`${config.endpoint.origin}/`, {
        method: config.httpMethod,
        context: { ice: context },
        signal,
        // Bytes, not text: parseJsonBytes decodes them (see json-body.ts for why).
        responseType: 'buffer',
      });
      request.on('downloadProgress', (progress) => {
        if (progress.transferred > config.maxResponseBytes) {
          tooLarge = true;
          request.cancel();
        }
      });
      response = await request;
    } catch (error) {
      if (tooLarge && !signal?.aborted) {
        const message = 'The library service sent a response that is too large.';
        return { ok: false, retryable: false, error: new AppError('BAD_RESPONSE', message) };
      }
      return networkFailure(error, config.endpoint.host, signal);
    }
    const requestIdHeader = header(response.headers['x-acs-request-id']);
    const status = response.statusCode;
    if (status >= 200 && status < 300) {
      if (received) {
        received();
        // Parsing a listing page takes its thread a few ms. Answers to the other pages on the
        // wire that are already here wait behind it, and each one's slot is only given up, and
        // the next page asked for, once its callbacks run. One turn of the event loop lets them
        // run first, so the next requests leave before this page is parsed (A/B at 20k items,
        // 20 ms latency: re-sync medians about 4-6% lower).
        await new Promise((resolve) => setImmediate(resolve));
      }
      try {
        const body: unknown = parseJsonBytes(response.body);
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
    const parsed = parseErrorBody(response.body.toString('utf8'));
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
    slot?: RequestSlot,
  ): Promise<ApiResult> {
    const context: SigningContext = { action, params };
    let correctedClock = false;
    let release: (() => void) | null = null;
    const received = () => {
      release?.();
      release = null;
    };
    try {
      for (let retries = 0; ;) {
        if (signal?.aborted) throw cancelled();
        if (slot && !release) release = await slot();
        const outcome = await attempt(context, signal, received);
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
    } finally {
      received();
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

function networkFailure(error: unknown, host: string, signal?: AbortSignal): Attempt {
  if (signal?.aborted) return { ok: false, retryable: false, error: cancelled() };
  const code = error instanceof RequestError ? error.code : undefined;
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
  const detail = code && code !== 'ERR_GOT_REQUEST_ERROR' ? ` (${code})` : '';
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
