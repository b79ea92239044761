// Maps a request path to a file inside the built renderer folder, refusing anything that could
// leave it (encoded or literal dot segments, backslashes, NUL bytes, drive letters).

import { extname, isAbsolute, join, relative, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export type StaticResolution =
  { ok: true; filePath: string; contentType: string } | { ok: false; status: 400 | 403 | 404 };

export function resolveStaticFile(rootDir: string, rawPath: string): StaticResolution {
  const pathOnly = rawPath.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, status: 403 };
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((s) => s === '.' || s === '..' || s.includes(':'))) {
    return { ok: false, status: 403 };
  }
  if (segments.length === 0) segments.push('index.html');
  const filePath = join(rootDir, ...segments);
  const inside = relative(rootDir, filePath);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403 };
  }
  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  return { ok: true, filePath, contentType };
}

/** Puts the page bridge before every other script so window.iceApi exists when the app starts. */
export function injectPageBridge(indexHtml: string, scriptPath: string): string {
  const tag = `<script src="${scriptPath}"></script>`;
  const head = /<head[^>]*>/i.exec(indexHtml);
  if (!head) throw new Error('index.html has no <head>; cannot inject the page bridge.');
  const at = head.index + head[0].length;
  return `${indexHtml.slice(0, at)}\n    ${tag}${indexHtml.slice(at)}`;
}
