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
  getCatalogueStatus: 'catalogue:get-status',
  syncCatalogue: 'catalogue:sync',
  searchCatalogue: 'catalogue:search',
  getCatalogueItems: 'catalogue:get-items',
  listFavourites: 'catalogue:list-favourites',
  setFavourite: 'catalogue:set-favourite',
  getWaveform: 'media:get-waveform',
} as const;

export const EVENT_CHANNELS = {
  onLibrarySourceChanged: 'library:source-changed',
  onAccountChanged: 'account:changed',
  onCatalogueStatus: 'catalogue:status',
} as const;

export type RequestName = keyof typeof REQUEST_CHANNELS;
export type EventName = keyof typeof EVENT_CHANNELS;

export const REQUEST_NAMES = Object.keys(REQUEST_CHANNELS) as RequestName[];
export const EVENT_NAMES = Object.keys(EVENT_CHANNELS) as EventName[];
export const REQUEST_CHANNEL_NAMES: readonly string[] = Object.values(REQUEST_CHANNELS);

/** The name under which the bridge object appears on window. */
export const BRIDGE_GLOBAL = 'iceApi';
