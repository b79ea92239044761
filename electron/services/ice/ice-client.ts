// The ICE public-library client: the three operations of IceLibraryApi plus listAllMedia, an
// async iterator over every page. PageNo-style listings learn TotalCount from page 1 and fetch
// the remaining pages concurrently, still yielding items in catalogue order.

import pLimit from 'p-limit';
import type {
  BusinessType,
  ListMediaQuery,
  MediaItem,
  MediaPage,
  MediaTag,
} from '../../../shared/domain';
import { isBusinessType } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { DOCUMENTED_TAGS, documentedTagsFor } from '../../../shared/tags';
import type { CallOptions, IceFavouritesApi, IceLibraryApi } from './ice-api';
import { createFavouriteCalls } from './favourite-calls';
import { createApiTransport } from './api-transport';
import type { RequestSlot, RetryConfig, SignatureMethod, TimeoutConfig } from './api-transport';
import type { AccessKeyCredentials } from './credentials';
import { resolveEndpoint } from './endpoint';
import type { EndpointConfig, ResolvedEndpoint } from './endpoint';
import {
  normalizeGetMediaResponse,
  normalizeListMediaResponse,
  normalizeTagsResponse,
} from './normalize';

export interface IceClientConfig {
  endpoint: EndpointConfig;
  /** Absent: anonymous, unsigned calls. */
  credentials?: AccessKeyCredentials;
  /** Default 'v3' (ACS3-HMAC-SHA256). */
  signatureMethod?: SignatureMethod;
  /** Default 'POST' with parameters in the query, as the official SDKs send RPC calls. */
  httpMethod?: 'GET' | 'POST';
  timeouts?: Partial<TimeoutConfig>;
  retry?: Partial<RetryConfig>;
  /** Local clock in ms since epoch; tests move it. Default Date.now. */
  clock?: () => number;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Pages fetched at once by listAllMedia, all listings together. Default 8. */
  listConcurrency?: number;
  /** Default 32 MiB. */
  maxResponseBytes?: number;
}

/** What crosses to a worker thread: the configuration without its functions. */
export type PortableIceClientConfig = Omit<IceClientConfig, 'clock' | 'random'>;

export interface ListAllOptions extends CallOptions {
  /** Called once with the listing's TotalCount (null when the service did not say). */
  onTotalCount?: (totalCount: number | null) => void;
  /**
   * What TotalCount probably is (the last listing's): that many pages are asked for together with
   * the first. A wrong guess costs only requests: the first page's total decides what is read.
   */
  expectedTotal?: number;
}

export interface IceClient extends IceLibraryApi, IceFavouritesApi {
  /** Every item matching the query, page after page, in order. Breaking out cancels the rest. */
  listAllMedia(query: ListMediaQuery, options?: ListAllOptions): AsyncIterable<MediaItem>;
  /** The same listing a page at a time (the items of each page, in order). */
  listAllMediaPages(
    query: ListMediaQuery,
    options?: ListAllOptions,
  ): AsyncIterable<readonly MediaItem[]>;
  /**
   * The configuration as plain data, to build the same client in a worker thread (the catalogue
   * sync lists there); null when it holds functions (a test's clock or jitter source).
   */
  readonly portableConfig: PortableIceClientConfig | null;
  readonly endpoint: ResolvedEndpoint;
  /** Server clock minus local clock, once learnt from a clock-skew answer; else 0. */
  readonly clockOffsetMs: number;
  /** Closes the keep-alive connections. */
  close(): void;
}

const DEFAULT_TIMEOUTS: TimeoutConfig = { connectMs: 10_000, responseMs: 20_000, totalMs: 60_000 };
const DEFAULT_RETRY: RetryConfig = {
  limit: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterSeconds: 30,
};
const PAGE_LIMIT = 100;

