// Local copies of media files, which drag-out (files must exist when the drag starts), the
// downloads and the preview's media route all read from: LocalMediaFiles, as the media cache
// provides it (cachedMediaFiles).

import { COVER_FILE_NAME } from './drag-out';

export interface LocalFile {
  path: string;
  size: number;
  contentType: string;
}

export interface EnsureOptions {
  onProgress?: (received: number, total: number | null) => void;
  signal?: AbortSignal;
}

/** What drag-out, downloads and the preview need from the media cache. */
export interface LocalMediaFiles {
  /** The complete local file, or null when it has not been fetched (yet). Never waits. */
  completedPath(mediaId: string, fileName: string): string | null;
  /** Fetches the file unless it is there; resolves once it is complete on disk. */
  ensure(mediaId: string, fileName: string, options?: EnsureOptions): Promise<LocalFile>;
}

/** The media cache's files and covers, as drag-out, downloads and the preview route see them. */
export function cachedMediaFiles(cache: {
  completedPath(mediaId: string, fileName: string): string | null;
  completedCoverPath(mediaId: string): string | null;
  ensure(mediaId: string, fileName: string, options?: EnsureOptions): Promise<LocalFile>;
  ensureCover(mediaId: string, options?: EnsureOptions): Promise<LocalFile>;
}): LocalMediaFiles {
  return {
    completedPath: (mediaId, fileName) =>
      fileName === COVER_FILE_NAME
        ? cache.completedCoverPath(mediaId)
        : cache.completedPath(mediaId, fileName),
    ensure: (mediaId, fileName, options) =>
      fileName === COVER_FILE_NAME
        ? cache.ensureCover(mediaId, options)
        : cache.ensure(mediaId, fileName, options),
  };
}
