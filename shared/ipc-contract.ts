// The one IPC contract. The preload bridge, the main-process router and the renderer's API are
// all typed from these two tables, so a channel missing on one side fails to compile.
// Request payloads carry a zod schema that the main process checks at run time; responses and
// events are typed only (main-process data is trusted by the renderer, not the other way round).

import { z } from 'zod';
import {
  BUSINESS_TYPES,
  LIBRARY_SOURCE_KINDS,
  MAX_MEDIA_CACHE_LIMIT,
  MIN_MEDIA_CACHE_LIMIT,
} from './domain';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES } from './account';
import type { LibrarySource, MediaCacheStatus, MediaItem, MediaPage, MediaTag } from './domain';
import type {
  AccountFieldErrors,
  AccountSaveResult,
  AccountStatus,
  AppSettings,
  ConnectionTestResult,
  SettingsSnapshot,
} from './account';
import type { Result } from './errors';
import type {
  CopyFileResult,
  DownloadsSnapshot,
  LocalFileState,
  StartDownloadsResult,
} from './media-out';
import type { CatalogueStatus, SearchResult, WaveformPeaks } from './catalogue';
import type { FavouriteSyncStatus } from './favourite-sync';
import { IMAGE_SIZES, ORIENTATIONS, SEARCH_SORTS, SEARCH_TEXT_MAX } from './catalogue';
import { EVENT_CHANNELS, REQUEST_CHANNELS, SEND_CHANNELS } from './ipc-channels';
import type { EventName, RequestName, SendName } from './ipc-channels';

export {
  BRIDGE_GLOBAL,
  EVENT_NAMES,
  REQUEST_CHANNEL_NAMES,
  REQUEST_NAMES,
  EVENT_CHANNELS,
  REQUEST_CHANNELS,
  SEND_CHANNELS,
  SEND_CHANNEL_NAMES,
  SEND_NAMES,
} from './ipc-channels';
export type { EventName, RequestName, SendName } from './ipc-channels';

/** A type-only marker: carries T for inference, nothing at run time. */
export interface Phantom<T> {
  readonly __type?: T;
}
function phantom<T>(): Phantom<T> {
  return {};
}

const businessType = z.enum(BUSINESS_TYPES);
const mediaId = z.string().min(1).max(128);
const tagId = z.string().min(1).max(64);
/** A batch as large as a designer selects: every loaded item of a long scroll. */
const mediaIds = z.array(mediaId).min(1).max(1000);
const downloadId = z.string().min(1).max(64);

// The secret and token are bounded here; their content is checked by the account service.
const accountForm = z.strictObject({
  accessKeyId: z.string().max(128),
  accessKeySecret: z.string().max(256),
  securityToken: z.string().max(16_384).nullable().optional(),
  region: z.string().max(32),
  endpoint: z.string().max(2048).nullable().optional(),
  signatureMethod: z.string().max(8),
});

const seconds = z.number().min(0).max(86_400);
const searchQuery = z.strictObject({
  text: z.string().max(SEARCH_TEXT_MAX),
  businessType: businessType.optional(),
  tagIds: z.array(tagId).max(64).optional(),
  formats: z.array(z.string().min(1).max(16)).max(32).optional(),
  minDuration: seconds.optional(),
  maxDuration: seconds.optional(),
  orientations: z.array(z.enum(ORIENTATIONS)).max(3).optional(),
  imageSizes: z.array(z.enum(IMAGE_SIZES)).max(3).optional(),
  animatedOnly: z.boolean().optional(),
  favouritesOnly: z.boolean().optional(),
  sort: z.enum(SEARCH_SORTS).optional(),
});

export interface AppInfo {
  version: string;
  platform: string;
  /** True when running in the browser preview (development tool), not Electron. */
  browserPreview: boolean;
}

