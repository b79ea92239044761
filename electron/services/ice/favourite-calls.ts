// The favourite-media calls of ICE's public library, over the same signed transport as the
// listing. What they send and answer was read from Alibaba's official TypeScript SDK
// (aliyun/alibabacloud-typescript-sdk, ice-20201109/src/models/, read at commits 32aa0a5f and
// 17770913: AddFavoritePublicMediaRequest.ts, CancelFavoritePublicMediaRequest.ts,
// SearchPublicMediaInfoRequest.ts and their *ResponseBody.ts) and from the Java/PHP/C++ clients of
// the same SDK, which send all three as RPC POST calls with the parameters in the query and
// authType "AK":
// - AddFavoritePublicMedia / CancelFavoritePublicMedia: MediaIds (string, ids separated by
//   commas); answer {RequestId, IgnoredList: string[]} (the API reference page
//   api-ice-2020-11-09-addfavoritepublicmedia: "the ids not favourited successfully").
// - SearchPublicMediaInfo: Authorized, Favorite (booleans), MediaIds, EntityId,
//   DynamicMetaDataMatchFields, SortBy (strings), PageNo, PageSize (integers); answer
//   {RequestId, TotalCount, PublicMediaInfos: [{Authorized, Favorite, RemainingAuthTime,
//   MediaInfo: {MediaId, MediaBasicInfo, DynamicMetaData}}]}.
// Neither the SDK nor the API reference documents a limit on the number of MediaIds or on
// PageSize. We send at most FAVOURITE_BATCH ids per call (a query well under common URL limits)
// and ask for FAVOURITE_PAGE_SIZE per page (the documented maximum of ICE's other Search* calls,
// e.g. SearchMediaByFace: "Maximum value: 50").

import { AppError } from '../../../shared/errors';
import type { ApiTransport } from './api-transport';
import type {
  CallOptions,
  FavouriteChangeResult,
  IceFavouritesApi,
  PublicMediaState,
  PublicMediaStatePage,
  SearchPublicMediaQuery,
} from './ice-api';
import { parseShape, toNumber } from './normalize';
import {
  favouriteChangeResponseSchema,
  searchPublicMediaInfoResponseSchema,
} from './response-schemas';

/** Ids per Add/Cancel call (no documented limit; see above). */
export const FAVOURITE_BATCH = 50;
/** Entries per SearchPublicMediaInfo page (no documented limit; see above). */
export const FAVOURITE_PAGE_SIZE = 50;
/** A favourites list longer than this many pages is taken as a service that never ends. */
const MAX_FAVOURITE_PAGES = 1000;

export function createFavouriteCalls(transport: ApiTransport): IceFavouritesApi {
  async function change(
    action: 'AddFavoritePublicMedia' | 'CancelFavoritePublicMedia',
    mediaIds: readonly string[],
    options: CallOptions,
  ): Promise<FavouriteChangeResult> {
    const ids = checkMediaIds(mediaIds);
    const ignored: string[] = [];
    for (let start = 0; start < ids.length; start += FAVOURITE_BATCH) {
      const batch = ids.slice(start, start + FAVOURITE_BATCH);
      const { body } = await transport.call(action, { MediaIds: batch.join(',') }, options.signal);
      const raw = parseShape(favouriteChangeResponseSchema, body);
      ignored.push(...(raw.IgnoredList ?? []));
    }
    return { ignored };
  }

  async function searchPublicMediaInfo(
    query: SearchPublicMediaQuery,
    options: CallOptions = {},
  ): Promise<PublicMediaStatePage> {
    const params: Record<string, string> = {};
    if (query.favourite !== undefined) params.Favorite = String(query.favourite);
    if (query.authorized !== undefined) params.Authorized = String(query.authorized);
    if (query.mediaIds !== undefined) {
      const ids = checkMediaIds(query.mediaIds);
      if (ids.length > FAVOURITE_BATCH) {
        throw new AppError(
          'INVALID_INPUT',
          `Ask for at most ${FAVOURITE_BATCH} media ids at once.`,
        );
      }
      if (ids.length > 0) params.MediaIds = ids.join(',');
    }
    if (query.pageNo !== undefined) params.PageNo = String(checkInt('pageNo', query.pageNo, 1e9));
    if (query.pageSize !== undefined) {
      params.PageSize = String(checkInt('pageSize', query.pageSize, FAVOURITE_PAGE_SIZE));
    }
    const { body } = await transport.call('SearchPublicMediaInfo', params, options.signal);
    const raw = parseShape(searchPublicMediaInfoResponseSchema, body);
    const items: PublicMediaState[] = [];
    for (const entry of raw.PublicMediaInfos ?? []) {
      const mediaId = entry.MediaInfo?.MediaId ?? entry.MediaInfo?.MediaBasicInfo?.MediaId ?? null;
      if (!mediaId) {
        throw new AppError(
          'BAD_RESPONSE',
          'The library service sent a response in an unexpected shape (PublicMediaInfos: an entry without MediaInfo.MediaId).',
        );
      }
      items.push({
        mediaId,
        favourite: flagOf(entry.Favorite),
        authorized: flagOf(entry.Authorized),
        remainingAuthDays: toNumber(entry.RemainingAuthTime),
      });
    }
    return { items, totalCount: toNumber(raw.TotalCount) };
  }

  async function listFavoritePublicMedia(options: CallOptions = {}): Promise<string[]> {
    const ids: string[] = [];
    const seen = new Set<string>();
    for (let pageNo = 1; pageNo <= MAX_FAVOURITE_PAGES; pageNo++) {
      const page = await searchPublicMediaInfo(
        { favourite: true, pageNo, pageSize: FAVOURITE_PAGE_SIZE },
        options,
      );
      let fresh = 0;
      for (const item of page.items) {
        // Favorite=true was the filter; an entry that says otherwise is not taken for one.
        if (item.favourite === false) continue;
        // A favourite added while we page shifts later pages: an id seen twice counts once.
        if (seen.has(item.mediaId)) continue;
        seen.add(item.mediaId);
        ids.push(item.mediaId);
        fresh += 1;
      }
      // A full page of nothing new: a service that ignores PageNo would otherwise be asked
      // again and again.
      if (pageNo > 1 && page.items.length > 0 && fresh === 0) {
        throw new AppError('BAD_RESPONSE', 'The library service repeated a page of favourites.');
      }
      const done =
        page.items.length < FAVOURITE_PAGE_SIZE ||
        (page.totalCount !== null && pageNo * FAVOURITE_PAGE_SIZE >= page.totalCount);
      if (done) return ids;
    }
    throw new AppError('BAD_RESPONSE', 'The library service listed favourites without end.');
  }

  return {
    addFavoritePublicMedia: (ids, options = {}) => change('AddFavoritePublicMedia', ids, options),
    cancelFavoritePublicMedia: (ids, options = {}) =>
      change('CancelFavoritePublicMedia', ids, options),
    searchPublicMediaInfo,
    listFavoritePublicMedia,
  };
}

function flagOf(value: boolean | 'true' | 'false' | null | undefined): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/** Non-empty, at most 128 characters, no comma (the separator), each id once. */
function checkMediaIds(mediaIds: readonly string[]): string[] {
  const unique = [...new Set(mediaIds)];
  for (const id of unique) {
    if (typeof id !== 'string' || id.trim() === '' || id.length > 128 || id.includes(',')) {
      throw new AppError(
        'INVALID_INPUT',
        'A media id is required (at most 128 characters, without commas).',
      );
    }
  }
  return unique;
}

function checkInt(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError('INVALID_INPUT', `${name} must be a whole number from 1 to ${max}.`);
  }
  return value;
}
