// The browser preview is a development tool, but it listens on a port any local page could
// reach: these tests check what it refuses (no token, another Origin or Host, paths outside the
// renderer) and the CSP it sends.

import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { expect, test } from './fixtures';
import { serverPage } from './server-data';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** A request with the path and Host exactly as given (fetch would normalize them). */
function rawGet(origin: string, path: string, host?: string): Promise<RawResponse> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: Number(url.port),
        path,
        method: 'GET',
        headers: host === undefined ? {} : { host },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function tokenOf(url: string): string {
  return new URL(url).hash.replace(/^#token=/, '');
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', (error) => reject(error));
  });
}

test('pages carry the CSP, with connect-src only for the preview socket', async ({ preview }) => {
  const port = new URL(preview.origin).port;
  for (const path of ['/', '/favicon.svg']) {
    const response = await rawGet(preview.origin, path);
    expect(response.status).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
    // Images and media only from the cache's route: no https:, no other loopback server.
    const route = `${preview.origin}/__preview/media/`;
    expect(csp).toContain(`img-src 'self' ${route};`);
    expect(csp).toContain(`media-src ${route};`);
    expect(csp).not.toMatch(/https:|127\.0\.0\.1:\*/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  }
});

test('cached media need the token; hostile addresses get nothing', async ({ preview }) => {
  const page = await serverPage(preview, 'sticker');
  const id = page.items[0]!.mediaId;
  const token = tokenOf(preview.url);
  for (const path of [
    `/__preview/media/cover/${id}`,
    `/__preview/media//cover/${id}`,
    `/__preview/media/wrong${token}/cover/${id}`,
    `/__preview/media/${token.slice(1)}/cover/${id}`,
  ]) {
    expect((await rawGet(preview.origin, path)).status, path).toBe(401);
  }
  const ok = await rawGet(preview.origin, `/__preview/media/${token}/cover/${id}`);
  expect(ok.status).toBe(200);
  expect(String(ok.headers['content-type'])).toMatch(/^image\//);
  for (const path of [
    `/__preview/media/${token}/file/${id}/..%2F..%2Fsettings.json`,
    `/__preview/media/${token}/file/${id}/..%5Csettings.json`,
    `/__preview/media/${token}/file/${id}/%00.png`,
    `/__preview/media/${token}/cover/${id}/extra`,
    `/__preview/media/${token}/other/${id}`,
  ]) {
    expect((await rawGet(preview.origin, path)).status, path).toBe(400);
  }
  const rebinding = await rawGet(
    preview.origin,
    `/__preview/media/${token}/cover/${id}`,
    `attacker.example:${new URL(preview.origin).port}`,
  );
  expect(rebinding.status).toBe(421);
});

test('paths outside the renderer and foreign Host headers are refused', async ({ preview }) => {
  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
    '/%00index.html',
  ]) {
    const { status } = await rawGet(preview.origin, path);
    expect([400, 403, 404], path).toContain(status);
  }
  const rebinding = await rawGet(
    preview.origin,
    '/',
    `attacker.example:${new URL(preview.origin).port}`,
  );
  expect(rebinding.status).toBe(421);
});

test('the bridge socket needs the token and the page origin', async ({ preview }) => {
  const socketUrl = `${preview.origin.replace('http:', 'ws:')}/__preview/bridge`;
  const token = tokenOf(preview.url);
  expect(await upgradeStatus(socketUrl, preview.origin)).toBe(401);
  expect(await upgradeStatus(`${socketUrl}?token=wrong${token}`, preview.origin)).toBe(401);
  expect(await upgradeStatus(`${socketUrl}?token=${token}`, 'http://attacker.example')).toBe(403);
  expect(await upgradeStatus(`${socketUrl}?token=${token}`, undefined)).toBe(403);
  expect(await upgradeStatus(`${socketUrl}?token=${token}`, preview.origin)).toBe(101);
});

test('an accepted socket answers through the router and drops malformed messages', async ({
  preview,
}) => {
  const socket = new WebSocket(
    `${preview.origin.replace('http:', 'ws:')}/__preview/bridge?token=${tokenOf(preview.url)}`,
    {
      origin: preview.origin,
    },
  );
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const reply = new Promise<unknown>((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)))),
  );
  socket.send(JSON.stringify({ kind: 'invoke', id: 7, channel: 'app:get-info' }));
  expect(await reply).toMatchObject({
    kind: 'reply',
    id: 7,
    result: { ok: true, value: { browserPreview: true } },
  });

  const invalid = new Promise<unknown>((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)))),
  );
  socket.send(JSON.stringify({ kind: 'invoke', id: 8, channel: 'library:list-tags', payload: {} }));
  expect(await invalid).toMatchObject({
    id: 8,
    result: { ok: false, error: { code: 'INVALID_PAYLOAD' } },
  });

  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.send('not json');
  expect(await closed).toBe(1003);
});

test('the page takes the token out of the address bar and keeps working after a reload', async ({
  app,
  page,
}) => {
  await expect(app.tiles.first()).toBeVisible();
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(app.tiles.first()).toBeVisible();
});
