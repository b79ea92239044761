// The composition root of the main process's services, free of Electron: the Electron shell and
// the browser preview both build exactly this and connect it to their own transport.

import { join } from 'node:path';
import { startDemoServer } from './demo-server/index';
import type { DemoServer, DemoServerOptions } from './demo-server/index';
import { createIceClient } from './ice/ice-client';
import { createIpcRouter } from './ipc/ipc-router';
import type { Handlers, IpcRouter, RouterLogger } from './ipc/ipc-router';
import { EventHub } from './app/event-hub';
import { checkExternalUrl } from './app/external-url';
import { LibraryService } from './library/library-service';
import { LibrarySources } from './library/library-sources';
import { AccountService } from './account/account-service';
import { CredentialVault } from './secrets/credential-vault';
import { KeytarStore } from './secrets/keytar-store';
import { keychainServiceName } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import { CatalogueService } from './catalogue/catalogue-service';
import { listerFor } from './catalogue/catalogue-lister';
import { WaveformService } from './waveform/waveform-service';
import type { MediaFileReader } from './waveform/waveform-service';
import { AppError } from '../../shared/errors';
import type { ActiveLibrary } from './library/library-service';
import type { LibrarySource, LibrarySourceKind } from '../../shared/domain';
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
  /** Where the demo library's generated media are cached; defaults inside dataDir. */
  demoMediaDir?: string;
  /** The demo server's catalogue: the generated demo library by default; tests ask for more. */
  demoCatalogue?: DemoServerOptions['catalogue'];
  /** Where waveform peaks read audio files from; by default their URLs are downloaded. */
  mediaFileReader?: MediaFileReader;
  /** Background catalogue refresh interval; default 30 minutes. */
  catalogueRefreshMs?: number;
  /** The keychain; the OS keychain through keytar by default. Tests pass their own. */
  keychain?: SecretStore;
  logger?: RouterLogger;
}

export interface MainServices {
  readonly router: IpcRouter;
  readonly handlers: Handlers;
  readonly events: EventHub;
  /** The demo server once it has started (its media are generated on first run). */
  demoServer(): Promise<DemoServer>;
  /** A sentence for the user when the settings file had to be set aside at start, else null. */
  readonly startupNotice: string | null;
  close(): Promise<void>;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const settings = new SettingsStore({ dataDir: options.dataDir });
  const { notice: startupNotice } = await settings.load();
  // Not awaited: the first run generates the demo media for several seconds, and the window
  // should open meanwhile. Requests to the demo library wait for it.
  const demoServer = startDemoServer({
    mediaDir: options.demoMediaDir ?? join(options.dataDir, 'demo-library'),
    ...(options.demoCatalogue === undefined ? {} : { catalogue: options.demoCatalogue }),
  });
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
  const catalogue = new CatalogueService({
    dir: join(options.dataDir, 'catalogue'),
    onStatus: (status) => events.emit('onCatalogueStatus', status),
    ...(options.catalogueRefreshMs === undefined
      ? {}
      : { refreshIntervalMs: options.catalogueRefreshMs }),
  });
  const waveforms = new WaveformService({
    dir: join(options.dataDir, 'waveforms'),
    ...(options.mediaFileReader ? { reader: options.mediaFileReader } : {}),
  });
  // The demo server's port changes every start; its catalogue is the same library.
  const catalogueKey = (source: LibrarySource) =>
    source.kind === 'demo' ? 'demo' : `${source.kind}:${source.endpoint}`;
  const openCatalogue = (active: ActiveLibrary): ActiveLibrary => {
    catalogue.open(catalogueKey(active.source), listerFor(active.api));
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
    (saved === 'demo'
      ? sources.demo()
      : sources.open(saved).catch(async () => {
          await settings.update({ librarySource: 'demo' });
          return sources.demo();
        })
    ).then(openCatalogue),
  );

  async function switchSource(kind: LibrarySourceKind) {
    library.use(openCatalogue(await sources.open(kind)));
    if (settings.current().librarySource !== kind) await settings.update({ librarySource: kind });
    const source = await library.source();
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
    listMedia: async (query) => library.listMedia(query),
    getMedia: async ({ mediaId }) => {
      try {
        return await library.getMedia(mediaId);
      } catch (error) {
        const stored = (await catalogueReady()).item(mediaId);
        if (stored) return stored;
        throw error;
      }
    },
    getCatalogueStatus: async () => (await catalogueReady()).status(),
    syncCatalogue: async () => {
      const ready = await catalogueReady();
      await ready.sync();
      return ready.status();
    },
    searchCatalogue: async (query) => (await catalogueReady()).search(query),
    getCatalogueItems: async ({ mediaIds }) => (await catalogueReady()).items(mediaIds),
    listFavourites: async () => (await catalogueReady()).favourites(),
    setFavourite: async ({ mediaId, favourite }) =>
      (await catalogueReady()).setFavourite(mediaId, favourite),
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
    updateSettings: async (patch) => settings.update(patch),
    openExternal: async ({ url }) => options.openExternal(checkExternalUrl(url)),
  };

  return {
    router: createIpcRouter(handlers, options.logger),
    handlers,
    events,
    demoServer: () => demoServer,
    startupNotice,
    close: async () => {
      catalogue.close();
      await library.close();
      await (await demoServer.catch(() => null))?.close();
    },
  };
}
