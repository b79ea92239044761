// The Electron entry: one instance, the app:// protocol, the services, one secure window, IPC.
// Everything with logic lives in electron/services (plain Node, tested there); this file only
// connects Electron's objects to it.

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, session, shell } from 'electron';
import type { BrowserWindow, WebContents } from 'electron';
import { startDemoServer } from '../demo-library/index';
import { createMainServices } from '../services/main-services';
import type { MainServices } from '../services/main-services';
import { originOf } from '../services/ipc/sender-check';
import { handleAppProtocol, registerAppSchemesAsPrivileged } from './app-protocol';
import { handleMediaProtocol } from './media-protocol';
import { wireIpc } from './ipc-wiring';
import { APP_ORIGIN, APP_START_URL } from './renderer-files';
import { createMainWindow, denyPermissions, guardWebContents } from './window';
import { electronShellActions } from './shell-adapters';

const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

/**
 * `electron-vite dev` serves the renderer over http with hot reload and names it in
 * ELECTRON_RENDERER_URL. A packaged app never honours it, and only a loopback URL is accepted.
 */
function devServerUrl(): string | null {
  const raw = process.env['ELECTRON_RENDERER_URL'];
  if (app.isPackaged || raw === undefined || raw === '') return null;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url.toString() : null;
  } catch {
    return null;
  }
}

const devUrl = devServerUrl();
const startUrl = devUrl ?? APP_START_URL;
const appOrigin = (devUrl === null ? APP_ORIGIN : originOf(devUrl)) ?? APP_ORIGIN;

const openExternal = (url: string): Promise<void> => shell.openExternal(url);
/** shell.openPath answers an error message instead of rejecting. */
const openFolder = async (path: string): Promise<void> => {
  const problem = await shell.openPath(path);
  if (problem !== '') throw new Error(problem);
};

// Scheme privileges must be registered before 'ready'.
registerAppSchemesAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  runApp();
}

function runApp(): void {
  const appContents = new Set<WebContents>();
  let mainWindow: BrowserWindow | null = null;
  let services: MainServices | null = null;

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appOrigin, openExternal });
  });

  function openMainWindow(): void {
    const window = createMainWindow({ preloadPath: PRELOAD_PATH, startUrl });
    const contents = window.webContents;
    appContents.add(contents);
    contents.once('destroyed', () => appContents.delete(contents));
    window.once('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  }

  // A second launch shows the app: the window if there is one, else a new one (once the
  // services are up; during start-up the window opens when they are).
  app.on('second-instance', () => {
    if (mainWindow === null) {
      if (services !== null) openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (mainWindow === null && services !== null) openMainWindow();
  });

  // Quit only after the services (demo server, downloads) have closed.
  let quitState: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (quitState === 'closed' || services === null) return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    services
      .close()
      .catch((error: unknown) => {
        console.error('Closing services failed:', error instanceof Error ? error.message : error);
      })
      .finally(() => {
        quitState = 'closed';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      denyPermissions(session.defaultSession, appOrigin);
      handleAppProtocol(RENDERER_DIR);
      const dataDir = app.getPath('userData');
      services = await createMainServices({
        dataDir,
        appVersion: app.getVersion(),
        platform: process.platform,
        isPackaged: app.isPackaged,
        browserPreview: false,
        openExternal,
        startDemoLibrary: (signal) =>
          startDemoServer({
            mediaDir: join(dataDir, 'demo-library'),
            signal,
            // The first start's synthesis runs in a worker thread (bundled next to this file).
            generationWorker: new URL('./demo-media-worker.js', import.meta.url),
          }),
        // The catalogue sync's listing runs in a worker thread (bundled next to this file).
        catalogueListingWorker: (workerOptions) =>
          new Worker(new URL('./catalogue-listing-worker.js', import.meta.url), workerOptions),
        openFolder,
        downloadsDir: app.getPath('downloads'),
        shell: electronShellActions(),
        logger: { error: (message, detail) => console.error(message, detail ?? '') },
      });
      const started = services;
      handleMediaProtocol((target, request) => started.respondToMedia(target, request));
      wireIpc({
        ipcMain,
        router: services.router,
        events: services.events,
        appContents,
        allowedOrigins: [appOrigin],
        logger: console,
      });
      openMainWindow();
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error('ICE Media Library could not start:', message);
      dialog.showErrorBox('ICE Media Library could not start', message);
      app.exit(1);
    });
}
