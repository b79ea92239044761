// Maps app://renderer/... URLs to files inside the built renderer folder, refusing anything that
// could leave it. Pure (no Electron, no file access) so every refusal is unit-tested.

import { resolveStaticPath } from '../services/app/static-path';
import type { StaticFileResolution } from '../services/app/static-path';

export { contentTypeFor } from '../services/app/static-path';

/** The privileged scheme the renderer is served from, instead of file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** The origin of the app's own pages (how Chromium serializes a standard custom scheme). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export type RendererFileResolution = StaticFileResolution;

/**
 * Resolves a request URL to a file path under rendererDir (an absolute path). Refuses other
 * schemes and hosts, and everything resolveStaticPath refuses.
 */
export function resolveRendererFile(
  rendererDir: string,
  requestUrl: string,
): RendererFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  // Chromium lower-cases the host of a standard scheme; WHATWG URL keeps custom hosts as typed.
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) {
    return { ok: false, status: 404, reason: 'not an app://renderer URL' };
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') {
    return { ok: false, status: 400, reason: 'unexpected URL parts' };
  }
  // A bare custom-scheme origin (app://renderer) has an empty path.
  return resolveStaticPath(rendererDir, url.pathname === '' ? '/' : url.pathname);
}
