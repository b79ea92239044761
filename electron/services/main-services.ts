// The composition root of the main process's services, free of Electron: the Electron shell and
// the browser preview both build exactly this and connect it to their own transport.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { createIceClient } from './ice/ice-client';
import { createIpcRouter } from './ipc/ipc-router';
import type { Handlers, IpcRouter, RouterLogger, SendHandlers } from './ipc/ipc-router';
import { DownloadHistory } from './downloads/download-history';
import { DownloadQueue } from './downloads/download-queue';
import { DragOut } from './media-out/drag-out';
import { cachedMediaFiles } from './media-out/local-media-files';
import type { LocalMediaFiles } from './media-out/local-media-files';
import { LocalFilesService } from './media-out/local-files-service';
import { MediaDirectory } from './media-out/media-directory';
import type { ShellActions } from './media-out/shell-actions';
import { EventHub } from './app/event-hub';
import { checkExternalUrl } from './app/external-url';
import { LibraryService } from './library/library-service';
import type { ActiveLibrary } from './library/library-service';
import { LibrarySources } from './library/library-sources';
import type { DemoLibraryServer } from './library/library-sources';
import { MediaCache } from './media-cache/media-cache';
import { respondWithMedia } from './media-cache/media-response';
import type { MediaRequestLike } from './media-cache/media-response';
import type { MediaTarget } from '../../shared/media-url';
import { AccountService } from './account/account-service';
import { CredentialVault } from './secrets/credential-vault';
import { KeytarStore } from './secrets/keytar-store';
import { keychainServiceName } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import { CatalogueService } from './catalogue/catalogue-service';
import { listerFor } from './catalogue/catalogue-lister';
import type { ListingWorkerStarter } from './catalogue/worker-lister';
import { FavouriteSync } from './catalogue/favourite-sync';
import { hasFavouritesApi } from './ice/ice-api';
import { WaveformService } from './waveform/waveform-service';
import { MAX_AUDIO_BYTES } from './waveform/waveform-service';
import type { MediaFileReader } from './waveform/waveform-service';
import type { LibrarySourceKind, MediaCacheStatus, MediaItem } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { AccountStatus } from '../../shared/account';

export interface MainServicesOptions {
  /** The app's data folder (Electron: app.getPath('userData')). */
  dataDir: string;
  appVersion: string;
  platform: string;
  /** Packaged builds and development builds keep their AccessKeys under different names. */
  isPackaged?: boolean;
  browserPreview: boolean;
  /** Opens an already-checked https URL in the system browser. */
  openExternal: (url: string) => Promise<void>;
  /**
   * Starts the built-in demo library (electron/demo-library, started by the composition root so
   * that services/ does not depend on it; tests pass a server of their choosing). The signal
   * aborts when the services close: a first start's media generation stops instead of finishing.
   */
  startDemoLibrary: (signal: AbortSignal) => Promise<DemoLibraryServer>;
  /** The library to open instead of the saved source (the preview's --endpoint). */
  libraryOverride?: () => Promise<ActiveLibrary>;
  /** Sets the download folder at start (the preview's --download-dir). */
  downloadDir?: string;
  /** Shows a folder in the system's file manager (Electron: shell.openPath). */
  openFolder?: (path: string) => Promise<void>;
  /** Where waveform peaks read audio files from; the media cache by default. */
  mediaFileReader?: MediaFileReader;
  /**
   * Starts the catalogue sync's listing worker (see catalogue/worker-lister.ts); without it the
   * listing runs on this thread.
   */
  catalogueListingWorker?: ListingWorkerStarter;
  /** Background catalogue refresh interval; default 30 minutes. */
  catalogueRefreshMs?: number;
  /** False: the catalogue syncs only on demand (tests of the app before its first sync). */
  catalogueSyncOnOpen?: boolean;
  /** Waits before favourites sync retries after a passing failure (tests shorten them). */
  favouriteSyncRetryDelaysMs?: readonly number[];
  /** The keychain; the OS keychain through keytar by default. Tests pass their own. */
  keychain?: SecretStore;
  logger?: RouterLogger;
  /** The OS Downloads folder (Electron: app.getPath('downloads')); ~/Downloads by default. */
  downloadsDir?: string;
  /** What only the desktop shell can do; missing actions answer "not here". */
  shell?: Partial<ShellActions>;
  /** Concurrent downloads (default 3). */
  downloadConcurrency?: number;
  /**
   * The clock the media cache reads signed URLs' lifetimes against (ms, Date.now by default):
   * tests share one with the demo server and move both on, instead of waiting for URLs to expire.
   */
  clock?: () => number;
}

