// Downloads one media file safely: streamed (flat memory) into a ".part" file beside the target,
// resumed with Range after a dropped connection, and moved into place only when complete and
// of the expected size. Existing files are never overwritten: by default the download becomes
// "name (1).ext" like a browser's; with ifExists: 'fail' it stops with FILE_EXISTS instead.
// The .part is created exclusively and written only through the one file descriptor opened then,
// for every attempt: whatever is put at its path later (a symlink) is never written through.
// A body larger than the listed size, the Content-Length or (when neither is known) maxBytes is
// cut off at the first byte too many, not checked after it has been written.

import { lstat, link, mkdir, rename, rm, stat, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { LookupFunction } from 'node:net';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import got from 'got';
import type { Response } from 'got';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { mediaFileName, numberedName, pathInside } from './file-names';
import { rawTransfer } from './raw-transfer';
import { INTERNAL_ADDRESS_CODE, checkMediaUrl, describeUrl, publicOnlyLookup } from './url-safety';
import { readSome } from './read-some';

const WRITE_BUFFER_BYTES = 8 * 1024 * 1024;
/**
 * The largest body accepted when neither the library nor the server gives a size. The library's
 * media (stickers, music, backgrounds) are far smaller; 4 GiB still allows long 4K footage.
 */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024 * 1024;

export interface DownloadProgress {
  bytes: number;
  /** Null when neither the caller nor the server said. */
  total: number | null;
}

export interface DownloadFileOptions {
  url: string;
  dir: string;
  /** Untrusted (from the API): sanitized before use. */
  fileName: string;
  /** The media's FormatName: the saved name's extension must fit it (see mediaFileName). */
  format?: string | null;
  /** The hard limit when neither expectedSize nor the server gives the size. */
  maxBytes?: number;
  expectedSize?: number | null;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** 'rename' (default): "name (1).ext" when taken. 'fail': AppError FILE_EXISTS. */
  ifExists?: 'rename' | 'fail';
  /** Allow loopback/private hosts (only when the library endpoint itself is one). */
  allowInternalHosts?: boolean;
  /** Attempts after the first, for dropped connections and 5xx. Default 5. */
  retryLimit?: number;
  retryBaseDelayMs?: number;
  /**
   * The raw-socket fast path for plain 200/206 answers (see raw-transfer.ts); default on. The
   * general path (got) serves everything else either way.
   */
  fastPath?: boolean;
  /**
   * Name resolution for both paths (got's dnsLookup and the raw socket's lookup), where a hook
   * checks the resolved address at connect time.
   */
  lookup?: LookupFunction;
  /** Connection set-up and idle-socket timeouts. */
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
}

export interface DownloadResult {
  path: string;
  bytes: number;
}

/** Thrown inside an attempt when another attempt (resuming) may succeed. */
class Transient extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

export async function downloadFile(options: DownloadFileOptions): Promise<DownloadResult> {
  const allowInternal = options.allowInternalHosts ?? false;
  const verdict = checkMediaUrl(options.url, allowInternal);
  if (!verdict.ok) {
    throw new AppError(
      'UNSAFE_URL',
      `Refusing to download ${describeUrl(options.url)}: ${verdict.reason}.`,
    );
  }
  const name = mediaFileName(options.fileName, options.format);
  const target = pathInside(options.dir, name);
  await mkdir(dirname(target), { recursive: true }).catch((error: unknown) => {
    throw fileSystemError(error, options.dir);
  });
  if (options.ifExists === 'fail' && (await exists(target))) throw fileExists(name);

  const part = pathInside(options.dir, `${name}.${randomBytes(3).toString('hex')}.part`);
  // Exclusive create: never write through something (a symlink) already at that path. The
  // descriptor stays open until the file is complete.
  const handle = await open(part, 'wx').catch((error: unknown) => {
    throw fileSystemError(error, options.dir);
  });
  const file: PartFile = { path: part, handle, written: 0 };
  let open_ = true;
  try {
    const bytes = await fetchInto(file, verdict.url, options, allowInternal);
    const identity = await handle.stat();
    await handle.close();
    open_ = false;
    // The path must still name the file we wrote (not a link or file swapped in meanwhile).
    const now = await lstat(part).catch(() => null);
    if (now === null || now.ino !== identity.ino || now.dev !== identity.dev) {
      throw new AppError('UNSAFE_PATH', 'The partial download was replaced while it was written.');
    }
    const finalPath = await placeWithoutOverwriting(part, target, options.ifExists ?? 'rename');
    return { path: finalPath, bytes };
  } catch (error) {
    if (open_) await handle.close().catch(() => undefined);
    await rm(part, { force: true });
    throw error;
  }
}

/** The open .part: its path (for messages and the final move), descriptor and bytes written. */
interface PartFile {
  path: string;
  handle: FileHandle;
  written: number;
}

async function fetchInto(
  part: PartFile,
  url: string,
  options: DownloadFileOptions,
  allowInternal: boolean,
): Promise<number> {
  const limit = options.retryLimit ?? 5;
  const expected = options.expectedSize ?? null;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw cancelled();
    const offset = part.written;
    if (expected !== null && offset === expected && offset > 0) return offset;
    try {
      return await fetchOnce(part, url, offset, options, allowInternal);
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      if (!(error instanceof Transient)) throw error;
      if (attempt >= limit) throw error.appError;
      const base = options.retryBaseDelayMs ?? 200;
      await sleep(Math.min(5_000, base * 2 ** attempt) * (0.5 + Math.random() / 2), undefined, {
        ...(options.signal ? { signal: options.signal } : {}),
      }).catch(() => {
        throw cancelled();
      });
    }
  }
}