export const requestChannels = {
  getAppInfo: {
    channel: REQUEST_CHANNELS.getAppInfo,
    request: z.undefined(),
    response: phantom<AppInfo>(),
  },
  getLibrarySource: {
    channel: REQUEST_CHANNELS.getLibrarySource,
    request: z.undefined(),
    response: phantom<LibrarySource>(),
  },
  listTags: {
    channel: REQUEST_CHANNELS.listTags,
    request: z.strictObject({ businessType }),
    response: phantom<MediaTag[]>(),
  },
  listMedia: {
    channel: REQUEST_CHANNELS.listMedia,
    request: z.strictObject({
      businessType,
      mediaTagId: tagId.optional(),
      pageNo: z.number().int().min(1).max(100_000),
      pageSize: z.number().int().min(1).max(100),
    }),
    response: phantom<MediaPage>(),
  },
  getMedia: {
    channel: REQUEST_CHANNELS.getMedia,
    request: z.strictObject({ mediaId }),
    response: phantom<MediaItem>(),
  },
  setLibrarySource: {
    channel: REQUEST_CHANNELS.setLibrarySource,
    request: z.strictObject({ kind: z.enum(LIBRARY_SOURCE_KINDS) }),
    response: phantom<LibrarySource>(),
  },
  getAccountStatus: {
    channel: REQUEST_CHANNELS.getAccountStatus,
    request: z.undefined(),
    response: phantom<AccountStatus>(),
  },
  validateAccount: {
    channel: REQUEST_CHANNELS.validateAccount,
    request: accountForm,
    response: phantom<AccountFieldErrors>(),
  },
  testAccount: {
    channel: REQUEST_CHANNELS.testAccount,
    request: accountForm,
    response: phantom<ConnectionTestResult>(),
  },
  saveAccount: {
    channel: REQUEST_CHANNELS.saveAccount,
    request: z.strictObject({ form: accountForm, sessionOnly: z.boolean().optional() }),
    response: phantom<AccountSaveResult>(),
  },
  clearAccount: {
    channel: REQUEST_CHANNELS.clearAccount,
    request: z.undefined(),
    response: phantom<AccountStatus>(),
  },
  getSettings: {
    channel: REQUEST_CHANNELS.getSettings,
    request: z.undefined(),
    response: phantom<SettingsSnapshot>(),
  },
  updateSettings: {
    channel: REQUEST_CHANNELS.updateSettings,
    request: z.strictObject({
      language: z.enum(LANGUAGE_PREFERENCES).optional(),
      theme: z.enum(THEME_PREFERENCES).optional(),
      mediaCacheLimitBytes: z
        .number()
        .int()
        .min(MIN_MEDIA_CACHE_LIMIT)
        .max(MAX_MEDIA_CACHE_LIMIT)
        .optional(),
      /** Back to the default download folder; another folder is set only by the picker. */
      downloadFolder: z.null().optional(),
    }),
    response: phantom<AppSettings>(),
  },
  openExternal: {
    channel: REQUEST_CHANNELS.openExternal,
    request: z.strictObject({ url: z.string().min(1).max(2048) }),
    response: phantom<void>(),
  },
  getMediaCacheStatus: {
    channel: REQUEST_CHANNELS.getMediaCacheStatus,
    request: z.undefined(),
    response: phantom<MediaCacheStatus>(),
  },
  clearMediaCache: {
    channel: REQUEST_CHANNELS.clearMediaCache,
    request: z.undefined(),
    response: phantom<MediaCacheStatus>(),
  },
  openMediaCacheFolder: {
    channel: REQUEST_CHANNELS.openMediaCacheFolder,
    request: z.undefined(),
    response: phantom<void>(),
  },
  startDownloads: {
    channel: REQUEST_CHANNELS.startDownloads,
    /** saveTo: ask for a folder this once ("Save to…") instead of the download folder. */
    request: z.strictObject({ mediaIds, saveTo: z.boolean().optional() }),
    response: phantom<StartDownloadsResult>(),
  },
  getDownloads: {
    channel: REQUEST_CHANNELS.getDownloads,
    request: z.undefined(),
    response: phantom<DownloadsSnapshot>(),
  },
  cancelDownload: {
    channel: REQUEST_CHANNELS.cancelDownload,
    request: z.strictObject({ id: downloadId }),
    response: phantom<DownloadsSnapshot>(),
  },
  retryDownload: {
    channel: REQUEST_CHANNELS.retryDownload,
    request: z.strictObject({ id: downloadId }),
    response: phantom<DownloadsSnapshot>(),
  },
  clearDownloadHistory: {
    channel: REQUEST_CHANNELS.clearDownloadHistory,
    request: z.undefined(),
    response: phantom<DownloadsSnapshot>(),
  },
  showDownloadInFolder: {
    channel: REQUEST_CHANNELS.showDownloadInFolder,
    request: z.strictObject({ id: downloadId }),
    response: phantom<void>(),
  },
  openDownload: {
    channel: REQUEST_CHANNELS.openDownload,
    request: z.strictObject({ id: downloadId }),
    response: phantom<void>(),
  },
  chooseDownloadFolder: {
    channel: REQUEST_CHANNELS.chooseDownloadFolder,
    request: z.undefined(),
    response: phantom<DownloadsSnapshot>(),
  },
  prepareLocalFiles: {
    channel: REQUEST_CHANNELS.prepareLocalFiles,
    /** 'hover' skips files over the hover size limit; 'selection' fetches any size. */
    request: z.strictObject({ mediaIds, reason: z.enum(['hover', 'selection']) }),
    response: phantom<LocalFileState[]>(),
  },
  copyFile: {
    channel: REQUEST_CHANNELS.copyFile,
    request: z.strictObject({ mediaId }),
    response: phantom<CopyFileResult>(),
  },
  showContextMenu: {
    channel: REQUEST_CHANNELS.showContextMenu,
    /** Null answer: no native menu here (the page shows its own) or nothing was chosen. */
    request: z.strictObject({
      entries: z
        .array(
          z.strictObject({
            id: z.string().min(1).max(64),
            label: z.string().min(1).max(200),
            enabled: z.boolean(),
            separatorBefore: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(20),
    }),
    response: phantom<{ native: boolean; chosen: string | null }>(),
  },
  getCatalogueStatus: {
    channel: REQUEST_CHANNELS.getCatalogueStatus,
    request: z.undefined(),
    response: phantom<CatalogueStatus>(),
  },
  syncCatalogue: {
    channel: REQUEST_CHANNELS.syncCatalogue,
    request: z.undefined(),
    response: phantom<CatalogueStatus>(),
  },
  searchCatalogue: {
    channel: REQUEST_CHANNELS.searchCatalogue,
    request: searchQuery,
    response: phantom<SearchResult>(),
  },
  getCatalogueItems: {
    channel: REQUEST_CHANNELS.getCatalogueItems,
    request: z.strictObject({ mediaIds: z.array(mediaId).max(500) }),
    response: phantom<MediaItem[]>(),
  },
  listFavourites: {
    channel: REQUEST_CHANNELS.listFavourites,
    request: z.undefined(),
    response: phantom<string[]>(),
  },
  setFavourite: {
    channel: REQUEST_CHANNELS.setFavourite,
    request: z.strictObject({ mediaId, favourite: z.boolean() }),
    response: phantom<string[]>(),
  },
  getFavouriteSync: {
    channel: REQUEST_CHANNELS.getFavouriteSync,
    request: z.undefined(),
    response: phantom<FavouriteSyncStatus>(),
  },
  setFavouriteSync: {
    channel: REQUEST_CHANNELS.setFavouriteSync,
    request: z.strictObject({ enabled: z.boolean() }),
    response: phantom<FavouriteSyncStatus>(),
  },
  retryFavouriteSync: {
    channel: REQUEST_CHANNELS.retryFavouriteSync,
    request: z.undefined(),
    response: phantom<FavouriteSyncStatus>(),
  },
  getWaveform: {
    channel: REQUEST_CHANNELS.getWaveform,
    request: z.strictObject({ mediaId }),
    response: phantom<WaveformPeaks>(),
  },
} as const satisfies Record<
  RequestName,
  { channel: string; request: z.ZodType; response: unknown }
>;

export const sendChannels = {
  startDrag: {
    channel: SEND_CHANNELS.startDrag,
    request: z.strictObject({ mediaIds: z.array(mediaId).min(1).max(100) }),
  },
} as const satisfies Record<SendName, { channel: string; request: z.ZodType }>;

export const eventChannels = {
  onLibrarySourceChanged: {
    channel: EVENT_CHANNELS.onLibrarySourceChanged,
    payload: phantom<LibrarySource>(),
  },
  onAccountChanged: {
    channel: EVENT_CHANNELS.onAccountChanged,
    payload: phantom<AccountStatus>(),
  },
  onMediaCacheStatus: {
    channel: EVENT_CHANNELS.onMediaCacheStatus,
    payload: phantom<MediaCacheStatus>(),
  },
  onDownloadsChanged: {
    channel: EVENT_CHANNELS.onDownloadsChanged,
    payload: phantom<DownloadsSnapshot>(),
  },
  onLocalFileChanged: {
    channel: EVENT_CHANNELS.onLocalFileChanged,
    payload: phantom<LocalFileState>(),
  },
  onCatalogueStatus: {
    channel: EVENT_CHANNELS.onCatalogueStatus,
    payload: phantom<CatalogueStatus>(),
  },
  onFavouriteSyncStatus: {
    channel: EVENT_CHANNELS.onFavouriteSyncStatus,
    payload: phantom<FavouriteSyncStatus>(),
  },
  /** The favourites after favourites sync changed them (newest first). */
  onFavouritesChanged: {
    channel: EVENT_CHANNELS.onFavouritesChanged,
    payload: phantom<string[]>(),
  },
} as const satisfies Record<EventName, { channel: string; payload: unknown }>;

type RequestDefs = typeof requestChannels;
type SendDefs = typeof sendChannels;
type EventDefs = typeof eventChannels;

/** What the renderer passes (schema input). */
export type RequestPayload<K extends RequestName> = z.input<RequestDefs[K]['request']>;
/** What a handler receives after validation (schema output). */
export type ValidatedPayload<K extends RequestName> = z.output<RequestDefs[K]['request']>;
export type ResponseValue<K extends RequestName> =
  RequestDefs[K]['response'] extends Phantom<infer T> ? T : never;
export type EventPayload<E extends EventName> =
  EventDefs[E]['payload'] extends Phantom<infer T> ? T : never;

export type SendPayload<S extends SendName> = z.input<SendDefs[S]['request']>;
export type ValidatedSendPayload<S extends SendName> = z.output<SendDefs[S]['request']>;
/** A one-way message: returns at once, nothing answers. */
export type SendMethod<S extends SendName> = (payload: SendPayload<S>) => void;

export type RequestMethod<K extends RequestName> = [RequestPayload<K>] extends [undefined]
  ? () => Promise<Result<ResponseValue<K>>>
  : (payload: RequestPayload<K>) => Promise<Result<ResponseValue<K>>>;

export type EventMethod<E extends EventName> = (
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/** The object the preload exposes to the page (window.iceApi). Named methods only. */
export type BridgeApi = { [K in RequestName]: RequestMethod<K> } & {
  [E in EventName]: EventMethod<E>;
} & { [S in SendName]: SendMethod<S> };
