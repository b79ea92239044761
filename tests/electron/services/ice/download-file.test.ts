import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { readdirSync, renameSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns';
import { downloadFile } from '../../../../electron/services/ice/download-file';
import type { DownloadFileOptions } from '../../../../electron/services/ice/download-file';
import { rejectionOf as failure } from '../../../support/app-error';

const FILE = randomBytes(256 * 1024 + 123);

type Fault = (req: IncomingMessage, res: ServerResponse) => boolean;

let server: Server;
let base: string;
let fault: Fault | null = null;
const seen: Array<{ url: string; range: string | undefined }> = [];

/** Serves FILE at /media/file.bin with Range support, unless the current fault answers first. */
function serveFile(req: IncomingMessage, res: ServerResponse): void {
  seen.push({ url: req.url ?? '', range: req.headers.range });
  if (fault?.(req, res)) return;
  if (!req.url?.startsWith('/media/file.bin')) {
    res.writeHead(404).end();
    return;
  }
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range) {
    const start = Number(range[1]);
    res.writeHead(206, {
      'content-length': FILE.length - start,
      'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}`,
    });
    res.end(FILE.subarray(start));
    return;
  }
  res.writeHead(200, { 'content-length': FILE.length });
  res.end(FILE);
}

beforeAll(async () => {
  server = createServer(serveFile);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ice-download-'));
  fault = null;
  seen.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Cuts the body a moment after the bytes were flushed, so the client has them on disk. */
function cutSoon(res: ServerResponse): void {
  setTimeout(() => res.socket?.end(), 100);
}

function download(overrides: Partial<DownloadFileOptions> = {}) {
  return downloadFile({
    url: `${base}/media/file.bin?Expires=9999999999&Signature=sig`,
    dir,
    fileName: 'file.mp4',
    expectedSize: FILE.length,
    allowInternalHosts: true,
    retryBaseDelayMs: 1,
    ...overrides,
  });
}

describe('downloadFile', () => {
  it('writes the complete file and reports progress up to the total', async () => {
    const progress: number[] = [];
    const result = await download({ onProgress: (p) => progress.push(p.bytes) });
    expect(result).toEqual({ path: join(dir, 'file.mp4'), bytes: FILE.length });
    expect((await readFile(result.path)).equals(FILE)).toBe(true);
    expect(progress.at(-1)).toBe(FILE.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await readdir(dir)).toEqual(['file.mp4']);
  });

  it('resumes with Range after the connection drops mid-body', async () => {
    let cuts = 0;
    fault = (req, res) => {
      if (cuts >= 2) return false;
      cuts++;
      const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      res.writeHead(start ? 206 : 200, {
        'content-length': FILE.length - start,
        ...(start ? { 'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}` } : {}),
      });
      // Once flushed, a FIN (not a reset, which could discard unread bytes) cuts the body.
      res.write(FILE.subarray(start, start + 50_000), () => cutSoon(res));
      return true;
    };
    const result = await download();
    expect((await readFile(result.path)).equals(FILE)).toBe(true);
    // Each retry resumes from what is on disk (normally 50,000 bytes per cut).
    const offsets = seen.map((s) => Number(/^bytes=(\d+)-$/.exec(s.range ?? '')?.[1] ?? 0));
    expect(seen).toHaveLength(3);
    expect(offsets[0]).toBe(0);
    expect(offsets[2]).toBeGreaterThan(offsets[1]!);
    expect(offsets[2]).toBeLessThanOrEqual(100_000);
  });

  it('starts over when the server ignores Range', async () => {
    let first = true;
    fault = (req, res) => {
      if (first) {
        first = false;
        res.writeHead(200, { 'content-length': FILE.length });
        // Once flushed, a FIN (not a reset, which could discard unread bytes) cuts the body.
        res.write(FILE.subarray(0, 70_000), () => cutSoon(res));
        return true;
      }
      res.writeHead(200, { 'content-length': FILE.length });
      res.end(FILE);
      return true;
    };
    const result = await download();
    expect((await readFile(result.path)).equals(FILE)).toBe(true);
    expect(seen[1]!.range).toBe('bytes=70000-');
  });

  it('refuses a resume at the wrong offset', async () => {
    let first = true;
    fault = (req, res) => {
      if (first) {
        first = false;
        res.writeHead(200, { 'content-length': FILE.length });
        // Once flushed, a FIN (not a reset, which could discard unread bytes) cuts the body.
        res.write(FILE.subarray(0, 10_000), () => cutSoon(res));
      } else {
        // Always one byte off whatever was asked.
        const asked = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
        res.writeHead(206, {
          'content-range': `bytes ${asked + 1}-${FILE.length - 1}/${FILE.length}`,
        });
        res.end(FILE.subarray(asked + 1));
      }
      return true;
    };
    const error = await failure(download());
    expect(error.code).toBe('BAD_RESPONSE');
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives URL_EXPIRED for an expired signed URL, without the signature in the message', async () => {
    fault = (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>',
      );
      return true;
    };
    const error = await failure(download());
    expect(error.code).toBe('URL_EXPIRED');
    expect(error.message).not.toContain('Signature');
    expect(error.message).not.toContain('Expires');
    expect(await readdir(dir)).toEqual([]);
  });

  it('never overwrites: a second download becomes "name (1).ext", or FILE_EXISTS on request', async () => {
    await writeFile(join(dir, 'file.mp4'), 'precious');
    const second = await download();
    expect(second.path).toBe(join(dir, 'file (1).mp4'));
    expect(await readFile(join(dir, 'file.mp4'), 'utf8')).toBe('precious');
    const error = await failure(download({ ifExists: 'fail' }));
    expect(error.code).toBe('FILE_EXISTS');
    expect((await readdir(dir)).sort()).toEqual(['file (1).mp4', 'file.mp4']);
  });

  it('keeps hostile names inside the folder', async () => {
    const inner = join(dir, 'inner');
    await mkdir(inner);
    const result = await download({ dir: inner, fileName: '../../escape.mp4' });
    expect(result.path).toBe(join(inner, 'escape.mp4'));
    expect(await readdir(dir)).toEqual(['inner']);
  });

  it('rejects a file larger than listed and removes the partial file', async () => {
    const error = await failure(download({ expectedSize: FILE.length - 10 }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(await readdir(dir)).toEqual([]);
  });

  /** Streams `total` bytes without a Content-Length; records how many the client accepted. */
  function endlessBody(total: number, accepted: { bytes: number; done: boolean }): Fault {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked, no length
      const chunk = Buffer.alloc(64 * 1024, 7);
      const pump = (): void => {
        while (accepted.bytes < total) {
          accepted.bytes += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.once('close', () => {
        accepted.done = true;
      });
      pump();
      return true;
    };
  }

  it('cuts a body longer than listed as it arrives, not after writing it all', async () => {
    const accepted = { bytes: 0, done: false };
    fault = endlessBody(256 * 1024 * 1024, accepted);
    const error = await failure(download({ retryLimit: 0 }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(await readdir(dir)).toEqual([]);
    await expect.poll(() => accepted.done).toBe(true);
    // Socket buffers hold a few MiB at most; the rest of the 256 MiB was never sent.
    expect(accepted.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('stops at maxBytes when neither the library nor the server gives a size', async () => {
    const accepted = { bytes: 0, done: false };
    fault = endlessBody(256 * 1024 * 1024, accepted);
    const error = await failure(
      download({ expectedSize: null, maxBytes: 1024 * 1024, retryLimit: 0 }),
    );
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/unknown size/);
    expect(await readdir(dir)).toEqual([]);
    await expect.poll(() => accepted.done).toBe(true);
    expect(accepted.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a Content-Length other than the listed size before writing the body', async () => {
    fault = (_req, res) => {
      res.writeHead(200, { 'content-length': FILE.length * 4 });
      res.end(Buffer.concat([FILE, FILE, FILE, FILE]));
      return true;
    };
    const error = await failure(download({ retryLimit: 0 }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes every attempt through the .part it created, never a link swapped in between', async () => {
    const outsideDir = await mkdtemp(join(tmpdir(), 'ice-outside-'));
    const outside = join(outsideDir, 'private.txt');
    await writeFile(outside, 'private data');
    let requests = 0;
    fault = (req, res) => {
      requests++;
      if (requests === 1) {
        res.writeHead(200, { 'content-length': FILE.length });
        res.write(FILE.subarray(0, 50_000), () => cutSoon(res));
        return true;
      }
      if (requests === 2) {
        // Between attempts, someone replaces the .part with a link to a file outside.
        const part = readdirSync(dir).find((name) => name.endsWith('.part'));
        if (part) {
          const link = join(dir, 'swap');
          symlinkSync(outside, link);
          renameSync(link, join(dir, part));
        }
      }
      return false; // serve normally (with Range)
    };
    try {
      const outcome = await download().then(
        (result) => ({ ok: true as const, result }),
        (error: { code: string }) => ({ ok: false as const, code: error.code }),
      );
      expect(await readFile(outside, 'utf8')).toBe('private data');
      expect(outcome).toEqual({ ok: false, code: 'UNSAFE_PATH' });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(outsideDir, { recursive: true, force: true });
    }
  });

  it.each([true, false])(
    'resolves host names through the lookup hook (fast path %s)',
    async (fastPath) => {
      const asked: string[] = [];
      const result = await download({
        url: `${base.replace('127.0.0.1', 'localhost')}/media/file.bin?Expires=9999999999`,
        fastPath,
        lookup: (hostname, options, callback) => {
          asked.push(hostname);
          lookup(hostname, { ...options, family: 4 }, callback as never);
        },
      });
      expect((await readFile(result.path)).equals(FILE)).toBe(true);
      expect(asked).toContain('localhost');
    },
  );

  it('cancels, leaving nothing behind', async () => {
    fault = (_req, res) => {
      res.writeHead(200, { 'content-length': FILE.length });
      res.write(FILE.subarray(0, 1000));
      return true; // then stall
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(download({ signal: controller.signal }));
    expect(error.code).toBe('CANCELLED');
    expect(await readdir(dir)).toEqual([]);
  });

  it('retries 5xx and gives up with SERVER_ERROR', async () => {
    fault = (_req, res) => {
      res.writeHead(503).end();
      return true;
    };
    const error = await failure(download({ retryLimit: 2 }));
    expect(error.code).toBe('SERVER_ERROR');
    expect(seen).toHaveLength(3);
  });

  it('refuses internal hosts unless allowed, and non-http schemes', async () => {
    expect((await failure(download({ allowInternalHosts: false }))).code).toBe('UNSAFE_URL');
    expect((await failure(download({ url: 'file:///etc/passwd' }))).code).toBe('UNSAFE_URL');
    expect(seen).toHaveLength(0);
  });

  it('maps a full disk to DISK_FULL and removes the .part', async (context) => {
    const mountPoint = await mkdtemp(join(tmpdir(), 'ice-tinyfs-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], {
        stdio: 'ignore',
      });
    } catch {
      await rm(mountPoint, { recursive: true, force: true });
      console.warn('Skipping DISK_FULL test: cannot mount a small tmpfs (needs root).');
      context.skip();
      return;
    }
    try {
      const error = await failure(download({ dir: mountPoint }));
      expect(error.code).toBe('DISK_FULL');
      expect(await readdir(mountPoint)).toEqual([]);
    } finally {
      execFileSync('umount', [mountPoint]);
      await rm(mountPoint, { recursive: true, force: true });
    }
  });
});
