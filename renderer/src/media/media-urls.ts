// The addresses the page uses for covers, previews and audio: always the media cache's, never a
// signed URL from the service (those expire, and each revisit would download again). Inside
// Electron they are media://...; the browser preview's page bridge names its own token-guarded
// route in a page global before the app starts. Absolute, so a drag can hand them to Chromium's
// DownloadURL as they are.

import {
  ELECTRON_MEDIA_BASE,
  MEDIA_BASE_GLOBAL,
  coverUrl,
  fileUrl,
} from '../../../shared/media-url';

function mediaBase(): string {
  const base = (globalThis as Record<string, unknown>)[MEDIA_BASE_GLOBAL];
  return typeof base === 'string' && base !== '' ? base : ELECTRON_MEDIA_BASE;
}

export function mediaCoverUrl(mediaId: string): string {
  return coverUrl(mediaBase(), mediaId);
}

export function mediaFileUrl(mediaId: string, fileName: string): string {
  return fileUrl(mediaBase(), mediaId, fileName);
}