/** The default download folder's name inside the OS Downloads folder. */
export const DOWNLOAD_SUBFOLDER = 'ICE Media Library';

export interface MainServices {
  readonly router: IpcRouter;
  readonly handlers: Handlers;
  readonly events: EventHub;
  /** A sentence for the user when the settings file had to be set aside at start, else null. */
  readonly startupNotice: string | null;
  /** The media cache behind every cover, preview and file. */
  readonly mediaCache: MediaCache;
  /** Answers one media:// (or preview media route) request from the cache. */
  respondToMedia(target: MediaTarget | null, request: MediaRequestLike): Promise<Response>;
  /** Local copies of media files: the media cache, as drag-out and downloads see it. */
  readonly localFiles: LocalMediaFiles;
  /** The items listed so far (the preview's media route resolves names through it). */
  readonly directory: MediaDirectory;
  close(): Promise<void>;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const settings = new SettingsStore({ dataDir: options.dataDir });
  const { notice: settingsNotice } = await settings.load();
  if (options.downloadDir !== undefined) {
    await settings.update({ downloadFolder: options.downloadDir });
  }
  // Not awaited: the first run generates the demo media for several seconds, and the window
  // should open meanwhile. Requests to the demo library wait for it.
  const stopDemoStart = new AbortController();
  const demoServer = options.startDemoLibrary(stopDemoStart.signal);
  const keychain =
    options.keychain ??
    new KeytarStore({ service: keychainServiceName(options.isPackaged ?? false) });
  const account = new AccountService({
    keychain: new CredentialVault(keychain),
    settings,
    createClient: createIceClient,
  });
  demoServer.catch(() => undefined);
  const sources = new LibrarySources({ demoServer, account, settings });
  const events = new EventHub();
  const shell = options.shell ?? {};
  const catalogue = new CatalogueService({
    dir: join(options.dataDir, 'catalogue'),
    onStatus: (status) => events.emit('onCatalogueStatus', status),
    onSynced: () => favouriteSync.catalogueSynced(),
    ...(options.catalogueRefreshMs === undefined
      ? {}
      : { refreshIntervalMs: options.catalogueRefreshMs }),
  });
  const favouriteSync = new FavouriteSync({
    catalogue,
    onStatus: (status) => events.emit('onFavouriteSyncStatus', status),
    onFavourites: (ids) => events.emit('onFavouritesChanged', ids),
    ...(options.favouriteSyncRetryDelaysMs === undefined
      ? {}
      : { retryDelaysMs: options.favouriteSyncRetryDelaysMs }),
  });
  const waveforms = new WaveformService({
    dir: join(options.dataDir, 'waveforms'),
    // Peaks come from the file in the media cache: one download serves playback, drag-out and
    // the waveform, and an expired link is refreshed there.
    reader: options.mediaFileReader ?? {
      read: async (mediaId, fileName, _url, signal) => {
        const cached = await mediaCache.ensure(mediaId, fileName, signal ? { signal } : {});
        if (cached.size > MAX_AUDIO_BYTES) {
          throw new AppError('BAD_RESPONSE', 'This track is too long to draw its waveform.');
        }
        return readFile(cached.path);
      },
    },
  });
  // The demo server's port changes every start; its catalogue is the same library. An account's
  // catalogue holds that account's favourites and their sync queue, so each AccessKey has its own:
  // another key on the same endpoint never sees, or sends, the first one's stars. (The key names
  // a hashed file name, never a file's content.)
  const catalogueKey = ({ source, accessKeyId }: ActiveLibrary) =>
    source.kind === 'demo'
      ? 'demo'
      : source.kind === 'account'
        ? `account:${source.endpoint}:${accessKeyId ?? ''}`
        : `${source.kind}:${source.endpoint}`;
  const openCatalogue = (active: ActiveLibrary): ActiveLibrary => {
    const lister = listerFor(
      active.api,
      options.catalogueListingWorker ? { worker: options.catalogueListingWorker } : {},
    );
    catalogue.open(catalogueKey(active), lister, {
      sync: options.catalogueSyncOnOpen ?? true,
    });
    // Only an account has favourites on the service.
    favouriteSync.attach(
      active.source.kind === 'account' && hasFavouritesApi(active.api) ? active.api : null,
    );
    return active;
  };
  /** The catalogue of the active source, once that source has opened. */
  const catalogueReady = async (): Promise<CatalogueService> => {
    await library.source();
    return catalogue;
  };

