// Holds the library source the app currently reads from and answers the browsing requests.
// The source is the built-in demo server until an account is configured (a later issue adds the
// account and anonymous sources); the ICE client behind it is the same either way.

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
    this.active = active;
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