export function createIceClient(config: IceClientConfig): IceClient {
  const endpoint = resolveEndpoint(config.endpoint);
  const transport = createApiTransport({
    endpoint,
    ...(config.credentials ? { credentials: { ...config.credentials } } : {}),
    signatureMethod: config.signatureMethod ?? 'v3',
    httpMethod: config.httpMethod ?? 'POST',
    timeouts: { ...DEFAULT_TIMEOUTS, ...config.timeouts },
    retry: { ...DEFAULT_RETRY, ...config.retry },
    clock: config.clock ?? Date.now,
    random: config.random ?? Math.random,
    maxResponseBytes: config.maxResponseBytes ?? 32 * 1024 * 1024,
  });
  const normalizeContext = { allowInternalUrls: endpoint.internal };
  const concurrency = Math.max(1, Math.floor(config.listConcurrency ?? 8));
  // One limit for the whole client: listings that run side by side (a sync lists the three
  // business types at once, so the pipe never drains between them) share the page requests.
  // A page holds its place only while it is on the wire: its parsing and checking (a few ms of
  // CPU) overlap the next request's latency instead of adding to it.
  const pageLimit = pLimit(concurrency);
  const pageSlot: RequestSlot = () =>
    new Promise((granted) => {
      void pageLimit(() => new Promise<void>((release) => granted(release)));
    });

  async function listPage(
    query: ListMediaQuery,
    signal?: AbortSignal,
    slot?: RequestSlot,
  ): Promise<MediaPage> {
    const { body } = await transport.call(
      'ListPublicMediaBasicInfos',
      listParams(query),
      signal,
      slot,
    );
    return normalizeListMediaResponse(body, query, normalizeContext);
  }

  function listPublicMediaBasicInfos(
    query: ListMediaQuery,
    options: CallOptions = {},
  ): Promise<MediaPage> {
    return listPage(query, options.signal);
  }

  async function* listAllMedia(
    query: ListMediaQuery,
    options: ListAllOptions = {},
  ): AsyncGenerator<MediaItem> {
    for await (const items of listAllMediaPages(query, options)) yield* items;
  }

  async function* listAllMediaPages(
    query: ListMediaQuery,
    options: ListAllOptions = {},
  ): AsyncGenerator<readonly MediaItem[]> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted) stop();
    const signal = controller.signal;
    try {
      if (query.nextToken !== undefined || query.maxResults !== undefined) {
        yield* listByToken(query, signal, options.onTotalCount);
        return;
      }
      yield* listByPageNo(query, signal, options.onTotalCount, options.expectedTotal);
    } finally {
      // Stops the pages still in flight when the consumer breaks out early or a page fails.
      controller.abort();
      options.signal?.removeEventListener('abort', stop);
    }
  }

  async function* listByToken(
    query: ListMediaQuery,
    signal: AbortSignal,
    onTotalCount?: (totalCount: number | null) => void,
  ): AsyncGenerator<readonly MediaItem[]> {
    const seen = new Set<string>();
    let token = query.nextToken;
    const maxResults = query.maxResults ?? PAGE_LIMIT;
    for (;;) {
      const page = await listPublicMediaBasicInfos(
        { ...query, maxResults, ...(token ? { nextToken: token } : {}) },
        { signal },
      );
      if (seen.size === 0) onTotalCount?.(page.totalCount);
      yield page.items;
      if (page.nextToken === null || page.items.length === 0) return;
      if (seen.has(page.nextToken)) {
        throw new AppError('BAD_RESPONSE', 'The library service repeated a page token.');
      }
      seen.add(page.nextToken);
      token = page.nextToken;
    }
  }

  async function* listByPageNo(
    query: ListMediaQuery,
    signal: AbortSignal,
    onTotalCount?: (totalCount: number | null) => void,
    expectedTotal?: number,
  ): AsyncGenerator<readonly MediaItem[]> {
    const pageSize = query.pageSize ?? PAGE_LIMIT;
    const firstPageNo = query.pageNo ?? 1;
    const fetchPage = (pageNo: number) =>
      listPage({ ...query, pageNo, pageSize }, signal, pageSlot);
    // Pages fetched ahead of the consumer are bounded, so memory stays flat for huge catalogues.
    const window = concurrency * 2;
    const pending = new Map<number, Promise<MediaPage>>();
    // Until the first page tells the total, the caller's guess (the last listing's) says how
    // many pages to ask for with it: they go on the wire together, not one latency apart.
    let lastPageNo =
      expectedTotal !== undefined && expectedTotal > 0
        ? Math.max(firstPageNo, Math.ceil(expectedTotal / pageSize))
        : firstPageNo;
    let nextToSchedule = firstPageNo;
    const schedule = () => {
      while (nextToSchedule <= lastPageNo && pending.size < window) {
        const pageNo = nextToSchedule++;
        const promise = fetchPage(pageNo);
        // Awaited in order below; this only keeps an early failure from being "unhandled".
        promise.catch(() => undefined);
        pending.set(pageNo, promise);
      }
    };
    const take = (pageNo: number): Promise<MediaPage> => {
      const promise = pending.get(pageNo) ?? fetchPage(pageNo);
      pending.delete(pageNo);
      return promise;
    };

    schedule();
    const first = await take(firstPageNo);
    onTotalCount?.(first.totalCount);
    if (first.totalCount === null) {
      yield first.items;
      // Without a total, walk sequentially until a short page.
      let last = first;
      for (let pageNo = firstPageNo + 1; last.items.length >= pageSize; pageNo++) {
        last = await take(pageNo);
        yield last.items;
      }
      return;
    }
    // Pages asked for beyond the real last one are dropped (cancelled when the listing ends).
    lastPageNo = Math.ceil(first.totalCount / pageSize);
    // The next pages are asked for before the first one's items go out, so they are on the
    // wire while the consumer works (or while it has not started yet: see CatalogueService).
    schedule();
    yield first.items;
    for (let pageNo = firstPageNo + 1; pageNo <= lastPageNo; pageNo++) {
      schedule();
      const page = await take(pageNo);
      if (page.items.length === 0) return; // the catalogue shrank meanwhile
      yield page.items;
    }
  }

  async function listAllPublicMediaTags(
    businessType?: BusinessType,
    options: CallOptions = {},
  ): Promise<MediaTag[]> {
    const fallback = businessType ? documentedTagsFor(businessType) : [...DOCUMENTED_TAGS];
    try {
      const { body } = await transport.call(
        'ListAllPublicMediaTags',
        businessType ? { BusinessType: businessType } : {},
        options.signal,
      );
      const tags = normalizeTagsResponse(body, businessType);
      return tags.length > 0 ? tags : fallback;
    } catch (error) {
      if (error instanceof AppError && error.code === 'CANCELLED') throw error;
      return fallback;
    }
  }

  async function getPublicMediaInfo(
    mediaId: string,
    options: CallOptions = {},
  ): Promise<MediaItem> {
    if (typeof mediaId !== 'string' || mediaId.trim() === '' || mediaId.length > 128) {
      throw new AppError('INVALID_INPUT', 'A media id is required (at most 128 characters).');
    }
    const { body } = await transport.call(
      'GetPublicMediaInfo',
      { MediaId: mediaId },
      options.signal,
    );
    return normalizeGetMediaResponse(body, normalizeContext);
  }

  const { clock, random, ...portable } = config;
  return {
    listPublicMediaBasicInfos,
    listAllMedia,
    listAllMediaPages,
    portableConfig: clock === undefined && random === undefined ? portableCopy(portable) : null,
    listAllPublicMediaTags,
    getPublicMediaInfo,
    ...createFavouriteCalls(transport),
    endpoint,
    get clockOffsetMs() {
      return transport.clockOffsetMs;
    },
    close: () => transport.close(),
  };
}

