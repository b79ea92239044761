// The operations of ICE's public media library that the app uses, as the rest of the main
// process sees them. The signed got client implements this; tests may implement it in memory.

import type {
  BusinessType,
  ListMediaQuery,
  MediaItem,
  MediaPage,
  MediaTag,
} from '../../../shared/domain';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface IceLibraryApi {
  listPublicMediaBasicInfos(query: ListMediaQuery, options?: CallOptions): Promise<MediaPage>;
  /** Falls back to the documented tags when the call fails or returns nothing. */
  listAllPublicMediaTags(businessType?: BusinessType, options?: CallOptions): Promise<MediaTag[]>;
  getPublicMediaInfo(mediaId: string, options?: CallOptions): Promise<MediaItem>;
  /** The server's clock minus ours in ms, once learnt from a clock-skew answer; else 0. */
  readonly clockOffsetMs?: number;
  /** Releases kept-alive connections; the API is not used afterwards. */
  close?(): void;
}
