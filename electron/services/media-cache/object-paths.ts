// Where each cached object lives inside the cache folder. Names come from the API and are
// untrusted: the MediaId becomes a folder name only when it is plainly safe (else its hash), the
// file name is sanitized, and every path is proven to stay inside the cache folder.

import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MediaTarget } from '../../../shared/media-url';
import { sanitizeFileName } from '../ice/file-names';

export const COVERS_DIR = 'covers';
export const FILES_DIR = 'files';
export const TEMP_DIR = 'tmp';
export const INDEX_FILE = 'index.sqlite';
/** The index before it moved to SQLite: read once, then removed. */
export const LEGACY_INDEX_FILE = 'index.json';

export function keyOf(target: MediaTarget): string {
  return target.kind === 'cover'
    ? `cover\u0000${target.mediaId}`
    : `file\u0000${target.mediaId}\u0000${target.fileName}`;
}

export function idFolder(mediaId: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(mediaId)
    ? mediaId
    : `h-${createHash('sha256').update(mediaId).digest('hex').slice(0, 32)}`;
}

const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/svg+xml': '.svg',
  'image/bmp': '.bmp',
};

/** The relative path (with '/') an object would like to have, before collisions. */
export function preferredPath(target: MediaTarget, contentType: string): string {
  const folder = idFolder(target.mediaId);
  if (target.kind === 'cover') {
    const ext = IMAGE_EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? '';
    return `${COVERS_DIR}/${folder}/cover${ext}`;
  }
  return `${FILES_DIR}/${folder}/${sanitizeFileName(target.fileName, 'file')}`;
}

/** Checks an index path (which could have been edited) and returns it absolute, or null. */
export function absoluteInside(cacheDir: string, relPath: string): string | null {
  const segments = relPath.split('/');
  if (
    segments.length !== 3 ||
    (segments[0] !== COVERS_DIR && segments[0] !== FILES_DIR) ||
    segments.some(
      (s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'),
    )
  ) {
    return null;
  }
  const root = resolve(cacheDir);
  const target = resolve(root, ...segments);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return join(root, ...segments);
}
