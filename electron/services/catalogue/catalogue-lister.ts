// What a sync needs from a library client: every item of a business type, a page at a time, and
// the tags. The got client's listAllMediaPages fetches pages concurrently (in a worker thread when
// the caller names the built worker: see worker-lister.ts); any other IceLibraryApi (an in-memory
// one in tests) is walked page by page.

import type { BusinessType, MediaItem, MediaTag } from '../../../shared/domain';
import type { IceLibraryApi } from '../ice/ice-api';
import type { IceClient, ListAllOptions } from '../ice/ice-client';
import { workerLister } from './worker-lister';
import type { ListingWorkerStarter } from './worker-lister';

export const SYNC_PAGE_SIZE = 100;

export interface CatalogueLister {
  /** The items of one business type, page after page (each page's items in order). */
  listType(
    businessType: BusinessType,
    options: ListAllOptions,
  ): AsyncIterable<readonly MediaItem[]>;
  listTags(businessType: BusinessType, signal: AbortSignal): Promise<MediaTag[]>;
  /** Releases what the lister holds (its worker thread); it is not used afterwards. */
  close?(): void;
}

type WithListAll = IceLibraryApi & Partial<Pick<IceClient, 'listAllMediaPages' | 'portableConfig'>>;

export interface ListerOptions {
  /**
   * Starts the listing worker: when given and the client can be rebuilt there, the pages are
   * fetched, parsed, checked and normalized in a worker thread, so a sync's CPU is shared by two
   * cores and this thread stays free for IPC.
   */
  worker?: ListingWorkerStarter;
}

export function listerFor(api: IceLibraryApi, options: ListerOptions = {}): CatalogueLister {
  const client = api as WithListAll;
  if (options.worker && client.portableConfig) {
    return workerLister(options.worker, client.portableConfig, api, SYNC_PAGE_SIZE);
  }
  return {
    listType(businessType, listOptions) {
      const query = { businessType, pageSize: SYNC_PAGE_SIZE, includeFileBasicInfo: true };
      if (client.listAllMediaPages) return client.listAllMediaPages(query, listOptions);
      return pageByPage(api, businessType, listOptions);
    },
    listTags: (businessType, signal) => api.listAllPublicMediaTags(businessType, { signal }),
  };
}

async function* pageByPage(
  api: IceLibraryApi,
  businessType: BusinessType,
  options: ListAllOptions,
): AsyncGenerator<readonly MediaItem[]> {
  for (let pageNo = 1; ; pageNo++) {
    const page = await api.listPublicMediaBasicInfos(
      { businessType, pageNo, pageSize: SYNC_PAGE_SIZE, includeFileBasicInfo: true },
      options.signal ? { signal: options.signal } : {},
    );
    if (pageNo === 1) options.onTotalCount?.(page.totalCount);
    yield page.items;
    const listed = (pageNo - 1) * SYNC_PAGE_SIZE + page.items.length;
    const more =
      page.totalCount !== null ? listed < page.totalCount : page.items.length >= SYNC_PAGE_SIZE;
    if (!more || page.items.length === 0) return;
  }
}

/** A listing already under way: its first page is asked for now, not when it is first read. */
export interface StartedListing extends AsyncIterable<readonly MediaItem[]> {
  /** Stops the listing (pages in flight are dropped); a listing read to its end is closed. */
  close(): Promise<void>;
}

export function startListing(listing: AsyncIterable<readonly MediaItem[]>): StartedListing {
  const iterator = listing[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<readonly MediaItem[]>> | null = iterator.next();
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
