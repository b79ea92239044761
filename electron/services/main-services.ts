// The composition root of the main process's services, free of Electron: the Electron shell and
// the browser preview both build exactly this and connect it to their own transport.

import { join } from 'node:path';
import { createIceClient } from './ice/ice-client';
import { createIpcRouter } from './ipc/ipc-router';
import type { Handlers, IpcRouter, RouterLogger } from './ipc/ipc-router';
import { EventHub } from './app/event-hub';
import { checkExternalUrl } from './app/external-url';
import { LibraryService } from './library/library-service';
import type { ActiveLibrary } from './library/library-service';
import { LibrarySources } from './library/library-sources';
import type { DemoLibraryServer } from './library/library-sources';
import { AccountService } from './account/account-service';
import { CredentialVault } from './secrets/credential-vault';
import { KeytarStore } from './secrets/keytar-store';
import { keychainServiceName } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import { MediaCache } from './media-cache/media-cache';
import { respondWithMedia } from './media-cache/media-response';
import type { MediaRequestLike } from './media-cache/media-response';
import type { MediaCacheStatus } from '../../shared/domain';
import type { MediaTarget } from '../../shared/media-url';
import type { LibrarySourceKind } from '../../shared/domain';
import type { AccountStatus } from '../../shared/account';
import { AppError } from '../../shared/errors';

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
   * that services/ does not depend on it; tests pass a server of their choosing).
   */
  startDemoLibrary: () => Promise<DemoLibraryServer>;
  /** The library to open instead of the saved source (the preview's --endpoint). */
  libraryOverride?: () => Promise<ActiveLibrary>;
  /** Sets the download folder at start (the preview's --download-dir). */
  downloadDir?: string;
  /** Shows a folder in the system's file manager (Electron: shell.openPath). */
  openFolder?: (path: string) => Promise<void>;
  /** The keychain; the OS keychain through keytar by default. Tests pass their own. */
  keychain?: SecretStore;
  logger?: RouterLogger;
}

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
  const demoServer = options.startDemoLibrary();
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

  // Start on the saved source; a source that cannot open (no key any more) falls back to demo.
  const saved = settings.current().librarySource;
  const library = new LibraryService(
    options.libraryOverride
      ? options.libraryOverride()
      : saved === 'demo'
        ? sources.demo()
        : sources.open(saved).catch(async () => {
            await settings.update({ librarySource: 'demo' });
            return sources.demo();
          }),
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
  });
  // Files a crash left unaccounted for; nothing waits for it.
  void mediaCache.sweep().catch(() => undefined);
  const startupNotice =
    [settingsNotice, mediaCache.notice].filter((n) => n !== null).join(' ') || null;

  async function switchSource(kind: LibrarySourceKind) {
    library.use(await sources.open(kind));
    if (settings.current().librarySource !== kind) await settings.update({ librarySource: kind });
    const source = await library.source();
    events.emit('onLibrarySourceChanged', source);
    return source;
  }

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

  const handlers: Handlers = {
    getAppInfo: async () => ({
      version: options.appVersion,
      platform: options.platform,
      browserPreview: options.browserPreview,
    }),
    getLibrarySource: () => library.source(),
    setLibrarySource: async ({ kind }) => switchSource(kind),
    listTags: async ({ businessType }) => library.listTags(businessType),
    listMedia: async (query) => {
      const page = await library.listMedia(query);
      mediaCache.remember(page.items);
      return page;
    },
    getMedia: async ({ mediaId }) => {
      const item = await library.getMedia(mediaId);
      mediaCache.remember([item]);
      return item;
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
  };

  return {
    router: createIpcRouter(handlers, options.logger),
    handlers,
    events,
    startupNotice,
    mediaCache,
    respondToMedia: (target, request) => respondWithMedia(mediaCache, target, request),
    close: async () => {
      stopWatchingSettings();
      await mediaCache.close();
      await library.close();
      await (await demoServer.catch(() => null))?.close();
    },
  };
}
