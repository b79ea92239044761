// The composition root of the main process's services, free of Electron: the Electron shell and
// the browser preview both build exactly this and connect it to their own transport.

import { join } from 'node:path';
import { startDemoServer } from './demo-server/index';
import type { DemoServer } from './demo-server/index';
import { createIceClient } from './ice/ice-client';
import { createIpcRouter } from './ipc/ipc-router';
import type { Handlers, IpcRouter, RouterLogger } from './ipc/ipc-router';
import { EventHub } from './app/event-hub';
import { checkExternalUrl } from './app/external-url';
import { LibraryService } from './library/library-service';

export interface MainServicesOptions {
  /** The app's data folder (Electron: app.getPath('userData')). */
  dataDir: string;
  appVersion: string;
  platform: string;
  browserPreview: boolean;
  /** Opens an already-checked https URL in the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Where the demo library's generated media are cached; defaults inside dataDir. */
  demoMediaDir?: string;
  logger?: RouterLogger;
}

export interface MainServices {
  readonly router: IpcRouter;
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly demoServer: DemoServer;
  close(): Promise<void>;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const demoServer = await startDemoServer({
    mediaDir: options.demoMediaDir ?? join(options.dataDir, 'demo-library'),
  });
  const demoEndpoint = new URL(demoServer.url);
  const library = new LibraryService({
    source: { kind: 'demo', endpoint: demoEndpoint.host },
    api: createIceClient({
      endpoint: { scheme: 'http', host: demoEndpoint.hostname, port: Number(demoEndpoint.port) },
    }),
  });
  const events = new EventHub();

  const handlers: Handlers = {
    getAppInfo: async () => ({
      version: options.appVersion,
      platform: options.platform,
      browserPreview: options.browserPreview,
    }),
    getLibrarySource: async () => library.source,
    listTags: async ({ businessType }) => library.listTags(businessType),
    listMedia: async (query) => library.listMedia(query),
    getMedia: async ({ mediaId }) => library.getMedia(mediaId),
    openExternal: async ({ url }) => options.openExternal(checkExternalUrl(url)),
  };

  return {
    router: createIpcRouter(handlers, options.logger),
    handlers,
    events,
    demoServer,
    close: () => demoServer.close(),
  };
}
