// Local copies of media files, which drag-out (files must exist when the drag starts), the
// downloads and the preview's media route all read from. LocalMediaFiles is the interface the
// media cache implements; FetchedMediaFiles is the minimal implementation used until then: each
// file fetched once into the data folder with downloadFile, concurrent requests for the same file
// sharing one transfer, an expired link refreshed once.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { MediaFile } from '../../../shared/domain';
import { downloadFile } from '../ice/download-file';
import { formatExtensions } from '../ice/file-names';
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

export interface FetchedMediaFilesOptions {
  /** Where the files go (inside the app's data folder). */
  dir: string;
  /** The file's current listing entry; fresh=true asks the service again (expired link). */
  resolveFile(mediaId: string, fileName: string, fresh: boolean): Promise<MediaFile>;
  /** Whether internal hosts may be fetched (only when the library endpoint is one). */
  allowInternalHosts(): boolean;
}

interface InFlight {
  promise: Promise<LocalFile>;
  controller: AbortController;
  waiters: number;
  listeners: Set<(received: number, total: number | null) => void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
};

/** The MIME type of a media file, from its format or its name's extension. */
export function contentTypeOf(fileName: string, format: string | null): string {
  const fromName = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  for (const ext of [...formatExtensions(format), fromName ?? '']) {
    const type = CONTENT_TYPES[ext];
    if (type) return type;
  }
  return 'application/octet-stream';
}

export class FetchedMediaFiles implements LocalMediaFiles {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly types = new Map<string, string>();

  constructor(private readonly options: FetchedMediaFilesOptions) {}

  /** Cache names: a hash of MediaId and file name, so nothing from the API shapes a path. */
  private pathOf(mediaId: string, fileName: string): string {
    const hash = createHash('sha256').update(`${mediaId}\0${fileName}`).digest('hex');
    return join(this.options.dir, hash.slice(0, 2), hash.slice(2, 40));
  }

  completedPath(mediaId: string, fileName: string): string | null {
    const path = this.pathOf(mediaId, fileName);
    return existsSync(path) ? path : null;
  }

  ensure(mediaId: string, fileName: string, options: EnsureOptions = {}): Promise<LocalFile> {
    const key = `${mediaId}\0${fileName}`;
    let flight = this.inFlight.get(key);
    // A transfer everyone gave up on is still winding down: start a new one.
    if (!flight || flight.controller.signal.aborted) {
      const controller = new AbortController();
      const listeners = new Set<(received: number, total: number | null) => void>();
      const promise = this.fetch(mediaId, fileName, controller.signal, (r, t) => {
        for (const listener of listeners) listener(r, t);
      }).finally(() => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      });
      flight = { promise, controller, waiters: 0, listeners };
      this.inFlight.set(key, flight);
      promise.catch(() => undefined);
    }
    return this.wait(flight, options);
  }

  /** One caller's wait: its cancel ends the transfer only when nobody else waits for it. */
  private wait(flight: InFlight, options: EnsureOptions): Promise<LocalFile> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(cancelled());
    flight.waiters += 1;
    if (onProgress) flight.listeners.add(onProgress);
    return new Promise<LocalFile>((resolve, reject) => {
      const leave = (): void => {
        flight.waiters -= 1;
        if (onProgress) flight.listeners.delete(onProgress);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        leave();
        if (flight.waiters === 0) flight.controller.abort();
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (file) => {
          leave();
          resolve(file);
        },
        (error: unknown) => {
          leave();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private async fetch(
    mediaId: string,
    fileName: string,
    signal: AbortSignal,
    onProgress: (received: number, total: number | null) => void,
  ): Promise<LocalFile> {
    const path = this.pathOf(mediaId, fileName);
    const existing = await stat(path).catch(() => null);
    if (existing) {
      return {
        path,
        size: existing.size,
        contentType: this.types.get(path) ?? 'application/octet-stream',
      };
    }
    for (let attempt = 0; ; attempt++) {
      const file = await this.options.resolveFile(mediaId, fileName, attempt > 0);
      const contentType = contentTypeOf(file.fileName, file.formatName);
      this.types.set(path, contentType);
      try {
        const result = await downloadFile({
          url: file.url,
          dir: dirname(path),
          // A hex name without extension: mediaFileName leaves it as it is.
          fileName: basename(path),
          expectedSize: file.fileSize,
          ifExists: 'fail',
          allowInternalHosts: this.options.allowInternalHosts(),
          signal,
          onProgress: (p) => onProgress(p.bytes, p.total),
        });
        return { path: result.path, size: result.bytes, contentType };
      } catch (error) {
        // Fetched meanwhile by another process: the file is there and complete.
        if (error instanceof AppError && error.code === 'FILE_EXISTS') {
          return { path, size: (await stat(path)).size, contentType };
        }
        // A link that expired since it was listed: one fresh GetPublicMediaInfo, one more try.
        if (attempt === 0 && error instanceof AppError && error.code === 'URL_EXPIRED') continue;
        throw error;
      }
    }
  }
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The download was cancelled.');
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
