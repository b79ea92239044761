// One attempt at fetching a media object into the cache's part file, resuming what an earlier
// attempt left. A resume asks `Range: bytes=<n>-` with `If-Range: <validator of the first
// response>`, so a server whose object changed answers 200 with the whole new object and the part
// file starts again from zero. A 206 is accepted only if it starts at <n> and still carries the
// first response's validator: a file that changed between attempts is never spliced, even by a
// server that ignores If-Range.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stat, truncate } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import got from 'got';
import type { Response } from 'got';
import { AppError } from '../../../shared/errors';
import { checkMediaUrl, describeUrl } from '../ice/url-safety';
import { readSome } from '../ice/read-some';

export interface Validator {
  etag: string | null;
  lastModified: string | null;
}

/** What the part file holds so far, carried from attempt to attempt. */
export interface PartialObject {
  path: string;
  received: number;
  validator: Validator | null;
  total: number | null;
  contentType: string | null;
}

export type OpenWrite = (path: string, append: boolean) => Writable;

export const defaultOpenWrite: OpenWrite = (path, append) =>
  createWriteStream(path, { flags: append ? 'a' : 'w', highWaterMark: 1024 * 1024 });

export interface FetchAttemptOptions {
  allowInternalHosts: boolean;
  signal: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  openWrite: OpenWrite;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
}

/** The signed URL was refused (403): expired, or signed for something else. Refresh it. */
export class UrlRefused extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/**
 * The part file's folder is missing (deleted under the cache): make it and try again. The part is
 * created by its first write, not beforehand, so this is where a missing folder shows.
 */
export class PartFolderMissing extends Error {
  readonly appError = new AppError('INTERNAL', 'The media cache folder is missing (ENOENT).');
}

/** Another attempt may succeed: a cut, a 5xx, a dropped or refused connection. */
export class TransientFailure extends Error {
  constructor(
    readonly appError: AppError,
    /** True when the network itself seems gone (no answer at all), not a server hiccup. */
    readonly unreachable: boolean,
  ) {
    super(appError.message);
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
]);

/** A validator usable in If-Range: a strong ETag, else Last-Modified; null means none. */
export function ifRangeValue(validator: Validator | null): string | null {
  if (validator === null) return null;
  if (validator.etag !== null && !validator.etag.startsWith('W/')) return validator.etag;
  return validator.lastModified;
}

export async function fetchAttempt(
  url: string,
  part: PartialObject,
  options: FetchAttemptOptions,
): Promise<void> {
  const verdict = checkMediaUrl(url, options.allowInternalHosts);
  if (!verdict.ok) {
    throw new AppError('UNSAFE_URL', `Refusing to fetch ${describeUrl(url)}: ${verdict.reason}.`);
  }
  const ifRange = ifRangeValue(part.validator);
  if (part.received > 0 && ifRange === null) await restart(part);
  const resuming = part.received > 0;
  let unsafeRedirect: string | null = null;
  const stream = got.stream(verdict.url, {
    headers: resuming ? { range: `bytes=${part.received}-`, 'if-range': ifRange as string } : {},
    throwHttpErrors: false,
    decompress: false,
    retry: { limit: 0 },
    timeout: {
      lookup: options.connectTimeoutMs,
      connect: options.connectTimeoutMs,
      secureConnect: options.connectTimeoutMs,
      response: options.idleTimeoutMs,
      socket: options.idleTimeoutMs,
    },
    hooks: {
      beforeRedirect: [
        (redirected) => {
          const check = checkMediaUrl(String(redirected.url), options.allowInternalHosts);
          if (!check.ok) {
            unsafeRedirect = check.reason;
            throw new Error('unsafe redirect');
          }
        },
      ],
    },
    signal: options.signal,
  });

  let response: Response;
  try {
    response = await new Promise<Response>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
  } catch (error) {
    if (unsafeRedirect !== null) {
      throw new AppError('UNSAFE_URL', `The file server redirected to a refused address.`);
    }
    throw transferFailure(error, url, options.signal);
  }

  const status = response.statusCode;
  const validator: Validator = {
    etag: header(response, 'etag'),
    lastModified: header(response, 'last-modified'),
  };
  let append = false;
  if (status === 206 && resuming) {
    const range = contentRange(response);
    const same = ifRangeValue(validator) === ifRange || sameValidator(validator, part.validator);
    if (range === null || range.start !== part.received || !same) {
      // Not the continuation we asked for: throw the part away and ask for the whole object.
      stream.destroy();
      await restart(part);
      throw new TransientFailure(
        new AppError('BAD_RESPONSE', 'The file server resumed at the wrong place.'),
        false,
      );
    }
    part.total = range.total;
    append = true;
  } else if (status === 416 && resuming) {
    stream.destroy();
    const total = contentRange(response)?.total ?? null;
    if (total !== null && total === part.received) return;
    await restart(part);
    throw new TransientFailure(
      new AppError('BAD_RESPONSE', 'The file server refused to resume.'),
      false,
    );
  } else if (status === 200) {
    // A fresh object (first attempt, or the object changed and If-Range sent it whole).
    part.received = 0;
    part.validator = validator;
    part.total = contentLength(response);
  } else {
    throw await httpFailure(stream, status, url);
  }
  part.contentType = header(response, 'content-type') ?? part.contentType;

  const base = part.received;
  if (options.onProgress) {
    const report = options.onProgress;
    stream.on('downloadProgress', (p: { transferred: number }) =>
      report(base + p.transferred, part.total),
    );
  }
  const sink = options.openWrite(part.path, append);
  try {
    await pipeline(stream as unknown as Readable, sink);
  } catch (error) {
    // A write may still be in flight: the next attempt's offset must include it.
    if (!(sink as { closed?: boolean }).closed) await once(sink, 'close').catch(() => undefined);
    part.received = await sizeOf(part, append ? base : 0);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new AppError('DISK_FULL', 'The disk is full: the media cache cannot store this file.');
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('INTERNAL', `The media cache folder is not writable (${code}).`);
    }
    if (code === 'ENOENT') {
      // The part went with its folder: what it held must be fetched again, not resumed.
      part.received = 0;
      part.validator = null;
      part.total = null;
      throw new PartFolderMissing();
    }
    throw transferFailure(error, url, options.signal);
  }
  part.received = await sizeOf(part, 0);
  if (part.total !== null && part.received < part.total) {
    throw new TransientFailure(
      new AppError('NETWORK', `The transfer of ${describeUrl(url)} stopped early.`),
      false,
    );
  }
  if (part.total !== null && part.received > part.total) {
    await restart(part);
    throw new AppError('BAD_RESPONSE', 'The file server sent more bytes than it announced.');
  }
}

