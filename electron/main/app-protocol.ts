// The app:// protocol: serves the built renderer with the strict CSP header, never file://.

import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../services/app/content-security-policy';
import { APP_SCHEME, resolveRendererFile } from './renderer-files';
import { MEDIA_SCHEME_PRIVILEGES } from './media-protocol';
import { MEDIA_SCHEME } from '../../shared/media-url';

/**
 * Must run before the app is ready, once for all schemes (Electron keeps only one list):
 * standard + secure gives app:// and media:// real origins and https rules; stream lets media://
 * answer <audio>'s Range requests.
 */
export function registerAppSchemesAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
    { scheme: MEDIA_SCHEME, privileges: { ...MEDIA_SCHEME_PRIVILEGES } },
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': contentSecurityPolicy({ mediaSrc: [`${MEDIA_SCHEME}:`] }),
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** Answers one app:// request from rendererDir (absolute). */
export async function serveRendererFile(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plain(405, 'Method not allowed');
  const resolved = resolveRendererFile(rendererDir, request.url);
  if (!resolved.ok) return plain(resolved.status, resolved.reason);
  let body: Buffer;
  try {
    body = await readFile(resolved.filePath);
  } catch {
    return plain(404, 'not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': resolved.contentType },
  });
}

/** Must run after the app is ready. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request));
}
