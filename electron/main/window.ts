// The one window factory and the guards every web page of the app runs under.

import { BrowserWindow } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import { checkExternalUrl } from '../services/app/external-url';
import { originOf } from '../services/ipc/sender-check';

/** Electron's security checklist, spelled out rather than relying on defaults. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    preload: preloadPath,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    backgroundColor: '#111318',
    title: 'ICE Media Library',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl).catch((error: unknown) => {
    console.error(
      'The main window failed to load:',
      error instanceof Error ? error.message : error,
    );
  });
  return window;
}

export interface ContentsPolicy {
  /** The one origin pages may stay on (app://renderer, or the dev server in development). */
  appOrigin: string;
  /** Opens an https URL in the system browser. */
  openExternal: (url: string) => Promise<void>;
}

/** Applied to every webContents the app ever has, through app 'web-contents-created'. */
export function guardWebContents(contents: WebContents, policy: ContentsPolicy): void {
  const stayOnAppOrigin = (event: { url: string; preventDefault(): void }): void => {
    if (originOf(event.url) !== policy.appOrigin) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppOrigin);
  contents.on('will-redirect', stayOnAppOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, policy.openExternal);
    return { action: 'deny' };
  });
}

/** A link meant for a new window: https goes to the system browser, anything else nowhere. */
function openOutside(url: string, openExternal: (url: string) => Promise<void>): void {
  let safe: string;
  try {
    safe = checkExternalUrl(url);
  } catch {
    return;
  }
  openExternal(safe).catch(() => undefined);
}

/**
 * Deny every permission (camera, notifications, geolocation, clipboard reading...) except two
 * the app's own page needs: reaching loopback addresses (the demo library's media come from a
 * server on 127.0.0.1) and writing text to the clipboard (the "Copy" buttons).
 */
const APP_ONLY_PERMISSIONS = new Set<string>([
  'local-network-access',
  'loopback-network',
  'clipboard-sanitized-write',
]);

export function denyPermissions(session: Session, appOrigin: string): void {
  const allowed = (permission: string, origin: string | null): boolean =>
    APP_ONLY_PERMISSIONS.has(permission) && origin === appOrigin;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowed(permission, originOf(details.requestingUrl)));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, originOf(requestingOrigin)),
  );
}
