// Runs in the page before the renderer (a classic script the preview injects into index.html):
// installs window.iceApi from the same createBridgeApi the Electron preload uses, over a
// WebSocket to the preview server. Built into one IIFE by the preview at start-up.

import { createBridgeApi } from '../../shared/bridge';
import { BRIDGE_GLOBAL } from '../../shared/ipc-channels';
import { MEDIA_BASE_GLOBAL, PREVIEW_MEDIA_ROUTE } from '../../shared/media-url';
import { BRIDGE_SOCKET_PATH, TOKEN_PARAM, TOKEN_STORAGE_KEY, tokenFromFragment } from './protocol';
import { createSocketTransport } from './socket-transport';
import type { SocketLike } from './socket-transport';

/** The few page globals this script touches (the Node-side tsconfig has no DOM library). */
interface PageGlobals {
  location: { hash: string; host: string; protocol: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
  WebSocket: new (url: string) => SocketLike;
}

const page = globalThis as unknown as PageGlobals;

/** Takes the token out of the address bar (so it is not shared by copying the URL). */
function readToken(): string | null {
  const fromFragment = tokenFromFragment(page.location.hash);
  if (fromFragment !== null) {
    page.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromFragment);
    page.history.replaceState(null, '', page.location.pathname + page.location.search);
    return fromFragment;
  }
  return page.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

const token = readToken();
const scheme = page.location.protocol === 'https:' ? 'wss:' : 'ws:';

const transport = createSocketTransport({
  connect() {
    if (token === null) {
      throw new Error('Open the preview with the URL that npm run dev:browser printed.');
    }
    const query = `${TOKEN_PARAM}=${encodeURIComponent(token)}`;
    return new page.WebSocket(`${scheme}//${page.location.host}${BRIDGE_SOCKET_PATH}?${query}`);
  },
});

// Cached media come from the preview's own token-guarded route instead of Electron's media:.
if (token !== null) {
  Object.defineProperty(globalThis, MEDIA_BASE_GLOBAL, {
    value: `${page.location.protocol}//${page.location.host}${PREVIEW_MEDIA_ROUTE}${encodeURIComponent(token)}/`,
    writable: false,
    configurable: false,
    enumerable: true,
  });
}

Object.defineProperty(globalThis, BRIDGE_GLOBAL, {
  value: createBridgeApi(transport),
  writable: false,
  configurable: false,
  enumerable: true,
});
