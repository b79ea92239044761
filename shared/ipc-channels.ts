// The channel names of the IPC contract, without any schema code, so the sandboxed preload can
// import them without evaluating zod. shared/ipc-contract.ts checks at compile time that its
// tables have exactly these keys.

export const REQUEST_CHANNELS = {
  getAppInfo: 'app:get-info',
  getLibrarySource: 'library:get-source',
  listTags: 'library:list-tags',
  listMedia: 'library:list-media',
  getMedia: 'library:get-media',
  setLibrarySource: 'library:set-source',
  getAccountStatus: 'account:get-status',
  validateAccount: 'account:validate',
  testAccount: 'account:test',
  saveAccount: 'account:save',
  clearAccount: 'account:clear',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  openExternal: 'shell:open-external',
  getMediaCacheStatus: 'media-cache:get-status',
  clearMediaCache: 'media-cache:clear',
  openMediaCacheFolder: 'media-cache:open-folder',
  startDownloads: 'downloads:start',
  getDownloads: 'downloads:get',
  cancelDownload: 'downloads:cancel',
  retryDownload: 'downloads:retry',
  clearDownloadHistory: 'downloads:clear-history',
  showDownloadInFolder: 'downloads:show-in-folder',
  openDownload: 'downloads:open',
  chooseDownloadFolder: 'downloads:choose-folder',
  prepareLocalFiles: 'media-out:prepare',
  copyFile: 'media-out:copy-file',
  showContextMenu: 'media-out:context-menu',
  getCatalogueStatus: 'catalogue:get-status',
  syncCatalogue: 'catalogue:sync',
  searchCatalogue: 'catalogue:search',
  getCatalogueItems: 'catalogue:get-items',
  listFavourites: 'catalogue:list-favourites',
  setFavourite: 'catalogue:set-favourite',
  getFavouriteSync: 'favourite-sync:get',
  setFavouriteSync: 'favourite-sync:set',
  retryFavouriteSync: 'favourite-sync:retry',
  getWaveform: 'media:get-waveform',
} as const;

export const EVENT_CHANNELS = {
  onLibrarySourceChanged: 'library:source-changed',
  onAccountChanged: 'account:changed',
  onCatalogueStatus: 'catalogue:status',
  onFavouriteSyncStatus: 'favourite-sync:status',
  onFavouritesChanged: 'catalogue:favourites-changed',
  onMediaCacheStatus: 'media-cache:status',
  onDownloadsChanged: 'downloads:changed',
  onLocalFileChanged: 'media-out:local-file-changed',
} as const;

/**
 * One-way messages (ipcRenderer.send): nothing is awaited and nothing answers. Drag-out needs
 * this: the main process must call startDrag while the page's dragstart is still running.
 */
export const SEND_CHANNELS = {
  startDrag: 'media-out:start-drag',
} as const;

export type RequestName = keyof typeof REQUEST_CHANNELS;
export type EventName = keyof typeof EVENT_CHANNELS;
export type SendName = keyof typeof SEND_CHANNELS;

export const REQUEST_NAMES = Object.keys(REQUEST_CHANNELS) as RequestName[];
export const EVENT_NAMES = Object.keys(EVENT_CHANNELS) as EventName[];
export const REQUEST_CHANNEL_NAMES: readonly string[] = Object.values(REQUEST_CHANNELS);
export const SEND_NAMES = Object.keys(SEND_CHANNELS) as SendName[];
export const SEND_CHANNEL_NAMES: readonly string[] = Object.values(SEND_CHANNELS);

/** The name under which the bridge object appears on window. */
export const BRIDGE_GLOBAL = 'iceApi';
