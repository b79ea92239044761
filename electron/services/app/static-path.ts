// Resolves a URL path to a file inside a folder of static files (the built renderer), refusing
// anything that could leave it: encoded or literal dot segments, backslashes, NUL bytes, drive
// letters, and any final path not strictly inside the folder. Used by the app:// protocol and by
// the browser preview, so both serve the renderer by the same rule.

import { extname, isAbsolute, join, relative, sep } from 'node:path';

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

export type StaticFileResolution =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function refuse(status: 400 | 403 | 404, reason: string): StaticFileResolution {
  return { ok: false, status, reason };
}

/** `pathname` is the still percent-encoded path of the request URL, starting with "/". */
export function resolveStaticPath(rootDir: string, pathname: string): StaticFileResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) {
    return refuse(403, 'forbidden character in path');
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || segment.includes(':')) {
      return refuse(403, 'path escapes the folder');
    }
  }
  if (segments.length === 0) segments.push('index.html');

  const filePath = join(rootDir, ...segments);
  const inside = relative(rootDir, filePath);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return refuse(403, 'path escapes the folder');
  }
  return { ok: true, filePath, contentType: contentTypeFor(filePath) };
}
