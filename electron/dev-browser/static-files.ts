// Maps a request path to a file inside the built renderer folder, refusing anything that could
// leave it (encoded or literal dot segments, backslashes, NUL bytes, drive letters).

import { resolveStaticPath } from '../services/app/static-path';
import type { StaticFileResolution } from '../services/app/static-path';

export type StaticResolution = StaticFileResolution;

/** Resolves a request path (query and fragment ignored) inside rootDir. */
export function resolveStaticFile(rootDir: string, rawPath: string): StaticResolution {
  return resolveStaticPath(rootDir, rawPath.split(/[?#]/, 1)[0] ?? '');
}

/** Puts the page bridge before every other script so window.iceApi exists when the app starts. */
export function injectPageBridge(indexHtml: string, scriptPath: string): string {
  const tag = `<script src="${scriptPath}"></script>`;
  const head = /<head[^>]*>/i.exec(indexHtml);
  if (!head) throw new Error('index.html has no <head>; cannot inject the page bridge.');
  const at = head.index + head[0].length;
  return `${indexHtml.slice(0, at)}\n    ${tag}${indexHtml.slice(at)}`;
}
