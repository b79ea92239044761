// Facts about a media item as the grid and the details panel show them. Pure functions: the
// API leaves many fields null, so every formatter accepts null and returns null for "unknown".

import type { MediaFile, MediaItem } from '../../../shared/domain';

export type MediaKind = 'audio' | 'image';

const AUDIO_FORMATS = new Set(['mp3', 'wav', 'aac', 'm4a', 'flac', 'ogg', 'opus']);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** A file's format in lower case, from FormatName or else from the file name's extension. */
export function fileFormat(file: MediaFile): string | null {
  const fromApi = file.formatName?.split(',')[0]?.trim().toLowerCase();
  if (fromApi) return fromApi;
  const ext = extensionOf(file.fileName);
  return ext === '' ? null : ext;
}

export { primaryFile } from '../../../shared/domain';
import { primaryFile } from '../../../shared/domain';

export function mediaKind(item: MediaItem): MediaKind {
  if (item.businessType === 'bgm') return 'audio';
  if (item.mediaType?.toLowerCase() === 'audio') return 'audio';
  const file = primaryFile(item);
  const format = file ? fileFormat(file) : null;
  return format !== null && AUDIO_FORMATS.has(format) ? 'audio' : 'image';
}

export function isAnimated(item: MediaItem): boolean {
  if (item.tags.includes('sticker-gif')) return true;
  return item.files.some((f) => fileFormat(f) === 'gif');
}

/** "m:ss", or "h:mm:ss" from an hour on. */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

// Building an Intl.NumberFormat costs far more than formatting with one: every tile that
// scrolled into view built one for its size (a quarter of the page's script while scrolling).
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** Binary units with a decimal only below 10 ("8.4 MB", "84 KB", "512 B"). */
export function formatFileSize(bytes: number | null, locale: string): string | null {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return null;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = numberFormat(locale, digits).format(value);
  return `${number} ${SIZE_UNITS[unit]}`;
}

export function formatDimensions(width: number | null, height: number | null): string | null {
  if (width === null || height === null || width <= 0 || height <= 0) return null;
  return `${width} × ${height}`;
}

export function formatBitrate(bitsPerSecond: number | null, locale: string): string | null {
  if (bitsPerSecond === null || !Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return null;
  const kbps = numberFormat(locale, 0).format(bitsPerSecond / 1000);
  return `${kbps} kbps`;
}

/** The one-line facts under a tile: duration for audio, dimensions and size for images. */
export function tileFacts(item: MediaItem, locale: string): string[] {
  const file = primaryFile(item);
  if (!file) return [];
  if (mediaKind(item) === 'audio') {
    const format = fileFormat(file);
    return [formatDuration(file.duration), format?.toUpperCase() ?? null].filter(
      (fact): fact is string => fact !== null,
    );
  }
  return [formatDimensions(file.width, file.height), formatFileSize(file.fileSize, locale)].filter(
    (fact): fact is string => fact !== null,
  );
}
