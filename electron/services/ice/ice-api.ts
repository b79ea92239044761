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

/** What AddFavoritePublicMedia / CancelFavoritePublicMedia answered for a list of ids. */
export interface FavouriteChangeResult {
  /** Ids the service did not add (or remove): its IgnoredList, across every batch. */
  ignored: string[];
}

/** One entry of SearchPublicMediaInfo. */
export interface PublicMediaState {
  mediaId: string;
  /** null where the service left the field out. */
  favourite: boolean | null;
  authorized: boolean | null;
  /** Days left on the resource plan that covers it, when the service says. */
  remainingAuthDays: number | null;
}

export interface PublicMediaStatePage {
  items: PublicMediaState[];
  totalCount: number | null;
}

export interface SearchPublicMediaQuery {
  favourite?: boolean;
  authorized?: boolean;
  mediaIds?: readonly string[];
  pageNo?: number;
  pageSize?: number;
}

/**
 * The account-bound favourite-media calls of the public library (AccessKey-signed only; the
 * service refuses them unsigned).
 */
export interface IceFavouritesApi {
  addFavoritePublicMedia(
    mediaIds: readonly string[],
    options?: CallOptions,
  ): Promise<FavouriteChangeResult>;
  cancelFavoritePublicMedia(
    mediaIds: readonly string[],
    options?: CallOptions,
  ): Promise<FavouriteChangeResult>;
  searchPublicMediaInfo(
    query: SearchPublicMediaQuery,
    options?: CallOptions,
  ): Promise<PublicMediaStatePage>;
  /** Every id the account has favourited: SearchPublicMediaInfo with Favorite=true, all pages. */
  listFavoritePublicMedia(options?: CallOptions): Promise<string[]>;
}

export function hasFavouritesApi(api: object): api is IceFavouritesApi {
  return (
    typeof (api as Partial<IceFavouritesApi>).addFavoritePublicMedia === 'function' &&
    typeof (api as Partial<IceFavouritesApi>).cancelFavoritePublicMedia === 'function' &&
    typeof (api as Partial<IceFavouritesApi>).listFavoritePublicMedia === 'function'
  );
}
