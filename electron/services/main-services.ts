// The composition root of the main process's services, free of Electron: the Electron shell and
// the browser preview both build exactly this and connect it to their own transport.

import { createIceClient } from './ice/ice-client';
import { createIpcRouter } from './ipc/ipc-router';
import type { Handlers, IpcRouter, RouterLogger } from './ipc/ipc-router';
import { EventHub } from './app/event-hub';
import { checkExternalUrl } from './app/external-url';
import { LibraryService } from './library/library-service';
import { LibrarySources } from './library/library-sources';
import type { DemoLibraryServer } from './library/library-sources';
import { AccountService } from './account/account-service';
import { CredentialVault } from './secrets/credential-vault';
import { KeytarStore } from './secrets/keytar-store';
import { keychainServiceName } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import type { LibrarySourceKind } from '../../shared/domain';
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
  close(): Promise<void>;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const settings = new SettingsStore({ dataDir: options.dataDir });
  const { notice: startupNotice } = await settings.load();
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

  // Start on the saved source; a source that cannot open (no key any more) falls back to demo.
  const saved = settings.current().librarySource;
  const library = new LibraryService(
    saved === 'demo'
      ? sources.demo()
      : sources.open(saved).catch(async () => {
          await settings.update({ librarySource: 'demo' });
          return sources.demo();
        }),
  );

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
    listMedia: async (query) => library.listMedia(query),
    getMedia: async ({ mediaId }) => library.getMedia(mediaId),
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
    startupNotice,
    close: async () => {
      stopWatchingSettings();
      stopDemoStart.abort();
      await library.close();
      await (await demoServer.catch(() => null))?.close();
    },
  };
}