async function fetchOnce(
  part: PartFile,
  url: string,
  offset: number,
  options: DownloadFileOptions,
  allowInternal: boolean,
): Promise<number> {
  if (options.fastPath !== false) {
    const raw = { fd: part.handle.fd, written: part.written };
    try {
      const outcome = await rawTransfer(raw, {
        url,
        offset,
        listed: options.expectedSize ?? null,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
        transient: (error) => new Transient(error),
        ...(options.lookup
          ? { lookup: options.lookup }
          : allowInternal
            ? {}
            : { lookup: publicOnlyLookup }),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress
          ? { onProgress: (bytes, total) => options.onProgress?.({ bytes, total }) }
          : {}),
      });
      if (outcome.kind === 'done') return outcome.bytes;
      if (outcome.kind === 'http-error') throw httpErrorFrom(outcome.status, outcome.body, url);
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        throw new AppError('DISK_FULL', `The disk is full; the file was not saved.`);
      }
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw fileSystemError(error, dirname(part.path));
      }
      throw error;
    } finally {
      part.written = raw.written;
    }
  }
  let unsafeRedirect: string | null = null;
  const stream = got.stream(url, {
    headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
    throwHttpErrors: false,
    decompress: false,
    retry: { limit: 0 },
    ...(options.lookup
      ? { dnsLookup: options.lookup as never }
      : allowInternal
        ? {}
        : { dnsLookup: publicOnlyLookup }),
    timeout: {
      lookup: options.connectTimeoutMs ?? 10_000,
      connect: options.connectTimeoutMs ?? 10_000,
      secureConnect: options.connectTimeoutMs ?? 10_000,
      response: options.idleTimeoutMs ?? 30_000,
      socket: options.idleTimeoutMs ?? 30_000,
    },
    hooks: {
      beforeRedirect: [
        (redirected) => {
          const check = checkMediaUrl(String(redirected.url), allowInternal);
          if (!check.ok) {
            unsafeRedirect = check.reason;
            throw new Error('unsafe redirect');
          }
        },
      ],
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });

  let response: Response;
  try {
    response = await new Promise<Response>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
  } catch (error) {
    if (unsafeRedirect !== null) {
      throw new AppError(
        'UNSAFE_URL',
        `The file server redirected to a refused address: ${unsafeRedirect}.`,
      );
    }
    throw transferError(error, url);
  }

  const status = response.statusCode;
  let start = 0;
  if (status === 206) {
    start = contentRangeStart(response, offset, options.expectedSize ?? null);
  } else if (status === 416 && offset > 0) {
    stream.destroy();
    const total = /\/(\d+)$/.exec(String(response.headers['content-range'] ?? ''))?.[1];
    if (total !== undefined && Number(total) === offset) return offset;
    await truncate(part);
    throw new Transient(
      new AppError('BAD_RESPONSE', 'The file server refused to resume the download.'),
    );
  } else if (status !== 200) {
    throw await httpError(stream, response, url);
  }
  // 200 to a Range request: the server ignored it, so start over from the first byte.
  if (start === 0 && part.written > 0) await truncate(part);
  const total = status === 206 ? totalFromContentRange(response) : contentLength(response);
  const listed = options.expectedSize ?? null;
  if (listed !== null && total !== null && total !== listed) {
    stream.destroy();
    throw new AppError(
      'BAD_RESPONSE',
      `The file is ${total} bytes, not the ${listed} bytes the library listed.`,
    );
  }
  const expectedTotal = listed ?? total;
  const cap = expectedTotal ?? options.maxBytes ?? DEFAULT_MAX_BYTES;
  let received = start;
  let tooLarge = false;
  // Counted as each chunk arrives, before it is written: one byte too many ends the transfer.
  stream.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > cap && !tooLarge) {
      tooLarge = true;
      stream.destroy(new Error('too large'));
    }
  });
  const onProgress = options.onProgress;
  if (onProgress) {
    stream.on('downloadProgress', (p: { transferred: number }) =>
      onProgress({ bytes: start + p.transferred, total: expectedTotal }),
    );
  }
  const sink = new PartWriter(part, start);
  const tooLargeError = (): AppError =>
    new AppError(
      'BAD_RESPONSE',
      expectedTotal === null
        ? `The file is larger than the ${cap} bytes allowed for a download of unknown size.`
        : `The file is larger than the ${expectedTotal} bytes the library listed.`,
    );
  try {
    await pipeline(stream as unknown as Readable, sink);
  } catch (error) {
    // A write may still be in flight: the next attempt's Range offset must include it, and a
    // write landing after that attempt began would corrupt the file.
    if (!sink.closed) await once(sink, 'close').catch(() => undefined);
    if (options.signal?.aborted) throw cancelled();
    if (tooLarge) throw tooLargeError();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new AppError(
        'DISK_FULL',
        `The disk is full; ${basename(part.path).replace(/\.[^.]+\.part$/, '')} was not saved.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw fileSystemError(error, dirname(part.path));
    throw transferError(error, url);
  }
  if (tooLarge) throw tooLargeError();
  const size = part.written;
  if (expectedTotal !== null && size < expectedTotal) {
    throw new Transient(
      new AppError('NETWORK', `The download of ${describeUrl(url)} stopped early.`),
    );
  }
  if (expectedTotal !== null && size > expectedTotal) throw tooLargeError();
  return size;
}

/**
 * Writes the body into the open .part at its position. A large buffer lets the stream batch the
 * socket's 64 KiB chunks into one writev: on loopback this halves the system time of a 300 MB
 * download, and it bounds memory (8 MiB).
 */
class PartWriter extends Writable {
  private position: number;

  constructor(
    private readonly part: PartFile,
    start: number,
  ) {
    super({ highWaterMark: WRITE_BUFFER_BYTES });
    this.position = start;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.writeAll([chunk]).then(() => done(), done);
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, done: (error?: Error | null) => void): void {
    this.writeAll(chunks.map((c) => c.chunk)).then(() => done(), done);
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    let pending = buffers;
    while (pending.length > 0) {
      const { bytesWritten } = await this.part.handle.writev(pending, this.position);
      this.position += bytesWritten;
      this.part.written = this.position;
      pending = skipBytes(pending, bytesWritten);
    }
  }
}

/** What is left of `buffers` after the first `count` bytes (a partial writev). */
function skipBytes(buffers: Buffer[], count: number): Buffer[] {
  let left = count;
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (left >= buffer.length) {
      left -= buffer.length;
      continue;
    }
    rest.push(left > 0 ? buffer.subarray(left) : buffer);
    left = 0;
  }
  return rest;
}

/** Validates "Content-Range: bytes <start>-<end>/<total>" against what was asked. */
function contentRangeStart(response: Response, offset: number, expected: number | null): number {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(
    String(response.headers['content-range'] ?? ''),
  );
  const start = match ? Number(match[1]) : NaN;
  const total = match?.[3] === '*' ? null : Number(match?.[3]);
  if (!match || start !== offset || (expected !== null && total !== null && total !== expected)) {
    throw new AppError('BAD_RESPONSE', 'The file server resumed the download at the wrong place.');
  }
  return start;
}

function totalFromContentRange(response: Response): number | null {
  const total = /\/(\d+)$/.exec(String(response.headers['content-range'] ?? ''))?.[1];
  return total === undefined ? null : Number(total);
}

function contentLength(response: Response): number | null {
  const value = Number(response.headers['content-length']);
  return Number.isFinite(value) && value >= 0 && response.headers['content-length'] !== undefined
    ? value
    : null;
}

async function httpError(stream: Readable, response: Response, url: string): Promise<Error> {
  return httpErrorFrom(response.statusCode, await readSome(stream, 16 * 1024), url);
}

function httpErrorFrom(status: number, body: string, url: string): Error {
  const where = describeUrl(url);
  if (status === 403 && /expired/i.test(body)) {
    return new AppError(
      'URL_EXPIRED',
      `The link to ${where} has expired. List the media again for a fresh link.`,
    );
  }
  if (status === 403)
    return new AppError('AUTH_FORBIDDEN', `The file server refused access to ${where}.`);
  if (status === 404 || status === 410)
    return new AppError('NOT_FOUND', `The file ${where} does not exist.`);
  if (status >= 500 || status === 429) {
    return new Transient(new AppError('SERVER_ERROR', `The file server failed (HTTP ${status}).`));
  }
  return new AppError('BAD_RESPONSE', `The file server answered HTTP ${status} for ${where}.`);
}

function transferError(error: unknown, url: string): Error {
  const code = (error as { code?: string }).code;
  if (code === INTERNAL_ADDRESS_CODE) {
    return new AppError(
      'UNSAFE_URL',
      `The file server for ${describeUrl(url)} resolves to a loopback, private or link-local address.`,
    );
  }
  if (code === 'ETIMEDOUT') {
    return new Transient(
      new AppError('TIMEOUT', `The file server for ${describeUrl(url)} stopped answering.`),
    );
  }
  return new Transient(
    new AppError(
      'NETWORK',
      `The download of ${describeUrl(url)} was interrupted${code ? ` (${code})` : ''}.`,
    ),
  );
}

/** Moves the finished .part to the target, or "name (n).ext", without ever replacing a file. */
export async function placeWithoutOverwriting(
  part: string,
  target: string,
  ifExists: 'rename' | 'fail',
): Promise<string> {
  const dir = dirname(target);
  const name = basename(target);
  for (let n = 0; n < 1000; n++) {
    const candidate = n === 0 ? target : join(dir, numberedName(name, n));
    try {
      // link() fails with EEXIST instead of replacing: an atomic "create if absent".
      await link(part, candidate);
      await rm(part, { force: true });
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (ifExists === 'fail') throw fileExists(name);
        continue;
      }
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') {
        // File systems without hard links (FAT, some network shares): check, then rename.
        if (await exists(candidate)) {
          if (ifExists === 'fail') throw fileExists(name);
          continue;
        }
        await rename(part, candidate);
        return candidate;
      }
      throw fileSystemError(error, dir);
    }
  }
  throw fileExists(name);
}

async function truncate(part: PartFile): Promise<void> {
  await part.handle.truncate(0);
  part.written = 0;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function fileExists(name: string): AppError {
  return new AppError('FILE_EXISTS', `A file named "${name}" already exists there.`);
}

function fileSystemError(error: unknown, dir: string): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', 'The disk is full.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('PERMISSION_DENIED', `The app may not write to the folder ${dir}.`);
  }
  return new AppError(
    'INVALID_INPUT',
    `Cannot write to the folder ${dir}${code ? ` (${code})` : ''}.`,
  );
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The download was cancelled.');
}