async function sizeOf(part: PartialObject, fallback: number): Promise<number> {
  return stat(part.path).then(
    (s) => s.size,
    () => fallback,
  );
}

async function restart(part: PartialObject): Promise<void> {
  await truncate(part.path, 0).catch(() => undefined);
  part.received = 0;
  part.validator = null;
  part.total = null;
}

function sameValidator(a: Validator, b: Validator | null): boolean {
  if (b === null) return false;
  if (a.etag !== null || b.etag !== null) return a.etag === b.etag;
  return a.lastModified !== null && a.lastModified === b.lastModified;
}

function header(response: Response, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function contentRange(response: Response): { start: number; total: number | null } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header(response, 'content-range') ?? '');
  if (!match) {
    const unsatisfied = /^bytes \*\/(\d+)$/.exec(header(response, 'content-range') ?? '');
    return unsatisfied ? { start: -1, total: Number(unsatisfied[1]) } : null;
  }
  return { start: Number(match[1]), total: match[3] === '*' ? null : Number(match[3]) };
}

function contentLength(response: Response): number | null {
  const raw = header(response, 'content-length');
  const value = Number(raw);
  return raw !== null && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

async function httpFailure(stream: Readable, status: number, url: string): Promise<Error> {
  const body = await readSome(stream, 8 * 1024);
  const where = describeUrl(url);
  if (status === 403) {
    const expired = /expired/i.test(body);
    return new UrlRefused(
      new AppError(
        expired ? 'URL_EXPIRED' : 'AUTH_FORBIDDEN',
        expired
          ? `The link to ${where} has expired.`
          : `The file server refused access to ${where}.`,
      ),
    );
  }
  if (status === 404 || status === 410) {
    return new AppError('NOT_FOUND', `The file ${where} does not exist.`);
  }
  if (status >= 500 || status === 429 || status === 408) {
    return new TransientFailure(
      new AppError('SERVER_ERROR', `The file server failed (HTTP ${status}).`),
      false,
    );
  }
  return new AppError('BAD_RESPONSE', `The file server answered HTTP ${status} for ${where}.`);
}

function transferFailure(error: unknown, url: string, signal: AbortSignal): Error {
  if (signal.aborted) return new AppError('CANCELLED', 'The fetch was cancelled.');
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const unreachable = code !== undefined && UNREACHABLE_CODES.has(code);
  return new TransientFailure(
    new AppError(
      code === 'ETIMEDOUT' ? 'TIMEOUT' : 'NETWORK',
      `The transfer of ${describeUrl(url)} failed${code ? ` (${code})` : ''}.`,
    ),
    unreachable,
  );
}
