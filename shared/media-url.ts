// The addresses under which the page loads cached media: never a signed URL, always MediaId and
// file name. Electron serves them on the privileged media: scheme; the browser preview serves the
// same paths under a token-guarded route of its own server. Pure: the renderer, the preview's
// page bridge and the main process all build and parse them here.

/** The Electron scheme: media://cover/<MediaId>, media://file/<MediaId>/<file name>. */
export const MEDIA_SCHEME = 'media';
/** The default base: what the page uses inside Electron. */
export const ELECTRON_MEDIA_BASE = `${MEDIA_SCHEME}://`;
/** The page global where the browser preview puts its own base (origin + route + token + '/'). */
export const MEDIA_BASE_GLOBAL = 'iceMediaBase';
/** The browser preview's route; the token follows as the next path segment. */
export const PREVIEW_MEDIA_ROUTE = '/__preview/media/';

export type MediaTarget =
  { kind: 'cover'; mediaId: string } | { kind: 'file'; mediaId: string; fileName: string };

export function coverUrl(base: string, mediaId: string): string {
  return `${base}cover/${encodeURIComponent(mediaId)}`;
}

export function fileUrl(base: string, mediaId: string, fileName: string): string {
  return `${base}file/${encodeURIComponent(mediaId)}/${encodeURIComponent(fileName)}`;
}

const MAX_ID_LENGTH = 128;
const MAX_NAME_LENGTH = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function acceptable(value: string | null, max: number): value is string {
  return (
    value !== null &&
    value.length > 0 &&
    value.length <= max &&
    !CONTROL.test(value) &&
    !value.includes('/') &&
    !value.includes('\\') &&
    value !== '.' &&
    value !== '..'
  );
}

/**
 * Reads a target from the still-encoded segments after the base: ["cover", id] or
 * ["file", id, name]. Anything else (extra or empty segments, separators or dot names inside a
 * segment, control characters) is refused with null: the target is a lookup key, never a path.
 */
export function parseMediaSegments(segments: readonly string[]): MediaTarget | null {
  const [kind, rawId, rawName, ...rest] = segments;
  if (rest.length > 0 || rawId === undefined) return null;
  const mediaId = decode(rawId);
  if (!acceptable(mediaId, MAX_ID_LENGTH)) return null;
  if (kind === 'cover' && rawName === undefined) return { kind: 'cover', mediaId };
  if (kind !== 'file' || rawName === undefined) return null;
  const fileName = decode(rawName);
  if (!acceptable(fileName, MAX_NAME_LENGTH)) return null;
  return { kind: 'file', mediaId, fileName };
}
