// One plain media item for renderer tests: every field the domain type requires, empty.

import type { MediaItem } from '../../shared/domain';

export function mediaItem(mediaId: string, patch: Partial<MediaItem> = {}): MediaItem {
  return {
    mediaId,
    title: mediaId,
    description: null,
    businessType: 'sticker',
    mediaType: null,
    tags: [],
    coverUrl: null,
    category: null,
    source: null,
    status: null,
    createTime: null,
    modifiedTime: null,
    files: [],
    ...patch,
  };
}
