// Maps app://renderer/... URLs to files inside the built renderer folder, refusing anything that
// could leave it. Pure (no Electron, no file access) so every refusal is unit-tested.

import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** The privileged scheme the renderer is served from, instead of file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** The origin of the app's own pages (how Chromium serializes a standard custom scheme). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
};

export type RendererFileResolution =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function refuse(status: 400 | 403 | 404, reason: string): RendererFileResolution {
  return { ok: false, status, reason };
}

/**
 * Resolves a request URL to a file path under rendererDir (an absolute path). Refuses other
 * schemes and hosts, encoded or literal dot segments, backslashes, NUL bytes, drive letters and
 * anything whose final path is not strictly inside rendererDir.
 */
export function resolveRendererFile(
  rendererDir: string,
  requestUrl: string,
): RendererFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'not a URL');
  }
  // Chromium lower-cases the host of a standard scheme; WHATWG URL keeps custom hosts as typed.
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) {
    return refuse(404, 'not an app://renderer URL');
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') {
    return refuse(400, 'unexpected URL parts');
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return refuse(403, 'forbidden character in path');
  }

  const segments = decoded.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || segment.includes(':')) {
      return refuse(403, 'path escapes the renderer folder');
    }
  }
  if (segments.length === 0) segments.push('index.html');

  const filePath = join(rendererDir, ...segments);
  const inside = relative(rendererDir, filePath);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return refuse(403, 'path escapes the renderer folder');
  }
  return { ok: true, filePath, contentType: contentTypeFor(filePath) };
}
