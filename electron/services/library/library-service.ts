// Holds the library source the app currently reads from and answers the browsing requests.
// The active library may still be starting (the demo server generates its media on first run):
// requests wait for it, so the window can open at once and show its loading state meanwhile.
// Switching source closes the previous client so its kept-alive connections do not linger.

import type {
  BusinessType,
  LibrarySource,
  ListMediaQuery,
  MediaItem,
  MediaPage,
  MediaTag,
} from '../../../shared/domain';
import type { IceLibraryApi } from '../ice/ice-api';
import { isInternalHost } from '../ice/url-safety';

export interface ActiveLibrary {
  source: LibrarySource;
  api: IceLibraryApi;
  /** The account source's AccessKey ID (never sent to the renderer). */
  accessKeyId?: string;
}

export class LibraryService {
  private active: Promise<ActiveLibrary>;

  constructor(initial: Promise<ActiveLibrary>) {
    this.active = initial;
    // A failed start reaches whoever asks next; it must not also go unhandled.
    initial.catch(() => undefined);
  }

  async source(): Promise<LibrarySource> {
    return (await this.active).source;
  }

  use(next: ActiveLibrary): void {
    const previous = this.active;
    this.active = Promise.resolve(next);
    void previous.then(
      (old) => {
        if (old.api !== next.api) old.api.close?.();
      },
      () => undefined,
    );
  }

  async listTags(businessType: BusinessType): Promise<MediaTag[]> {
    return (await this.active).api.listAllPublicMediaTags(businessType);
  }

  async listMedia(query: ListMediaQuery): Promise<MediaPage> {
    return (await this.active).api.listPublicMediaBasicInfos({
      ...query,
      includeFileBasicInfo: true,
    });
  }

  async getMedia(mediaId: string, signal?: AbortSignal): Promise<MediaItem> {
    return (await this.active).api.getPublicMediaInfo(mediaId, signal ? { signal } : {});
  }

  /** True when the active library lives on a loopback or private host (the demo server). */
  async isInternal(): Promise<boolean> {
    const { source } = await this.active;
    if (source.kind === 'demo') return true;
    try {
      return isInternalHost(new URL(`http://${source.endpoint}`).hostname);
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const current = await this.active.catch(() => null);
    current?.api.close?.();
  }
}
