// The browser preview (development tool, never packaged): hosts the main-process services in
// Node and serves the built renderer to any browser on 127.0.0.1, connected through the same
// bridge code as Electron. `npm run dev:browser` builds, then runs this file.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo-library/index';
import type { DemoServer, DemoServerOptions } from '../demo-library/index';
import { createMainServices } from '../services/main-services';
import { listingWorkerFromSource } from './listing-worker-source';
import type { MainServices } from '../services/main-services';
import type { SecretStore } from '../services/secrets/secret-store';
import { ensurePrivateDir, perUserName } from '../services/app/private-dir';
import type { ShellActions } from '../services/media-out/shell-actions';
import { bundlePageBridge } from './page-bridge-bundle';
import { startPreviewServer } from './preview-server';
import type { BridgeMessageListener } from './preview-server';
import { PREVIEW_HELP, parsePreviewArgs } from './preview-options';
import type { PreviewRemoteLibrary } from './preview-options';
import { createIceClient } from '../services/ice/ice-client';
import { resolveEndpoint } from '../services/ice/endpoint';
import type { ActiveLibrary } from '../services/library/library-service';

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
  /** Where downloads go: sets the download folder setting at start. */
  downloadDir?: string;
  /** A generated demo catalogue of N items instead of the demo library. */
  demoItems?: number;
  /** Lifetime of the demo library's signed media URLs (tests shorten it). */
  demoUrlTtlSeconds?: number;
  /**
   * The clock of the demo server and of the media cache (ms, Date.now by default): tests move it
   * on to let signed URLs expire without waiting.
   */
  clock?: () => number;
  /** False: the local catalogue syncs only when asked (tests of the app before its first sync). */
  catalogueSyncOnOpen?: boolean;
  /** Browse this ICE-compatible server (credentials in memory only) instead of the demo. */
  remote?: PreviewRemoteLibrary;
  /** The OS Downloads folder; the default download folder is its app subfolder. */
  downloadsDir?: string;
  /**
   * What the desktop shell does (folder picker, file manager). A browser cannot, so by default
   * the preview only logs these; tests pass recorders.
   */
  shell?: Partial<ShellActions>;
}

/** The library for --endpoint/--region: an account if the environment had a key, else anonymous. */
function remoteLibrary(remote: PreviewRemoteLibrary): () => Promise<ActiveLibrary> {
  return async () => {
    const api = createIceClient({
      endpoint: remote.endpoint,
      signatureMethod: remote.signatureMethod,
      ...(remote.credentials === null ? {} : { credentials: remote.credentials }),
    });
    return {
      source: {
        kind: remote.credentials === null ? 'anonymous' : 'account',
        endpoint: resolveEndpoint(remote.endpoint).host,
      },
      api,
    };
  };
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
          ...(options.demoItems === undefined
            ? {}
            : { catalogue: { generated: options.demoItems } }),
          ...(signal === undefined ? {} : { signal }),
          ...(options.demoCatalogue === undefined ? {} : { catalogue: options.demoCatalogue }),
          ...(options.demoUrlTtlSeconds === undefined
            ? {}
            : { urlTtlSeconds: options.demoUrlTtlSeconds }),
          ...(options.clock === undefined ? {} : { now: options.clock }),
        }),
    ));
  const services = await createMainServices({
    dataDir,
    appVersion: appVersion(),
    platform: process.platform,
    browserPreview: true,
    openExternal: async (url) => log(`[preview] openExternal (not opened): ${url}`),
    openFolder: async (path) => log(`[preview] open folder (not opened): ${path}`),
    ...(options.remote === undefined ? {} : { libraryOverride: remoteLibrary(options.remote) }),
    ...(options.catalogueSyncOnOpen === undefined
      ? {}
      : { catalogueSyncOnOpen: options.catalogueSyncOnOpen }),
    ...(options.downloadDir === undefined ? {} : { downloadDir: options.downloadDir }),
    logger: { error: (message) => log(`[preview] ${message}`) },
    ...(options.keychain === undefined ? {} : { keychain: options.keychain }),
    startDemoLibrary,
    // The sync lists in a worker thread, as in the app (here from source, through tsx).
    catalogueListingWorker: listingWorkerFromSource(),
    ...(options.downloadsDir === undefined ? {} : { downloadsDir: options.downloadsDir }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    shell: options.shell ?? {
      showItemInFolder: (path) => log(`[preview] Show in folder (not opened here): ${path}`),
      openPath: async (path) => log(`[preview] Open (not opened here): ${path}`),
    },
  });
  try {
    const server = await startPreviewServer({
      rendererDir,
      router: services.router,
      respondToMedia: (target, request) => services.respondToMedia(target, request),
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
  const parsed = parsePreviewArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(PREVIEW_HELP);
    return;
  }
  if (parsed.kind === 'error') {
    console.error(`${parsed.message}\nRun with --help for the options.`);
    process.exitCode = 2;
    return;
  }
  const { build, ...options } = parsed.options;
  if (build) {
    // Built here rather than in the npm script, so --help and bad options answer at once.
    const bin = join(repoRoot, 'node_modules', '.bin', 'electron-vite');
    const run = spawnSync(bin, ['build'], { cwd: repoRoot, stdio: 'inherit', shell: false });
    if (run.status !== 0) throw new Error('electron-vite build failed; see above.');
  }
  const preview = await startBrowserPreview(options);
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
