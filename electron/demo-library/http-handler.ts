// The request pipeline: parse, log, apply latency, then either the RPC API at "/" (verifier,
// counted faults, action, response faults) or media files under /media/.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { breakShape, runAction } from './api/actions';
import type { ActionBody } from './api/actions';
import { bodyBytes } from './api/json-text';
import { ApiError, errorBody } from './api/errors';
import type { ApiFault } from './faults';
import { serveMedia } from './files/media-files';
import { MEDIA_PREFIX } from './files/safe-path';
import { LOG_LIMIT } from './server-context';
import type { LogEntry, ServerContext } from './server-context';

const MAX_BODY_BYTES = 1 << 20;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  fault: ApiFault | null,
  headers: Record<string, string> = {},
): void {
  let bytes = bodyBytes(fault?.kind === 'wrongShape' ? breakShape(body as ActionBody) : body);
  if (fault?.kind === 'truncatedJson') bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json;charset=utf-8',
    'Content-Length': bytes.length,
    'x-acs-request-id': requestId,
  });
  if (fault?.kind === 'cutBody') {
    const sent = Math.max(0, Math.min(fault.afterBytes, bytes.length - 1));
    if (sent === 0) {
      res.flushHeaders();
      res.socket?.destroy();
    } else {
      res.write(bytes.subarray(0, sent), () => res.socket?.destroy());
    }
    return;
  }
  res.end(bytes);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  rawQuery: string,
  query: URLSearchParams,
  body: Buffer,
  receivedAt: number,
  ctx: ServerContext,
  entry: LogEntry,
): Promise<void> {
  const headers = lowerCaseHeaders(req);
  const requestId = ctx.requestId();
  const params = new Map<string, string>(query);
  if (
    req.method === 'POST' &&
    (headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
  ) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8')))
      if (!params.has(k)) params.set(k, v);
  }
  const reply = (
    status: number,
    payload: unknown,
    fault: ApiFault | null = null,
    extra: Record<string, string> = {},
  ) => {
    entry.status = status;
    sendJson(res, status, payload, requestId, fault, extra);
  };

  if (req.method !== 'GET' && req.method !== 'POST') {
    return reply(
      405,
      errorBody(requestId, 'UnsupportedHTTPMethod', 'This http method is not supported.'),
    );
  }
  // Who signed the request: the favourite actions keep each account's own list.
  let accessKeyId: string | null = null;
  if (ctx.verifier) {
    let outcome;
    try {
      outcome = ctx.verifier({
        method: req.method,
        path: '/',
        rawQuery,
        headers,
        body: new Uint8Array(body),
        receivedAt,
      });
    } catch {
      return reply(500, errorBody(requestId, 'InternalError', 'The request verifier failed.'));
    }
    if (!outcome.ok)
      return reply(outcome.httpStatus, errorBody(requestId, outcome.code, outcome.message));
    accessKeyId = outcome.accessKeyId;
  }

  const fault = ctx.faults.takeApiFault();
  if (fault?.kind === 'throttle') {
    return reply(
      400,
      errorBody(requestId, 'Throttling.User', 'Request was denied due to user flow control.'),
      null,
      {
        'x-acs-retry-after': String(fault.retryAfterSeconds),
      },
    );
  }
  if (fault?.kind === 'serverError') {
    const body500 =
      fault.status === 503
        ? errorBody(
            requestId,
            'ServiceUnavailable',
            'The request has failed due to a temporary failure of the server.',
          )
        : errorBody(
            requestId,
            'InternalError',
            'The request processing has failed due to some unknown error, exception or failure.',
          );
    return reply(fault.status, body500);
  }

  const action = params.get('Action') ?? headers['x-acs-action'] ?? null;
  entry.action = action;
  const version = params.get('Version') ?? headers['x-acs-version'] ?? null;
  try {
    const result = runAction(action, version, params, {
      catalogue: ctx.catalogue,
      tokens: ctx.tokens,
      urls: ctx.urls,
      requestId,
      accessKeyId,
      favourites: ctx.favourites,
    });
    reply(200, result, fault);
  } catch (error) {
    if (error instanceof ApiError)
      return reply(error.status, errorBody(requestId, error.code, error.message), fault);
    reply(
      500,
      errorBody(
        requestId,
        'InternalError',
        'The request processing has failed due to some unknown error.',
      ),
      fault,
    );
  }
}

export function createRequestHandler(
  ctx: ServerContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const receivedAt = ctx.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    const query = new URLSearchParams(rawQuery);
    const entry: LogEntry = {
      action:
        rawPath === '/'
          ? (query.get('Action') ?? (req.headers['x-acs-action'] as string | undefined) ?? null)
          : null,
      path: rawPath,
      query: Object.fromEntries(query),
      status: 0,
    };
    ctx.log.push(entry);
    if (ctx.log.length > LOG_LIMIT) ctx.log.splice(0, ctx.log.length - LOG_LIMIT);
    res.setHeader('Date', new Date(receivedAt).toUTCString());

    const run = async () => {
      const body = await readBody(req);
      if (ctx.faults.latencyMs > 0) await delay(ctx.faults.latencyMs);
      res.setHeader('Date', new Date(ctx.now()).toUTCString());
      if (body === null) {
        entry.status = 413;
        res.writeHead(413, { Connection: 'close' }).end();
        return;
      }
      if (rawPath === '/') {
        await ctx.faults.apiReleased();
        return handleApi(req, res, rawQuery, query, body, receivedAt, ctx, entry);
      }
      if (rawPath.startsWith(MEDIA_PREFIX)) return serveMedia(req, res, rawPath, query, ctx, entry);
      const requestId = ctx.requestId();
      entry.status = 404;
      sendJson(
        res,
        404,
        errorBody(
          requestId,
          'NotFound',
          'Not found. The API endpoint is "/", media files are under /media/.',
        ),
        requestId,
        null,
      );
    };
    run().catch(() => {
      if (!res.headersSent) {
        entry.status = 500;
        res.writeHead(500).end();
      } else {
        res.destroy();
      }
    });
  };
}
