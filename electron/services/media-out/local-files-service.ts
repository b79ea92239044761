// Gets items' primary files local ahead of a drag: on selection (any size) and on hover after a
// pause (only files up to HOVER_LIMIT_BYTES), reporting each item's state as events, so a tile
// shows progress until its file is ready and the drag then works at once.

import { primaryFile } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { LocalFileState } from '../../../shared/media-out';
import { COVER_FILE_NAME } from './drag-out';
import type { LocalMediaFiles } from './local-media-files';
import type { MediaDirectory } from './media-directory';

/**
 * Hover fetches only files up to this size. A hover is a weak signal: most never become a drag.
 * Stickers and backgrounds are well under 5 MB and a typical music track (3-5 minutes of MP3 at
 * 320 kbps) is 7-12 MB, so 32 MB covers almost everything while a long WAV or a video (hundreds
 * of MB) is fetched only when the user selects it.
 */
export const HOVER_LIMIT_BYTES = 32 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 150;

export interface LocalFilesServiceOptions {
  files: LocalMediaFiles;
  directory: MediaDirectory;
  emit(state: LocalFileState): void;
}

export class LocalFilesService {
  private readonly states = new Map<string, LocalFileState>();

  constructor(private readonly options: LocalFilesServiceOptions) {}

  /** Starts what is missing; answers every item's state now, without waiting for transfers. */
  async prepare(
    mediaIds: readonly string[],
    reason: 'hover' | 'selection',
  ): Promise<LocalFileState[]> {
    return Promise.all(mediaIds.map((mediaId) => this.prepareOne(mediaId, reason)));
  }

  private async prepareOne(
    mediaId: string,
    reason: 'hover' | 'selection',
  ): Promise<LocalFileState> {
    const current = this.states.get(mediaId);
    if (current?.state === 'fetching') return current;
    let item;
    try {
      item = await this.options.directory.item(mediaId);
    } catch (error) {
      return this.set({ mediaId, state: 'failed', error: toData(error) });
    }
    const file = primaryFile(item);
    if (!file || file.url === '') {
      return this.set({
        mediaId,
        state: 'failed',
        error: { code: 'NOT_FOUND', message: `The media ${mediaId} has no file.` },
      });
    }
    if (this.options.files.completedPath(mediaId, file.fileName) !== null) {
      return this.set({ mediaId, state: 'ready', size: file.fileSize ?? 0 });
    }
    if (reason === 'hover' && (file.fileSize ?? 0) > HOVER_LIMIT_BYTES) {
      return this.set({ mediaId, state: 'deferred', size: file.fileSize ?? 0 });
    }
    const fetching = this.set({
      mediaId,
      state: 'fetching',
      received: 0,
      total: file.fileSize,
    });
    let last = 0;
    void this.options.files
      .ensure(mediaId, file.fileName, {
        onProgress: (received, total) => {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          this.set({ mediaId, state: 'fetching', received, total });
        },
      })
      .then(
        async (local) => {
          // The cover makes the drag icon of audio; a missing one only means the bundled icon.
          if (item.coverUrl) {
            await this.options.files.ensure(mediaId, COVER_FILE_NAME).catch(() => undefined);
          }
          this.set({ mediaId, state: 'ready', size: local.size });
        },
        (error: unknown) => {
          this.set({ mediaId, state: 'failed', error: toData(error) });
        },
      );
    return fetching;
  }

  private set(state: LocalFileState): LocalFileState {
    this.states.set(state.mediaId, state);
    this.options.emit(state);
    return state;
  }

  forgetAll(): void {
    this.states.clear();
  }
}

function toData(error: unknown) {
  return error instanceof AppError
    ? error.toData()
    : { code: 'INTERNAL' as const, message: 'The file could not be fetched.' };
}
