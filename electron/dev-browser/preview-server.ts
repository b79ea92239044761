// The browser preview's HTTP + WebSocket server on 127.0.0.1: serves the built renderer with the
// app's CSP (plus connect-src for its own WebSocket) and carries bridge requests to the router.
// The WebSocket needs the random token and the page's own Origin; other Hosts are refused
// (DNS rebinding). Cached media are served under /__preview/media/<token>/..., the same handler
// as Electron's media: scheme; a request without the token gets nothing.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { contentSecurityPolicy } from '../services/app/content-security-policy';
import type { EventHub } from '../services/app/event-hub';
import type { IpcRouter } from '../services/ipc/ipc-router';
import {
  BRIDGE_SOCKET_PATH,
  MAX_MESSAGE_BYTES,
  PAGE_BRIDGE_PATH,
  TOKEN_PARAM,
  parseInvokeMessage,
  parseSendMessage,
} from './protocol';
import type { ServerMessage } from './protocol';
import { injectPageBridge, resolveStaticFile } from './static-files';
import { PREVIEW_MEDIA_ROUTE, parseMediaSegments } from '../../shared/media-url';
import type { MediaTarget } from '../../shared/media-url';
import type { MediaRequestLike } from '../services/media-cache/media-response';

export interface PreviewServerOptions {
  rendererDir: string;
  router: Pick<IpcRouter, 'dispatch' | 'receive'>;
  events: Pick<EventHub, 'forward'>;
  pageBridgeScript: string;
  /** Answers a cached-media request (the services' respondToMedia). */
  respondToMedia: (target: MediaTarget | null, request: MediaRequestLike) => Promise<Response>;
  /** 0 (default) picks a free port. */
  port?: number;
  log?: (message: string) => void;
  /**
   * Sees every bridge frame as it crosses the socket, for tests that check what leaves the main
   * side: 'in' = page to server (requests), 'out' = server to page (replies and events). The
   * channel of a reply is its request's; '' for a frame that is not a valid request.
   */
  onBridgeMessage?: BridgeMessageListener;
}

export type BridgeMessageListener = (
  direction: 'in' | 'out',
  channel: string,
  json: string,
) => void;

export interface PreviewServer {
  /** The URL to open, with the token in its fragment. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

function tokensMatch(given: string | null, expected: string): boolean {
  if (given === null || given === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = randomBytes(24).toString('base64url');
  const log = options.log ?? (() => undefined);
  const indexPath = join(options.rendererDir, 'index.html');
  // Read per request, so a rebuild of the renderer shows up on reload.
  const readIndex = async (): Promise<string> =>
    injectPageBridge(await readFile(indexPath, 'utf8'), PAGE_BRIDGE_PATH);
  await readIndex(); // fail at start, not on the first request, if it is missing or malformed
  let origin = '';
  let host = '';
  let headers: Record<string, string> = {};

  const send = (
    res: ServerResponse,
    status: number,
    contentType: string,
    body: string | Buffer,
    method: string,
  ): void => {
    res.writeHead(status, { ...headers, 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    if (req.headers.host !== host) {
      send(res, 421, 'text/plain; charset=utf-8', 'Misdirected request', method);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', method);
      return;
    }
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (path.startsWith(PREVIEW_MEDIA_ROUTE)) {
      await serveMedia(req, res, path.slice(PREVIEW_MEDIA_ROUTE.length), method);
      return;
    }
    if (path === '/' || path === '/index.html') {
      send(res, 200, 'text/html; charset=utf-8', await readIndex(), method);
      return;
    }
    if (path === PAGE_BRIDGE_PATH) {
      send(res, 200, 'text/javascript; charset=utf-8', options.pageBridgeScript, method);
      return;
    }
    const resolved = resolveStaticFile(options.rendererDir, path);
    if (!resolved.ok) {
      send(res, resolved.status, 'text/plain; charset=utf-8', 'Refused', method);
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found', method);
      return;
    }
    send(res, 200, resolved.contentType, body, method);
  };

  const serveMedia = async (
    req: IncomingMessage,
    res: ServerResponse,
    rest: string,
    method: string,
  ): Promise<void> => {
    const [given = '', ...segments] = rest.split('/');
    if (!tokensMatch(given, token)) {
      send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized', method);
      return;
    }
    const range = req.headers.range;
    const response = await options.respondToMedia(parseMediaSegments(segments), {
      method,
      range: typeof range === 'string' ? range : null,
    });
    res.writeHead(response.status, {
      ...Object.fromEntries(response.headers),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    if (response.body === null || method === 'HEAD') {
      await response.body?.cancel();
      res.end();
      return;
    }
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  // Any web page can send an upgrade here: nothing in it may throw (a throw in this listener would
  // stop the whole preview), and the Host is compared with our fixed address, never with
  // something derived from the request.
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    try {
      const [path, query = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
      if (path !== BRIDGE_SOCKET_PATH) return refuseUpgrade(socket, 404, 'Not Found');
      if (req.headers.host !== host || req.headers.origin !== origin) {
        log('[preview] refused a bridge connection from another origin');
        return refuseUpgrade(socket, 403, 'Forbidden');
      }
      if (!tokensMatch(new URLSearchParams(query).get(TOKEN_PARAM), token)) {
        log('[preview] refused a bridge connection without the right token');
        return refuseUpgrade(socket, 401, 'Unauthorized');
      }
      sockets.handleUpgrade(req, socket, head, (ws) => serveBridge(ws));
    } catch {
      refuseUpgrade(socket, 400, 'Bad Request');
    }
  });

  const record = options.onBridgeMessage ?? (() => undefined);

  const serveBridge = (ws: WebSocket): void => {
    const sendOut = (channel: string, message: ServerMessage): void => {
      if (ws.readyState !== ws.OPEN) return;
      const json = JSON.stringify(message);
      record('out', channel, json);
      ws.send(json);
    };
    const stopEvents = options.events.forward((channel, payload) => {
      sendOut(channel, { kind: 'event', channel, payload });
    });
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? null : String(data);
      const oneWay = text === null ? null : parseSendMessage(text);
      if (oneWay) {
        record('in', oneWay.channel, text ?? '');
        // No native drag in a browser: the page uses DownloadURL; the router still validates.
        options.router.receive(oneWay.channel, oneWay.payload, null);
        return;
      }
      const invoke = text === null ? null : parseInvokeMessage(text);
      record('in', invoke?.channel ?? '', text ?? '<binary frame>');
      if (!invoke) {
        ws.close(1003, 'Malformed message');
        return;
      }
      void options.router.dispatch(invoke.channel, invoke.payload).then((result) => {
        sendOut(invoke.channel, { kind: 'reply', id: invoke.id, result });
      });
    });
    ws.on('close', () => stopEvents());
    ws.on('error', () => stopEvents());
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  headers = {
    'content-security-policy': contentSecurityPolicy({
      mediaSrc: [`${origin}${PREVIEW_MEDIA_ROUTE}`],
      connectSrc: [`ws://127.0.0.1:${port}`],
    }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };

  return {
    url: `${origin}/#${TOKEN_PARAM}=${token}`,
    origin,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
