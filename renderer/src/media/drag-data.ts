// What a drag out of the browser preview carries: Chromium's DownloadURL
// ("<mime>:<file name>:<absolute URL>"), which saves the file where it is dropped.

import type { MediaFile } from '../../../shared/domain';
import { fileFormat } from './media-facts';
import { mediaFileUrl } from './media-urls';

const MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

export function mimeTypeOf(file: MediaFile): string {
  const format = fileFormat(file);
  return (format !== null && MIME_TYPES[format]) || 'application/octet-stream';
}

/**
 * A name that survives DownloadURL (":" separates its parts) and every file system: no invisible
 * format characters, no separators or characters Windows refuses. The main process applies the
 * full rules (extension from the format) to everything it writes itself.
 */
export function dropFileName(raw: string): string {
  const name = raw
    .normalize('NFC')
    .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return name === '' ? 'download' : name;
}

export function downloadUrlData(mediaId: string, file: MediaFile, pageUrl: string): string {
  const url = new URL(mediaFileUrl(mediaId, file.fileName), pageUrl).href;
  return `${mimeTypeOf(file)}:${dropFileName(file.fileName)}:${url}`;
}
