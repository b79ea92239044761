// Turns the raw request path below /media/ into a relative file path, refusing anything that
// could leave the media folder: '..' and '.' segments (also percent-encoded, e.g. %2e%2e),
// empty segments (so no absolute paths via '//'), backslashes, drive colons, NUL bytes and
// malformed percent-encoding. The result is also resolved and checked to stay inside the root.

import { isAbsolute, relative, resolve, sep } from 'node:path';

export const MEDIA_PREFIX = '/media/';

export type SafePath = { ok: true; relPath: string } | { ok: false; reason: string };

export function mediaRelativePath(rawPath: string): SafePath {
  if (!rawPath.startsWith(MEDIA_PREFIX)) return { ok: false, reason: 'not a media path' };
  const rest = rawPath.slice(MEDIA_PREFIX.length);
  if (rest === '') return { ok: false, reason: 'empty path' };
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding' };
    }
    if (segment === '' || segment === '.' || segment === '..')
      return { ok: false, reason: 'dot or empty segment' };
    if (/[\\/:\0]/.test(segment)) return { ok: false, reason: 'forbidden character' };
    segments.push(segment);
  }
  return { ok: true, relPath: segments.join('/') };
}

/** The absolute path of relPath inside root, or null if it would resolve outside. */
export function resolveInside(root: string, relPath: string): string | null {
  if (isAbsolute(relPath) || relPath.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    return null;
  }
  const absRoot = resolve(root);
  const target = resolve(absRoot, ...relPath.split('/'));
  const rel = relative(absRoot, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..'))
    return null;
  return target;
}
