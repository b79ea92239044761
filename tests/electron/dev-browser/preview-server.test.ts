// The browser preview's server against requests any local web page can send: nothing a request
// carries may stop the server, and the bridge socket opens only for the page's own origin.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../../electron/dev-browser/preview-server';
import type { PreviewServer } from '../../../electron/dev-browser/preview-server';
import { BRIDGE_SOCKET_PATH, TOKEN_PARAM } from '../../../electron/dev-browser/protocol';

let rendererDir: string;
let preview: PreviewServer;
let port: number;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'ice-preview-server-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><head></head><body></body>');
  preview = await startPreviewServer({
    rendererDir,
    router: { dispatch: async () => ({ ok: true, value: null }), receive: () => true },
    events: { forward: () => () => undefined },
    respondToMedia: async () => new Response('media', { status: 200 }),
    pageBridgeScript: '',
  });
  port = Number(new URL(preview.origin).port);
});

afterAll(async () => {
  await preview?.close();
  await rm(rendererDir, { recursive: true, force: true });
});

/** Sends raw bytes and returns the status line the server answers with ('' if it hung up). */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const statusLine = () => answer.split('\r\n', 1)[0] ?? '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) {
        resolve(statusLine()); // an accepted WebSocket stays open: the status line is enough
        socket.destroy();
      }
    });
    socket.on('close', () => resolve(statusLine()));
    socket.on('error', reject);
    socket.write(text);
  });
}

function upgrade(path: string, headers: Record<string, string>): Promise<string> {
  const lines = [
    `GET ${path} HTTP/1.1`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return rawRequest(`${lines.join('\r\n')}\r\n\r\n`);
}

const token = () => new URL(preview.url).hash.slice(`#${TOKEN_PARAM}=`.length);

describe('the preview server', () => {
  it.each(['//', '//evil.example/x', 'http://[::1', '/%', '*'])(
    'survives an upgrade to %j and goes on serving',
    async (path) => {
      const status = await upgrade(path, { Host: `127.0.0.1:${port}` });
      expect(status).toMatch(/^HTTP\/1\.1 (400|404)/);
      const page = await fetch(`${preview.origin}/`);
      expect(page.status).toBe(200);
    },
  );

  it('refuses the bridge to another Host, even one the request names itself', async () => {
    const path = `${BRIDGE_SOCKET_PATH}?${TOKEN_PARAM}=${token()}`;
    const origin = preview.origin;
    expect(await upgrade(path, { Host: 'evil.example', Origin: origin })).toMatch(/ 403 /);
    // Absolute form: the old check compared the Host with the host named in this very URL.
    expect(
      await upgrade(`http://evil.example${path}`, { Host: 'evil.example', Origin: origin }),
    ).toMatch(/ 40[34] /);
    expect(await upgrade(path, { Host: `127.0.0.1:${port}`, Origin: origin })).toMatch(/ 101 /);
  });
});
