// Answers one request for cached media with a web Response: the Electron shell returns it from
// protocol.handle('media'), the browser preview pipes it into its HTTP route. Misses are fetched
// into the cache first; Range is answered with 206 so audio can seek. Errors are short plain-text
// answers whose status says what happened (404 unknown, 503 unreachable, 502 upstream trouble),
// with the error code in `x-media-error` for the logs and tests.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import type { MediaTarget } from '../../../shared/media-url';
import { parseByteRange } from '../../../shared/http-range';
import type { MediaCache } from './media-cache';
import { keyOf } from './object-paths';

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  NETWORK: 503,
  TIMEOUT: 503,
  CANCELLED: 503,
  URL_EXPIRED: 502,
  AUTH_FORBIDDEN: 502,
  UNSAFE_URL: 502,
  BAD_RESPONSE: 502,
  SERVER_ERROR: 502,
  THROTTLED: 503,
  DISK_FULL: 507,
};

export interface MediaRequestLike {
  method: string;
  /** The Range header, if any. */
  range: string | null;
}

function plain(status: number, text: string, code?: string): Response {
  return new Response(text, {
    status,
    headers: {
      ...BASE_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      ...(code === undefined ? {} : { 'x-media-error': code }),
    },
  });
}

export async function respondWithMedia(
  cache: MediaCache,
  target: MediaTarget | null,
  request: MediaRequestLike,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method not allowed');
  }
  if (target === null) return plain(400, 'Not a media address', 'INVALID_INPUT');
  // A file deleted behind the cache's back is fetched again, once.
  for (let attempt = 0; attempt < 2; attempt++) {
    let object;
    try {
      object = await cache.ensureTarget(target);
    } catch (error) {
      const code: ErrorCode = error instanceof AppError ? error.code : 'INTERNAL';
      return plain(STATUS_FOR[code] ?? 500, 'The media could not be loaded.', code);
    }
    const size = await stat(object.path).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    if (size !== object.size) {
      cache.forget(keyOf(target));
      continue;
    }
    return fileResponse(object.path, size, object.contentType, request);
  }
  return plain(500, 'The cached file keeps disappearing.', 'INTERNAL');
}

function fileResponse(
  path: string,
  size: number,
  contentType: string,
  request: MediaRequestLike,
): Response {
  const range = parseByteRange(request.range, size);
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'content-type': contentType,
    'accept-ranges': 'bytes',
  };
  if (range.kind === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${size}` },
    });
  }
  const start = range.kind === 'range' ? range.start : 0;
  const end = range.kind === 'range' ? range.end : size - 1;
  const length = Math.max(0, end - start + 1);
  headers['content-length'] = String(length);
  if (range.kind === 'range') headers['content-range'] = `bytes ${start}-${end}/${size}`;
  const body =
    request.method === 'HEAD' || length === 0
      ? null
      : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range.kind === 'range' ? 206 : 200, headers });
}
