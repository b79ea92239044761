// File names that come from the API are untrusted: they are made safe on every platform and the
// final path is proven to stay inside the chosen folder.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Bytes, leaving room under the usual 255-byte limit for " (12)" and a ".xxxxxx.part" suffix. */
export const MAX_NAME_BYTES = 200;
const MAX_EXTENSION_LENGTH = 16;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Path separators, characters Windows refuses, C0/C1 control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/g;

/** A name that is a single, harmless path component on Windows, macOS and Linux. */
export function sanitizeFileName(raw: string, fallback = 'download'): string {
  // A path-like name keeps its meaningful segments: "../../etc/passwd" becomes "etc_passwd".
  const segments = raw
    .normalize('NFC')
    .split(/[/\\]+/)
    .filter((s) => s !== '' && !/^\.+$/.test(s.trim()));
  let name = segments.join('_').replace(UNSAFE_CHARS, '_');
  // No hidden files, no "." or "..", no trailing dots/spaces (Windows drops them silently).
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '' || /^_+$/.test(name)) name = fallback;
  const { base, extension } = splitExtension(name);
  const stem = base.split('.')[0] ?? base;
  const safeBase = WINDOWS_RESERVED.test(stem.trim()) ? `_${base}` : base;
  return capLength(safeBase, extension);
}

/** "name (n).ext": the n-th alternative when "name.ext" is taken. */
export function numberedName(name: string, n: number): string {
  const { base, extension } = splitExtension(name);
  return `${base} (${n})${extension}`;
}

/**
 * The absolute path of `name` inside `dir`, or UNSAFE_PATH if it would land anywhere else
 * (a separator that slipped through, an absolute name, "..").
 */
export function pathInside(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(root, name);
  const rel = relative(root, target);
  if (
    rel === '' ||
    rel === '..' ||
    rel.startsWith(`..${sep}`) ||
    isAbsolute(rel) ||
    rel.includes(sep)
  ) {
    throw new AppError('UNSAFE_PATH', `The file name "${name}" would leave the chosen folder.`);
  }
  return target;
}

function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > MAX_EXTENSION_LENGTH + 1)
    return { base: name, extension: '' };
  return { base: name.slice(0, dot), extension: name.slice(dot) };
}

function capLength(base: string, extension: string): string {
  const budget = MAX_NAME_BYTES - Buffer.byteLength(extension);
  if (Buffer.byteLength(base) <= budget) return base + extension;
  let cut = '';
  for (const char of base) {
    // Iterating by code point never splits a surrogate pair.
    if (Buffer.byteLength(cut + char) > budget) break;
    cut += char;
  }
  return cut.replace(/[.\s]+$/, '') + extension;
}