function portableCopy(config: PortableIceClientConfig): PortableIceClientConfig | null {
  try {
    return structuredClone(config);
  } catch {
    return null; // something in it cannot cross a thread: the sync lists in this one
  }
}

/** The request parameters of ListPublicMediaBasicInfos, validated. */
export function listParams(query: ListMediaQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.businessType !== undefined) {
    if (!isBusinessType(query.businessType)) {
      throw new AppError('INVALID_INPUT', `Unknown business type "${String(query.businessType)}".`);
    }
    params.BusinessType = query.businessType;
  }
  if (query.mediaTagId !== undefined && query.mediaTagId !== '') {
    params.MediaTagId = query.mediaTagId;
  }
  if (query.nextToken !== undefined && query.nextToken !== '') params.NextToken = query.nextToken;
  if (query.maxResults !== undefined) {
    params.MaxResults = String(checkInt('maxResults', query.maxResults, 1, PAGE_LIMIT));
  }
  if (query.pageNo !== undefined) {
    params.PageNo = String(checkInt('pageNo', query.pageNo, 1, Number.MAX_SAFE_INTEGER));
  }
  if (query.pageSize !== undefined) {
    params.PageSize = String(checkInt('pageSize', query.pageSize, 1, PAGE_LIMIT));
  }
  if (query.includeFileBasicInfo !== undefined) {
    params.IncludeFileBasicInfo = query.includeFileBasicInfo ? 'true' : 'false';
  }
  return params;
}

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('INVALID_INPUT', `${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
