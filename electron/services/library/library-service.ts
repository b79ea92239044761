// Holds the library source the app currently reads from and answers the browsing requests.
// Switching source closes the previous client so its kept-alive connections do not linger.

import type {
  LibrarySource,
  ListMediaQuery,
  MediaItem,
  MediaPage,
  MediaTag,
  BusinessType,
} from '../../../shared/domain';
import type { IceLibraryApi } from '../ice/ice-api';

export interface ActiveLibrary {
  source: LibrarySource;
  api: IceLibraryApi;
}

export class LibraryService {
  constructor(private active: ActiveLibrary) {}

  get source(): LibrarySource {
    return this.active.source;
  }

  use(active: ActiveLibrary): void {
    const previous = this.active;
    this.active = active;
    if (previous.api !== active.api) previous.api.close?.();
  }

  close(): void {
    this.active.api.close?.();
  }

  listTags(businessType: BusinessType): Promise<MediaTag[]> {
    return this.active.api.listAllPublicMediaTags(businessType);
  }

  listMedia(query: ListMediaQuery): Promise<MediaPage> {
    return this.active.api.listPublicMediaBasicInfos({ ...query, includeFileBasicInfo: true });
  }

  getMedia(mediaId: string): Promise<MediaItem> {
    return this.active.api.getPublicMediaInfo(mediaId);
  }
}
