// File names that come from the API are untrusted: they are made safe on every platform and the
// final path is proven to stay inside the chosen folder.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Bytes, leaving room under the usual 255-byte limit for " (12)" and a ".xxxxxx.part" suffix. */
export const MAX_NAME_BYTES = 200;
const MAX_EXTENSION_LENGTH = 16;
// CONIN$ and CONOUT$ open the console on Windows just as CON does.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Invisible characters that change how a name reads: bidirectional overrides (U+202E turns
// "invoice\u202Efdp.exe" into something that reads "...exe.pdf"), zero-width joiners, BOMs
// (format, Cf), and line and paragraph separators (Zl, Zp).
const FORMAT_OR_LINE_SEPARATOR = /[\p{Cf}\p{Zl}\p{Zp}]/gu;
// Space separators other than the plain space (NBSP, U+3000...) become a plain space.
const OTHER_SPACES = /(?! )\p{Zs}/gu;
// Path separators, characters Windows refuses, C0/C1 control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/g;

/** A name that is a single, harmless path component on Windows, macOS and Linux. */
export function sanitizeFileName(raw: string, fallback = 'download'): string {
  // A path-like name keeps its meaningful segments: "../../etc/passwd" becomes "etc_passwd".
  const segments = raw
    .normalize('NFC')
    .replace(FORMAT_OR_LINE_SEPARATOR, '')
    .replace(OTHER_SPACES, ' ')
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

/**
 * Extensions a media file may carry: images, audio and video. A name from the API keeps its
 * extension only when it is on this list and matches the file's format; anything else (".exe",
 * ".lnk", ".html") is neutralised, so a saved file can never be opened as a program.
 */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'apng',
  'avif',
  'tif',
  'tiff',
  'heic',
  'heif',
  'mp3',
  'wav',
  'aac',
  'm4a',
  'flac',
  'ogg',
  'oga',
  'opus',
  'wma',
  'aif',
  'aiff',
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'avi',
  'flv',
  'ts',
  'mpg',
  'mpeg',
  '3gp',
]);

// Names a format goes by (ffmpeg's FormatName lists several: "mov,mp4,m4a,3gp,3g2,mj2") mapped
// to the extension it is saved with when the API's file name has none that fits.
const FORMAT_ALIASES: Readonly<Record<string, string>> = {
  jpeg_pipe: 'jpg',
  png_pipe: 'png',
  gif_pipe: 'gif',
  webp_pipe: 'webp',
  image2: 'png',
  matroska: 'mkv',
  mpegts: 'ts',
  mpeg: 'mpg',
};

/** The extensions a FormatName allows, in order of preference ("mov,mp4" -> [mov, mp4]). */
export function formatExtensions(format: string | null | undefined): string[] {
  if (!format) return [];
  const out: string[] = [];
  for (const token of format.toLowerCase().split(/[,\s/]+/)) {
    const ext = FORMAT_ALIASES[token] ?? token;
    if (MEDIA_EXTENSIONS.has(ext) && !out.includes(ext)) out.push(ext);
  }
  return out;
}

/**
 * A safe name for a media file: sanitized as above, and its extension taken from the media's
 * format against MEDIA_EXTENSIONS. The name's own extension stays when the format allows it (or
 * when the format is unknown and the extension is a media one); otherwise its dot becomes "_"
 * and the format's extension is appended, so "clip.exe" of format mp4 becomes "clip_exe.mp4".
 */
export function mediaFileName(raw: string, format?: string | null, fallback = 'download'): string {
  const name = sanitizeFileName(raw, fallback);
  const { base, extension } = splitExtension(name);
  const own = extension.slice(1).toLowerCase();
  const allowed = formatExtensions(format);
  const keepsOwn =
    own !== '' && MEDIA_EXTENSIONS.has(own) && (allowed.length === 0 || allowed.includes(own));
  if (keepsOwn) return name;
  const stem = own === '' ? base : `${base}_${extension.slice(1)}`;
  const ext = allowed[0];
  return sanitizeFileName(ext === undefined ? stem : `${stem}.${ext}`, fallback);
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
