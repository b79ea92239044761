// What a sync needs from a library client: every item of a business type, and the tags. The
// got client's listAllMedia fetches pages concurrently; any other IceLibraryApi (an in-memory
// one in tests) is walked page by page.

import type { BusinessType, MediaItem, MediaTag } from '../../../shared/domain';
import type { IceLibraryApi } from '../ice/ice-api';
import type { ListAllOptions } from '../ice/ice-client';

export const SYNC_PAGE_SIZE = 100;

export interface CatalogueLister {
  listType(businessType: BusinessType, options: ListAllOptions): AsyncIterable<MediaItem>;
  listTags(businessType: BusinessType, signal: AbortSignal): Promise<MediaTag[]>;
}

type WithListAll = IceLibraryApi & {
  listAllMedia?: (
    query: Parameters<IceLibraryApi['listPublicMediaBasicInfos']>[0],
    options?: ListAllOptions,
  ) => AsyncIterable<MediaItem>;
};

export function listerFor(api: IceLibraryApi): CatalogueLister {
  const client = api as WithListAll;
  return {
    listType(businessType, options) {
      const query = { businessType, pageSize: SYNC_PAGE_SIZE, includeFileBasicInfo: true };
      if (client.listAllMedia) return client.listAllMedia(query, options);
      return pageByPage(api, businessType, options);
    },
    listTags: (businessType, signal) => api.listAllPublicMediaTags(businessType, { signal }),
  };
}

async function* pageByPage(
  api: IceLibraryApi,
  businessType: BusinessType,
  options: ListAllOptions,
): AsyncGenerator<MediaItem> {
  for (let pageNo = 1; ; pageNo++) {
    const page = await api.listPublicMediaBasicInfos(
      { businessType, pageNo, pageSize: SYNC_PAGE_SIZE, includeFileBasicInfo: true },
      options.signal ? { signal: options.signal } : {},
    );
    if (pageNo === 1) options.onTotalCount?.(page.totalCount);
    yield* page.items;
    const listed = (pageNo - 1) * SYNC_PAGE_SIZE + page.items.length;
    const more =
      page.totalCount !== null ? listed < page.totalCount : page.items.length >= SYNC_PAGE_SIZE;
    if (!more || page.items.length === 0) return;
  }
}

/** A listing already under way: its first page is asked for now, not when it is first read. */
export interface StartedListing extends AsyncIterable<MediaItem> {
  /** Stops the listing (pages in flight are dropped); a listing read to its end is closed. */
  close(): Promise<void>;
}

export function startListing(listing: AsyncIterable<MediaItem>): StartedListing {
  const iterator = listing[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<MediaItem>> | null = iterator.next();
  // Read (and its failure reported) by the consumer; this only keeps an early failure of a
  // listing not yet read from being "unhandled".
  first.catch(() => undefined);
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const next = first ?? iterator.next();
        first = null;
        return next;
      },
    }),
    close: async () => {
      first = null;
      await iterator.return?.(undefined).catch(() => undefined);
    },
  };
}
