// Serves /media/...: signed-URL checks (403 with OSS XML when missing, wrong or expired), path
// safety, HEAD, conditional GET (ETag), single byte ranges (206/416) and the cutBody fault for
// files, which sends the headers for the whole body and then drops the connection.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { LogEntry, ServerContext } from '../server-context';
import { bigFileStream } from './big-file';
import { sendOssError } from './oss-errors';
import { parseByteRange } from '../../../shared/http-range';
import { mediaRelativePath, resolveInside } from './safe-path';

export const BIG_FILE_PATH = '/media/big.bin';

interface FileToServe {
  size: number;
  contentType: string;
  etag: string;
  lastModified: Date;
  open(start: number, end: number): Readable;
}

/**
 * The file's real path when it lies inside the real media folder, else null: a symlink planted in
 * the folder (to a private file elsewhere) is never followed out of it.
 */
async function realPathInside(mediaDir: string, abs: string): Promise<string | null> {
  const [root, real] = await Promise.all([realpath(mediaDir), realpath(abs)]);
  const rel = relative(root, real);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? null : real;
}

async function locate(ctx: ServerContext, relPath: string): Promise<FileToServe | null> {
  const info = ctx.catalogue.file(relPath);
  const inside = info ? resolveInside(ctx.mediaDir, relPath) : null;
  if (!info || !inside) return null;
  try {
    const abs = await realPathInside(ctx.mediaDir, inside);
    if (abs === null) return null;
    const s = await stat(abs);
    if (!s.isFile()) return null;
    const revision = ctx.faults.fileRevision;
    return {
      size: s.size,
      contentType: info.contentType,
      etag: revision === 0 ? `"${info.md5}"` : `"${info.md5}-r${revision}"`,
      lastModified: new Date(s.mtime.getTime() + revision * 1000),
      open: (start, end) => createReadStream(abs, { start, end }),
    };
  } catch {
    return null;
  }
}

function bigFile(ctx: ServerContext, size: number): FileToServe {
  return {
    size,
    contentType: 'application/octet-stream',
    etag: `"big-${size.toString(16)}"`,
    lastModified: new Date(ctx.startedAt),
    open: bigFileStream,
  };
}

export async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  query: URLSearchParams,
  ctx: ServerContext,
  entry: LogEntry,
): Promise<void> {
  const requestId = ctx.requestId();
  const head = req.method === 'HEAD';
  const fail = (status: number, code: string, message: string, extra?: Record<string, string>) => {
    entry.status = status;
    sendOssError(res, status, code, message, requestId, extra, head);
  };
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    return fail(
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
    );
  }

  const isBig = rawPath === BIG_FILE_PATH && ctx.bigFileBytes !== undefined;
  const safe = mediaRelativePath(rawPath);
  if (!safe.ok) return fail(400, 'InvalidObjectName', 'The specified object is not valid.');

  // The benchmark file may be fetched without a signature; everything else needs one.
  if (!isBig || query.has('Signature')) {
    const nowSeconds = Math.floor(ctx.now() / 1000);
    const check = ctx.signer.check(`/media/${safe.relPath}`, query, nowSeconds);
    if (!check.ok) {
      if (check.reason === 'expired') {
        return fail(403, 'AccessDenied', 'Request has expired.', {
          Expires: new Date(check.expires * 1000).toISOString(),
          ServerTime: new Date(nowSeconds * 1000).toISOString(),
        });
      }
      if (check.reason === 'missing') {
        return fail(
          403,
          'AccessDenied',
          'You have no right to access this object because of bucket acl.',
        );
      }
      return fail(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    }
  }

  const file = isBig ? bigFile(ctx, ctx.bigFileBytes as number) : await locate(ctx, safe.relPath);
  if (!file) return fail(404, 'NoSuchKey', 'The specified key does not exist.');

  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', file.etag);
  res.setHeader('Last-Modified', file.lastModified.toUTCString());
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('x-oss-request-id', requestId);

  const ifNoneMatch = req.headers['if-none-match'];
  if (
    ifNoneMatch &&
    ifNoneMatch.split(',').some((t) => t.trim() === file.etag || t.trim() === '*')
  ) {
    entry.status = 304;
    res.writeHead(304);
    res.end();
    return;
  }

  const ifRange = req.headers['if-range'];
  const range =
    ifRange && ifRange !== file.etag
      ? ({ kind: 'none' } as const)
      : parseByteRange(req.headers.range, file.size);
  if (range.kind === 'unsatisfiable') {
    entry.status = 416;
    res.setHeader('Content-Range', `bytes */${file.size}`);
    return fail(416, 'InvalidRange', 'The requested range cannot be satisfied.');
  }
  const start = range.kind === 'range' ? range.start : 0;
  const end = range.kind === 'range' ? range.end : file.size - 1;
  const length = end - start + 1;
  if (range.kind === 'range') res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
  res.setHeader('Content-Length', length);
  entry.status = range.kind === 'range' ? 206 : 200;
  res.writeHead(entry.status);
  if (head || length === 0) {
    res.end();
    return;
  }

  const hold = ctx.faults.fileHoldBytes;
  if (hold !== null && length > 1) {
    // Part of the body, then nothing (connection open) until the test releases the rest.
    const sent = Math.max(1, Math.min(hold, length - 1));
    const released = ctx.faults.filesReleased();
    const first = file.open(start, start + sent - 1);
    first.on('error', () => res.destroy());
    first.on('data', (chunk) => res.write(chunk));
    first.on('end', () => {
      void released.then(() => {
        if (res.destroyed) return;
        const rest = file.open(start + sent, end);
        rest.on('error', () => res.destroy());
        res.on('close', () => rest.destroy());
        rest.pipe(res);
      });
    });
    return;
  }

  const cut = ctx.faults.takeFileCut();
  if (cut !== null) {
    // Promise the whole body, deliver part of it, then drop the connection.
    const sent = Math.max(0, Math.min(cut, length - 1));
    if (sent === 0) {
      res.flushHeaders();
      res.socket?.destroy();
      return;
    }
    const partial = file.open(start, start + sent - 1);
    partial.on('data', (chunk) => res.write(chunk));
    partial.on('end', () => res.write('', () => res.socket?.destroy()));
    partial.on('error', () => res.socket?.destroy());
    return;
  }

  const body = file.open(start, end);
  body.on('error', () => res.destroy());
  res.on('close', () => body.destroy());
  body.pipe(res);
}
