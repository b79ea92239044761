// The browser preview (development tool, never packaged): hosts the main-process services in
// Node and serves the built renderer to any browser on 127.0.0.1, connected through the same
// bridge code as Electron. `npm run dev:browser` builds, then runs this file.

import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDemoServer } from '../demo-library/index';
import type { DemoServer, DemoServerOptions } from '../demo-library/index';
import { createMainServices } from '../services/main-services';
import type { MainServices } from '../services/main-services';
import type { SecretStore } from '../services/secrets/secret-store';
import { ensurePrivateDir, perUserName } from '../services/app/private-dir';
import { bundlePageBridge } from './page-bridge-bundle';
import { startPreviewServer } from './preview-server';
import type { BridgeMessageListener } from './preview-server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BrowserPreviewOptions {
  /** 0 or absent picks a free port. */
  port?: number;
  /**
   * The services' data folder; defaults to this user's folder under the system temp dir. Either
   * way it must be private to the user (see ensurePrivateDir).
   */
  dataDir?: string;
  /** The built renderer; defaults to out/renderer. */
  rendererDir?: string;
  /** Where an AccessKey is kept; the OS keychain (development name) by default. */
  keychain?: SecretStore;
  /** Where the demo library's generated media are cached; by default inside dataDir. */
  demoMediaDir?: string;
  /** The demo library's catalogue: the generated demo library by default; tests ask for more. */
  demoCatalogue?: DemoServerOptions['catalogue'];
  log?: (message: string) => void;
  /** Sees every bridge frame (tests that check no secret leaves the main side). */
  onBridgeMessage?: BridgeMessageListener;
}

export interface BrowserPreview {
  /** Open this URL; its fragment carries the access token. */
  url: string;
  origin: string;
  /** The hosted services. */
  services: MainServices;
  /** The demo library's server once it has started (tests inject faults through it). */
  demoServer(): Promise<DemoServer>;
  close(): Promise<void>;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

export async function startBrowserPreview(
  options: BrowserPreviewOptions = {},
): Promise<BrowserPreview> {
  const log = options.log ?? ((message: string) => console.log(message));
  const rendererDir = options.rendererDir ?? join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `No built renderer at ${rendererDir}. Run \`npx electron-vite build\` first ` +
        '(npm run dev:browser does it for you).',
    );
  }
  const dataDir = await ensurePrivateDir(
    options.dataDir ?? join(tmpdir(), perUserName('ice-media-library-preview')),
  );
  // One demo server per preview, started when the services ask for it.
  let demoServer: Promise<DemoServer> | undefined;
  const startDemoLibrary = (signal?: AbortSignal): Promise<DemoServer> =>
    (demoServer ??= ensurePrivateDir(options.demoMediaDir ?? join(dataDir, 'demo-library')).then(
      (mediaDir) =>
        startDemoServer({
          mediaDir,
          ...(signal === undefined ? {} : { signal }),
          ...(options.demoCatalogue === undefined ? {} : { catalogue: options.demoCatalogue }),
        }),
    ));
  const services = await createMainServices({
    dataDir,
    appVersion: appVersion(),
    platform: process.platform,
    browserPreview: true,
    openExternal: async (url) => log(`[preview] openExternal (not opened): ${url}`),
    logger: { error: (message) => log(`[preview] ${message}`) },
    ...(options.keychain === undefined ? {} : { keychain: options.keychain }),
    startDemoLibrary,
  });
  try {
    const server = await startPreviewServer({
      rendererDir,
      router: services.router,
      events: services.events,
      pageBridgeScript: await bundlePageBridge(),
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.onBridgeMessage === undefined
        ? {}
        : { onBridgeMessage: options.onBridgeMessage }),
      log,
    });
    return {
      url: server.url,
      origin: server.origin,
      services,
      demoServer: () => startDemoLibrary(),
      async close() {
        await server.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

async function runCli(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be a port number, not "${values.port}".`);
  }
  const preview = await startBrowserPreview({
    ...(port === undefined ? {} : { port }),
    ...(values['data-dir'] === undefined ? {} : { dataDir: resolve(values['data-dir']) }),
  });
  console.log('ICE Media Library browser preview (development tool)');
  console.log(`  Open ${preview.url}`);
  console.log('  Press Ctrl+C to stop.');
  const stop = (): void => {
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
