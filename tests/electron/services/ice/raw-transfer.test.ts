// The raw-socket fast path over TLS (the library's media are https): a local https server with
// a throwaway CA made by openssl. Plain http is covered through downloadFile's own tests.

import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawTransfer } from '../../../../electron/services/ice/raw-transfer';

const BODY = randomBytes(3 * 1024 * 1024 + 17);
let dir: string;
let server: Server | null = null;
let cert = '';
let base = '';
let skipReason: string | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ice-raw-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  } catch {
    skipReason = 'openssl is not installed: cannot make a certificate for the TLS test.';
    return;
  }
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    if (req.url === '/gone') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such file');
      return;
    }
    res.writeHead(200, { 'content-length': BODY.length });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await rm(dir, { recursive: true, force: true });
});

function transfer(path: string, url: string) {
  const fd = openSync(path, 'w');
  const part = { fd, written: 0 };
  return rawTransfer(part, {
    url,
    offset: 0,
    listed: null,
    maxBytes: 64 * 1024 * 1024,
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 10_000,
    ca: cert,
    transient: (error) => error,
  }).finally(() => closeSync(fd));
}

describe('rawTransfer over TLS', () => {
  it('writes the exact body of an https answer', async (context) => {
    if (skipReason) {
      console.warn(`Skipping: ${skipReason}`);
      context.skip();
      return;
    }
    const path = join(dir, 'out.bin');
    expect(await transfer(path, `${base}/file.bin`)).toEqual({ kind: 'done', bytes: BODY.length });
    expect((await readFile(path)).equals(BODY)).toBe(true);
  });

  it('answers an HTTP error with its status and the start of its body', async (context) => {
    if (skipReason) {
      console.warn(`Skipping: ${skipReason}`);
      context.skip();
      return;
    }
    // The body is read raw (chunk framing included): it only serves the error's words.
    const outcome = await transfer(join(dir, 'gone.bin'), `${base}/gone`);
    expect(outcome).toMatchObject({ kind: 'http-error', status: 404 });
    expect(outcome.kind === 'http-error' && outcome.body).toContain('no such file');
  });
});
