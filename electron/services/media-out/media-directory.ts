// The media items the app has listed, by MediaId, so getting a file out (drag, download, copy)
// needs no second API call and the drag's synchronous path can name files at once. An item not
// seen yet, or one whose links have expired, is fetched fresh with GetPublicMediaInfo.

import { primaryFile } from '../../../shared/domain';
import type { MediaFile, MediaItem } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';

/** Items kept: a long scroll through the whole library is a few thousand. */
const MAX_ITEMS = 10_000;

export interface MediaDirectoryOptions {
  /** GetPublicMediaInfo on the active source. */
  fetchItem(mediaId: string): Promise<MediaItem>;
}

export class MediaDirectory {
  private readonly items = new Map<string, MediaItem>();

  constructor(private readonly options: MediaDirectoryOptions) {}

  remember(items: readonly MediaItem[]): void {
    for (const item of items) {
      this.items.delete(item.mediaId);
      this.items.set(item.mediaId, item);
    }
    // A Map iterates in insertion order: the oldest go first.
    for (const key of this.items.keys()) {
      if (this.items.size <= MAX_ITEMS) break;
      this.items.delete(key);
    }
  }

  /** After a source switch the old source's items (and links) no longer apply. */
  forgetAll(): void {
    this.items.clear();
  }

  /** The item if it has been listed, without waiting. */
  known(mediaId: string): MediaItem | undefined {
    return this.items.get(mediaId);
  }

  /** The item, from the listing or (fresh=true, or never listed) from the service. */
  async item(mediaId: string, fresh = false): Promise<MediaItem> {
    const cached = fresh ? undefined : this.items.get(mediaId);
    if (cached) return cached;
    const item = await this.options.fetchItem(mediaId);
    this.remember([item]);
    return item;
  }

  /** The file of `mediaId` named `fileName` (or the primary file when fileName is null). */
  async file(mediaId: string, fileName: string | null, fresh = false): Promise<MediaFile> {
    const item = await this.item(mediaId, fresh);
    const file =
      fileName === null ? primaryFile(item) : item.files.find((f) => f.fileName === fileName);
    if (!file || file.url === '') {
      throw new AppError('NOT_FOUND', `The media ${mediaId} has no file to get.`);
    }
    return file;
  }
}