  // Start on the saved source; a source that cannot open (no key any more) falls back to demo.
  const saved = settings.current().librarySource;
  const library = new LibraryService(
    (options.libraryOverride
      ? options.libraryOverride()
      : saved === 'demo'
        ? sources.demo()
        : sources.open(saved).catch(async () => {
            await settings.update({ librarySource: 'demo' });
            return sources.demo();
          })
    ).then(openCatalogue),
  );

  const cacheStatus = (): MediaCacheStatus => {
    const { usedBytes, limitBytes, entryCount, online } = mediaCache.stats();
    return { usedBytes, limitBytes, entryCount, online };
  };
  const mediaCache = await MediaCache.open({
    dir: join(options.dataDir, 'media-cache'),
    limitBytes: settings.current().mediaCacheLimitBytes,
    locator: {
      lookUp: (mediaId, signal) => library.getMedia(mediaId, signal),
      allowInternalHosts: () => library.isInternal(),
    },
    onOnlineChange: () => events.emit('onMediaCacheStatus', cacheStatus()),
    ...(options.clock === undefined ? {} : { now: options.clock }),
  });
  // Files a crash left unaccounted for; nothing waits for it.
  void mediaCache.sweep().catch(() => undefined);
  const startupNotice =
    [settingsNotice, mediaCache.notice].filter((n) => n !== null).join(' ') || null;

  // Getting media out: the items listed so far, their files in the cache, drag-out, downloads.
  const directory = new MediaDirectory({ fetchItem: (mediaId) => library.getMedia(mediaId) });
  const localFiles = cachedMediaFiles(mediaCache);
  /**
   * Items the renderer has been shown: the directory keeps them whole (names, sizes, formats, for
   * drag-out and downloads), the cache keeps their signed links (to fetch covers and files).
   */
  const rememberListed = (items: readonly MediaItem[]): void => {
    directory.remember(items);
    mediaCache.remember(items);
  };
  const prepared = new LocalFilesService({
    files: localFiles,
    directory,
    emit: (state) => events.emit('onLocalFileChanged', state),
  });
  const dragOut = new DragOut({
    files: localFiles,
    directory,
    stagingDir: join(options.dataDir, 'drag-out'),
  });
  const defaultFolder = join(
    options.downloadsDir ?? join(homedir(), 'Downloads'),
    DOWNLOAD_SUBFOLDER,
  );
  const downloadFolder = () => {
    const chosen = settings.current().downloadFolder;
    return chosen === null
      ? { path: defaultFolder, isDefault: true }
      : { path: chosen, isDefault: false };
  };
  const downloads = new DownloadQueue({
    files: localFiles,
    directory,
    history: new DownloadHistory(join(options.dataDir, 'downloads.json')),
    folder: downloadFolder,
    emit: (snapshot) => events.emit('onDownloadsChanged', snapshot),
    ...(options.downloadConcurrency === undefined
      ? {}
      : { concurrency: options.downloadConcurrency }),
  });
  await downloads.open();

  const needShell = <K extends keyof ShellActions>(name: K): ShellActions[K] => {
    const action = shell[name];
    if (!action) throw new AppError('INVALID_INPUT', 'This is only possible in the desktop app.');
    return action;
  };
  const existingPath = (path: string): string => {
    if (!existsSync(path)) throw new AppError('NOT_FOUND', 'The file is no longer there.');
    return path;
  };
  const pickFolder = async (): Promise<string | null> => {
    const chosen = await needShell('pickFolder')(downloadFolder().path);
    if (chosen === null) return null;
    if (!isAbsolute(chosen))
      throw new AppError('INVALID_INPUT', 'Choose a folder on this computer.');
    return chosen;
  };

