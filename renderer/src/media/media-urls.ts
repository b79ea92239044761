// URLs of media files served from the local copies. Placeholder until the media cache lands: in
// the browser preview these are the preview server's route for local files; the cache branch
// serves the same names from its own scheme in Electron.

import { PREVIEW_MEDIA_PATH } from '../../../shared/media-out';

/** The cover's name among an item's local files (electron/services/media-out/drag-out.ts). */
const COVER_FILE_NAME = '\0cover';

export function mediaFileUrl(mediaId: string, fileName: string): string {
  return `${PREVIEW_MEDIA_PATH}${encodeURIComponent(mediaId)}/${encodeURIComponent(fileName)}`;
}

export function mediaCoverUrl(mediaId: string): string {
  return mediaFileUrl(mediaId, COVER_FILE_NAME);
}
