// The page-facing API is injected before the app starts: by the Electron preload through
// contextBridge, or by the browser preview's page bridge. The renderer cannot tell which.

import type { BridgeApi } from '../../shared/ipc-contract';

declare global {
  interface Window {
    /** Missing only if the page was opened outside the app (no preload, no preview bridge). */
    readonly iceApi?: BridgeApi;
  }
}

export {};