  // Another process (the CLI's `auth set` or `auth clear`) changed the settings: an account
  // source reopens with what is saved now, and the page hears of the account's new state.
  const stopWatchingSettings = settings.watch(() => {
    void (async () => {
      if ((await library.source().catch(() => null))?.kind === 'account') {
        await switchSource('account').catch(() => switchSource('demo'));
      }
      events.emit('onAccountChanged', await account.status());
    })().catch((error: unknown) =>
      options.logger?.error('Reloading the settings failed', {
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  });

  async function switchSource(kind: LibrarySourceKind) {
    library.use(openCatalogue(await sources.open(kind)));
    if (settings.current().librarySource !== kind) await settings.update({ librarySource: kind });
    const source = await library.source();
    directory.forgetAll();
    prepared.forgetAll();
    events.emit('onLibrarySourceChanged', source);
    return source;
  }

  const handlers: Handlers = {
    getAppInfo: async () => ({
      version: options.appVersion,
      platform: options.platform,
      browserPreview: options.browserPreview,
    }),
    getLibrarySource: () => library.source(),
    setLibrarySource: async ({ kind }) => switchSource(kind),
    listTags: async ({ businessType }) => {
      try {
        return await library.listTags(businessType);
      } catch (error) {
        // Offline: the tags stored by the last sync.
        const stored = (await catalogueReady()).tags(businessType);
        if (stored.length > 0) return stored;
        throw error;
      }
    },
    listMedia: async (query) => {
      const page = await library.listMedia(query);
      rememberListed(page.items);
      return page;
    },
    getMedia: async ({ mediaId }) => {
      let item;
      try {
        item = await library.getMedia(mediaId);
      } catch (error) {
        // Offline: the item as the last sync stored it.
        const stored = (await catalogueReady()).item(mediaId);
        if (!stored) throw error;
        item = stored;
      }
      rememberListed([item]);
      return item;
    },
    getCatalogueStatus: async () => (await catalogueReady()).status(),
    syncCatalogue: async () => {
      const ready = await catalogueReady();
      await ready.sync();
      return ready.status();
    },
    searchCatalogue: async (query) => (await catalogueReady()).search(query),
    getCatalogueItems: async ({ mediaIds }) => {
      // Shown from the local catalogue: their covers and files are fetched with the links the
      // last sync saw, not with one GetPublicMediaInfo call per tile (a scroll through the
      // stickers made thousands, against a service that throttles). Expired links are renewed.
      const items = (await catalogueReady()).items(mediaIds);
      rememberListed(items);
      return items;
    },
    listFavourites: async () => (await catalogueReady()).favourites(),
    setFavourite: async ({ mediaId, favourite }) => {
      const favourites = (await catalogueReady()).setFavourite(mediaId, favourite);
      favouriteSync.recordLocalChange(mediaId, favourite);
      return favourites;
    },
    getFavouriteSync: async () => {
      await catalogueReady();
      return favouriteSync.status();
    },
    setFavouriteSync: async ({ enabled }) => {
      await catalogueReady();
      return favouriteSync.setEnabled(enabled);
    },
    retryFavouriteSync: async () => {
      await catalogueReady();
      return favouriteSync.retry();
    },
    getWaveform: async ({ mediaId }) => {
      const stored = (await catalogueReady()).item(mediaId);
      try {
        return await waveforms.peaks(stored ?? (await library.getMedia(mediaId)));
      } catch (error) {
        // A stored signed URL may have expired: once more with a fresh one.
        if (!(stored && error instanceof AppError && error.code === 'URL_EXPIRED')) throw error;
        return waveforms.peaks(await library.getMedia(mediaId));
      }
    },
    getAccountStatus: async () => account.status(),
    validateAccount: async (form) => account.validateInput(form),
    testAccount: async (form) => account.testConnection(form),
    saveAccount: async ({ form, sessionOnly }) => {
      const saved = await account.save(form, { sessionOnly: sessionOnly ?? false });
      await switchSource('account');
      events.emit('onAccountChanged', saved.status);
      return saved;
    },
    clearAccount: async () => {
      // Each status read goes to the keychain (on Linux with a probe write): read it once.
      let status: AccountStatus | undefined;
      try {
        status = await account.clear();
      } finally {
        // Even when the keychain refused, the key must not go on being used.
        if ((await library.source().catch(() => null))?.kind === 'account') {
          await switchSource('demo');
        }
        status ??= await account.status();
        events.emit('onAccountChanged', status);
      }
      return status;
    },
    getSettings: async () => ({ settings: settings.current(), notice: startupNotice }),
    updateSettings: async (patch) => {
      const updated = await settings.update(patch);
      if (patch.mediaCacheLimitBytes !== undefined) {
        await mediaCache.setLimit(updated.mediaCacheLimitBytes);
      }
      if (patch.downloadFolder !== undefined)
        events.emit('onDownloadsChanged', downloads.snapshot());
      return updated;
    },
    openExternal: async ({ url }) => options.openExternal(checkExternalUrl(url)),
    getMediaCacheStatus: async () => cacheStatus(),
    clearMediaCache: async () => {
      await mediaCache.clear();
      return cacheStatus();
    },
    openMediaCacheFolder: async () => {
      if (!options.openFolder) {
        throw new AppError('INTERNAL', 'Opening folders is not available here.');
      }
      await options.openFolder(mediaCache.dir);
    },
    startDownloads: async ({ mediaIds, saveTo }) => {
      const folder = saveTo ? await pickFolder() : downloadFolder().path;
      if (folder === null) return { batchId: null, snapshot: downloads.snapshot() };
      const batchId = await downloads.start(mediaIds, folder);
      return { batchId, snapshot: downloads.snapshot() };
    },
    getDownloads: async () => downloads.snapshot(),
    cancelDownload: async ({ id }) => {
      downloads.cancel(id);
      return downloads.snapshot();
    },
    retryDownload: async ({ id }) => {
      downloads.retry(id);
      return downloads.snapshot();
    },
    clearDownloadHistory: async () => {
      downloads.clearHistory();
      return downloads.snapshot();
    },
    showDownloadInFolder: async ({ id }) => {
      needShell('showItemInFolder')(existingPath(downloads.savedPath(id)));
    },
    openDownload: async ({ id }) => {
      await needShell('openPath')(existingPath(downloads.savedPath(id)));
    },
    chooseDownloadFolder: async () => {
      const chosen = await pickFolder();
      if (chosen !== null) await settings.update({ downloadFolder: chosen });
      const snapshot = downloads.snapshot();
      events.emit('onDownloadsChanged', snapshot);
      return snapshot;
    },
    prepareLocalFiles: async ({ mediaIds, reason }) => prepared.prepare(mediaIds, reason),
    copyFile: async ({ mediaId }) => {
      const file = await directory.file(mediaId, null);
      const local = await localFiles.ensure(mediaId, file.fileName);
      const plan = dragOut.plan([mediaId]);
      const path = plan.ok ? (plan.files[0] ?? local.path) : local.path;
      const copied = (await shell.copyFileToClipboard?.(path)) ?? false;
      return { copied: copied ? 'file' : 'path', path };
    },
    showContextMenu: async ({ entries }) => {
      if (!shell.popupMenu) return { native: false, chosen: null };
      return { native: true, chosen: await shell.popupMenu(entries) };
    },
  };

  const sendHandlers: SendHandlers = {
    // Synchronous from message to startDrag: nothing is awaited (macOS ignores late drags).
    startDrag: ({ mediaIds }, sender) => {
      const plan = dragOut.plan(mediaIds);
      if (!plan.ok) {
        // The page checks readiness first; a file evicted meanwhile is fetched for next time.
        void prepared.prepare(plan.notReady, 'selection');
        return;
      }
      shell.startDrag?.(sender, { files: plan.files, iconPath: plan.iconPath });
    },
  };

  return {
    router: createIpcRouter(handlers, options.logger, sendHandlers),
    handlers,
    events,
    startupNotice,
    mediaCache,
    respondToMedia: (target, request) => respondWithMedia(mediaCache, target, request),
    localFiles,
    directory,
    close: async () => {
      stopWatchingSettings();
      stopDemoStart.abort();
      await downloads.close();
      await mediaCache.close();
      favouriteSync.close();
      catalogue.close();
      await library.close();
      await (await demoServer.catch(() => null))?.close();
    },
  };
}
