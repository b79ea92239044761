// The composition root of the main process's services, free of Electron: the Electron shell and
// the browser preview both build exactly this and connect it to their own transport.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { startDemoServer } from './demo-server/index';
import type { DemoServer, DemoServerOptions } from './demo-server/index';
import { createIceClient } from './ice/ice-client';
import { createIpcRouter } from './ipc/ipc-router';
import type { Handlers, IpcRouter, RouterLogger, SendHandlers } from './ipc/ipc-router';
import { isInternalHost } from './ice/url-safety';
import { DownloadHistory } from './downloads/download-history';
import { DownloadQueue } from './downloads/download-queue';
import { COVER_FILE_NAME, DragOut } from './media-out/drag-out';
import { FetchedMediaFiles } from './media-out/local-media-files';
import type { LocalMediaFiles } from './media-out/local-media-files';
import { LocalFilesService } from './media-out/local-files-service';
import { MediaDirectory } from './media-out/media-directory';
import type { ShellActions } from './media-out/shell-actions';
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
import type { LibrarySource, LibrarySourceKind, MediaFile } from '../../shared/domain';
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
  /** Where the demo library's generated media are cached; defaults inside dataDir. */
  demoMediaDir?: string;
  /** The demo server's catalogue: the generated demo library by default; tests ask for more. */
  demoCatalogue?: DemoServerOptions['catalogue'];
  /** The keychain; the OS keychain through keytar by default. Tests pass their own. */
  keychain?: SecretStore;
  logger?: RouterLogger;
  /** The OS Downloads folder (Electron: app.getPath('downloads')); ~/Downloads by default. */
  downloadsDir?: string;
  /** What only the desktop shell can do; missing actions answer "not here". */
  shell?: Partial<ShellActions>;
  /** Concurrent downloads (default 3). */
  downloadConcurrency?: number;
}

/** The default download folder's name inside the OS Downloads folder. */
export const DOWNLOAD_SUBFOLDER = 'ICE Media Library';

export interface MainServices {
  readonly router: IpcRouter;
  readonly handlers: Handlers;
  readonly events: EventHub;
  /** The demo server once it has started (its media are generated on first run). */
  demoServer(): Promise<DemoServer>;
  /** A sentence for the user when the settings file had to be set aside at start, else null. */
  readonly startupNotice: string | null;
  /** Local copies of media files (the preview's media route serves them). */
  readonly localFiles: LocalMediaFiles;
  /** The items listed so far (the preview's media route resolves names through it). */
  readonly directory: MediaDirectory;
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
  const shell = options.shell ?? {};

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

  // Getting media out: the items listed so far, their local copies, drag-out and downloads.
  let allowInternalHosts = false;
  const noteSource = (source: LibrarySource): void => {
    allowInternalHosts = isInternalHost(source.endpoint.replace(/:\d+$/, ''));
  };
  void library.source().then(noteSource, () => undefined);
  const directory = new MediaDirectory({ fetchItem: (mediaId) => library.getMedia(mediaId) });
  const localFiles = new FetchedMediaFiles({
    dir: join(options.dataDir, 'media-files'),
    allowInternalHosts: () => allowInternalHosts,
    resolveFile: async (mediaId, fileName, fresh): Promise<MediaFile> => {
      if (fileName !== COVER_FILE_NAME) return directory.file(mediaId, fileName, fresh);
      const item = await directory.item(mediaId, fresh);
      if (!item.coverUrl) throw new AppError('NOT_FOUND', 'This media has no cover.');
      return {
        fileName: 'cover',
        fileSize: null,
        url: item.coverUrl,
        formatName: null,
        duration: null,
        width: null,
        height: null,
        bitrate: null,
        fileType: null,
        fileStatus: null,
        region: null,
      };
    },
  });
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

  async function switchSource(kind: LibrarySourceKind) {
    library.use(await sources.open(kind));
    if (settings.current().librarySource !== kind) await settings.update({ librarySource: kind });
    const source = await library.source();
    noteSource(source);
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
    listTags: async ({ businessType }) => library.listTags(businessType),
    listMedia: async (query) => {
      const page = await library.listMedia(query);
      directory.remember(page.items);
      return page;
    },
    getMedia: async ({ mediaId }) => {
      const item = await library.getMedia(mediaId);
      directory.remember([item]);
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
      if (patch.downloadFolder !== undefined)
        events.emit('onDownloadsChanged', downloads.snapshot());
      return updated;
    },
    openExternal: async ({ url }) => options.openExternal(checkExternalUrl(url)),
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
    demoServer: () => demoServer,
    startupNotice,
    localFiles,
    directory,
    close: async () => {
      await downloads.close();
      await library.close();
      await (await demoServer.catch(() => null))?.close();
    },
  };
}
